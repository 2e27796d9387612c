/**
 * Working in a generator's latent space: interpolation between latent vectors ({@link org.gan4j.latent.Interpolation}:
 * lerp, slerp, paths, four-corner grids), the one-hot conditions of a class-conditional generator and blends between
 * them ({@link org.gan4j.latent.ClassConditions}), the truncation trick ({@link org.gan4j.latent.Truncation}), and
 * pictures of all three made with a trained generator ({@link org.gan4j.latent.LatentGrid}: image grids and animated
 * GIF walks).
 *
 * <pre>{@code
 * INDArray z = generator.latent(2, 7);
 * INDArray path = Interpolation.slerp().path(z.getRow(0), z.getRow(1), 9);   // [9, latentSize]
 * LatentGrid.everyClass(generator, 6, 42)                                     // same z under every class
 * LatentGrid.walkGif(generator, 4, 12, 42)                                    // AnimatedGif of a looping walk
 * }</pre>
 *
 * <p>Vectors are handled as ND4J arrays; a single latent vector may be a row {@code [1, d]} or a vector {@code [d]},
 * batches are {@code [n, d]}. Arithmetic is done in double precision and returned in the input's data type.
 */
package org.gan4j.latent;
