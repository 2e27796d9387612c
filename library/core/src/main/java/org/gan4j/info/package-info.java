/**
 * InfoGAN (Chen et al. 2016, "InfoGAN: Interpretable Representation Learning by Information Maximizing Generative
 * Adversarial Nets"): latent codes beside z — categorical and continuous — whose mutual information with the
 * generated image is maximised through an auxiliary head Q on the discriminator's body. {@link
 * org.gan4j.info.InfoCodes} configures the codes and computes the information term; {@link org.gan4j.info.InfoProbe}
 * measures what the codes learned (agreement of the categorical code with a judge's classes after the best
 * one-to-one matching, monotonic attributes along continuous codes); {@link org.gan4j.info.InfoFigures} draws them.
 */
package org.gan4j.info;
