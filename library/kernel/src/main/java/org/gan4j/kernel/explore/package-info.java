/**
 * Interactive explorers of trained generators: sliders over latent directions, truncation, interpolation, class
 * blends, style mixing and InfoGAN codes that re-render a sample grid in place
 * ({@link org.gan4j.kernel.explore.Explorer}).
 */
package org.gan4j.kernel.explore;
