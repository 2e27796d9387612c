/**
 * Synthetic data sets with known structure, small enough for tests and notebooks that run in seconds, with the
 * metrics that their structure makes exact (in the tradition of Tribuo's data generators in main source).
 *
 * <p>{@link org.gan4j.synth.GaussianRing}: a mixture of Gaussians on a circle (8 modes, radius 2, σ = 0.02 by
 * default, as in Metz et al. 2017 "Unrolled GANs"), with mode coverage and "high quality" fraction
 * ({@link org.gan4j.synth.RingMetrics}). The ring, {@link org.gan4j.synth.GaussianGrid},
 * {@link org.gan4j.synth.Spiral} and {@link org.gan4j.synth.TwoMoons} are {@link org.gan4j.synth.PlaneData}: 2-D
 * distributions for the interactive playground and {@link org.gan4j.viz.PlanePicture}, which draws what a GAN
 * does in the plane.
 */
package org.gan4j.synth;
