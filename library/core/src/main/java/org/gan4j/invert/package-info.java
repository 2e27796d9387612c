/**
 * GAN inversion and what it enables: {@link org.gan4j.invert.Projector} finds the latent from which a trained
 * generator reproduces a given image (z for the MLP, DCGAN and conditional generators, w or one w per layer for the
 * style-based generator), in the manner of StyleGAN2's projector (Karras et al. 2020: Adam on the latent from the
 * average style, a learning-rate ramp, noise regularisation, a perceptual distance) and Defense-GAN (Samangouei et
 * al. 2018: gradient descent on z with random restarts); {@link org.gan4j.invert.StyleTransfer} re-renders inverted
 * real images: coarse styles of one with fine styles of another, or one garment under other classes.
 */
package org.gan4j.invert;
