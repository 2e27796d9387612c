/**
 * The numerical backend as gan4j uses it: which ND4J backend and native build, BLAS, threads, and whether DL4J's
 * oneDNN layer helpers are really active ({@link org.gan4j.backend.Backend}; background in
 * {@code library/core/ONEDNN.md}).
 */
package org.gan4j.backend;
