/**
 * GAN losses and discriminator regularisers, as small immutable types with static factories.
 *
 * <p>A {@link org.gan4j.loss.GanLoss} owns the real/fake convention: it reads the discriminator's raw scores
 * ({@code [batch, 1]}) and returns the mean loss and its gradient with respect to those scores. Nothing else in the
 * library knows whether "real" is 1, 0.9, +1 or a large score.
 *
 * <pre>{@code
 * GanLoss.nonSaturating()                       // Goodfellow et al. 2014, the "-log D(G(z))" generator loss
 * GanLoss.nonSaturating().withRealLabel(0.9)    // one-sided label smoothing (Salimans et al. 2016)
 * GanLoss.minimax()                             // the original log(1 - D(G(z))) generator loss
 * GanLoss.leastSquares()                        // LSGAN, Mao et al. 2017
 * GanLoss.hinge()                               // Lim & Ye 2017; Miyato et al. 2018
 * GanLoss.wasserstein()                         // WGAN critic; use with Regularizer.gradientPenalty(10)
 * Regularizer.r1(10)                            // R1, Mescheder et al. 2018
 * }</pre>
 *
 * <p>Regularisers need the gradient of a gradient, which DL4J's layer-wise backpropagation does not provide; they
 * obtain the parameter gradient of the penalty from two extra backward passes with a central finite difference
 * along the input gradient (a Hessian–vector product), see {@link org.gan4j.loss.Regularizer}.
 */
package org.gan4j.loss;
