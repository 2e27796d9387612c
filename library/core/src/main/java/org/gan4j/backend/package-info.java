/**
 * The numerical backend as gan4j uses it: which ND4J backend and native build, BLAS, threads, and whether DL4J's
 * oneDNN layer helpers are really active ({@link org.gan4j.backend.Backend}; background in
 * {@code library/core/ONEDNN.md}); and when ND4J's native memory is freed: by the training loop after its steps
 * ({@link org.gan4j.backend.NativeGarbage}) and by a process-wide watch on resident memory
 * ({@link org.gan4j.backend.MemoryWatch}).
 */
package org.gan4j.backend;
