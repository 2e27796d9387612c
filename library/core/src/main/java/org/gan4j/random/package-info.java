/**
 * Reproducible random streams whose whole state is one {@code long}, so that a training run can be saved and resumed
 * bit for bit. {@link org.gan4j.random.RandomStream} is independent of ND4J's global random generator.
 */
package org.gan4j.random;
