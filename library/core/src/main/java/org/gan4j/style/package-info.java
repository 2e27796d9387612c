/**
 * The style-based generator (Karras, Laine, Aila 2019, "A Style-Based Generator Architecture for Generative
 * Adversarial Networks"): a mapping network from z to a style vector w, a learned constant input, synthesis layers
 * whose feature maps are normalised and re-styled by w (adaptive instance normalisation), per-layer noise inputs with
 * learned strength, style mixing and truncation in w.
 *
 * <p>{@link org.gan4j.style.StyleNetwork} is the network under gan4j's {@link org.gan4j.nn.Network} contract, built
 * from {@link org.gan4j.nn.StyleGenerator}; {@link org.gan4j.style.StyleSpace} is what a user does with a trained
 * one (map, mix, truncate, synthesise with chosen noise); {@link org.gan4j.style.StyleFigures} draws the mixing grid
 * and the noise-variation view.
 */
package org.gan4j.style;
