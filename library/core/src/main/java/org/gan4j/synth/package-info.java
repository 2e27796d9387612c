/**
 * Synthetic data sets with known structure, small enough for tests and notebooks that run in seconds, with the
 * metrics that their structure makes exact (in the tradition of Tribuo's data generators in main source).
 *
 * <p>{@link org.gan4j.synth.GaussianRing}: a mixture of Gaussians on a circle (8 modes, radius 2, σ = 0.02 by
 * default, as in Metz et al. 2017 "Unrolled GANs"), with mode coverage and "high quality" fraction
 * ({@link org.gan4j.synth.RingMetrics}).
 */
package org.gan4j.synth;
