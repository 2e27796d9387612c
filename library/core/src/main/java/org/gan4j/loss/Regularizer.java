package org.gan4j.loss;

import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A penalty on the discriminator's input gradient, added to its loss in every discriminator step.
 *
 * <p><b>How the gradient is computed.</b> Both penalties are functions of {@code g_i = ∇_x D(x_i)}. Their parameter
 * gradient needs {@code ∂g/∂θ}, a second derivative that DL4J's back-propagation does not provide. For any fixed
 * direction {@code v_i}, {@code ∂/∂θ (g_i · v_i)} is the parameter gradient of the directional derivative of D along
 * {@code v_i}, which a central finite difference gives from two ordinary backward passes:
 * {@code [∇_θ D(x_i + ε_i v_i) − ∇_θ D(x_i − ε_i v_i)] / (2 ε_i)}. With {@code v_i} the penalty's derivative with
 * respect to {@code g_i} this is the penalty's parameter gradient.
 *
 * <p><b>Step size.</b> For a critic built from linear maps and (leaky) ReLUs without batch norm, {@code ∇_θ D} is
 * affine in {@code x} inside each linear region, so the central difference is exact as long as {@code x ± ε v} does
 * not cross a kink; a crossing adds an error that grows like {@code 1/ε}. With the DCGAN initialisation N(0, 0.02)
 * the pre-activations are small and kinks are near: an input-space step of 1e-2 gave errors of several hundred per
 * cent, 3·10⁻³ and below none in float64. In float32 the rounding error grows as the step shrinks (0.01 % at 3·10⁻³,
 * 0.4 % at 3·10⁻⁴, 5 % at 3·10⁻⁶ on the same critic). The step used, {@value #FINITE_DIFFERENCE_STEP} in input
 * space ({@code ε_i = step / |v_i|}), balances the two. The per-sample formula needs a critic whose score for a sample
 * depends on that sample alone: no batch normalisation (see {@code org.gan4j.nn.Normalization}). Cost: three extra
 * forward/backward passes per discriminator step.
 */
public sealed interface Regularizer permits Regularizer.R1, Regularizer.GradientPenalty {

    /** Input-space length of the finite-difference step. */
    double FINITE_DIFFERENCE_STEP = 1e-4;

    /**
     * The penalty and its parameter gradient.
     *
     * @param critic the discriminator in training mode
     * @param real   the real batch of this step
     * @param fake   the generated batch of this step (same shape)
     * @param random stream for any randomness the penalty needs (interpolation weights)
     */
    PenaltyTerm apply(DifferentiableCritic critic, INDArray real, INDArray fake, RandomStream random);

    /** R1 (Mescheder, Geiger, Nowozin 2018): {@code γ/2 · E‖∇_x D(x)‖²} on real samples. */
    static R1 r1(double gamma) {
        return new R1(gamma);
    }

    /**
     * WGAN-GP (Gulrajani et al. 2017): {@code λ · E(‖∇_x D(x̂)‖ − 1)²} at random interpolates
     * {@code x̂ = α x + (1 − α) G(z)}, α ~ U(0, 1) per sample.
     */
    static GradientPenalty gradientPenalty(double lambda) {
        return new GradientPenalty(lambda);
    }

    /**
     * R1 penalty.
     *
     * @param gamma weight γ, &gt; 0 (10 is common for images, 0.1–1 for small data)
     */
    record R1(double gamma) implements Regularizer {
        /** Validates {@code gamma}. */
        public R1 {
            if (!(gamma > 0) || Double.isInfinite(gamma)) {
                throw new IllegalArgumentException("gamma must be a finite number > 0, got " + gamma);
            }
        }

        @Override
        public PenaltyTerm apply(DifferentiableCritic critic, INDArray real, INDArray fake, RandomStream random) {
            INDArray g = critic.pass(real, null).sampleGrad();
            double[] norms = rowNorms(g);
            int n = norms.length;
            double value = 0;
            double[] coef = new double[n];
            for (int i = 0; i < n; i++) {
                value += 0.5 * gamma * norms[i] * norms[i] / n;
                coef[i] = gamma / n; // d value / d g_i = (γ/n) g_i  →  direction g_i, weight γ/n
            }
            return new PenaltyTerm(value, directional(critic, real, g, norms, coef));
        }
    }

    /**
     * Gradient penalty.
     *
     * @param lambda weight λ, &gt; 0 (10 in the paper)
     */
    record GradientPenalty(double lambda) implements Regularizer {
        /** Validates {@code lambda}. */
        public GradientPenalty {
            if (!(lambda > 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be a finite number > 0, got " + lambda);
            }
        }

        @Override
        public PenaltyTerm apply(DifferentiableCritic critic, INDArray real, INDArray fake, RandomStream random) {
            if (!java.util.Arrays.equals(real.shape(), fake.shape())) {
                throw new IllegalArgumentException("real and fake batches must have the same shape for the gradient "
                        + "penalty, got " + java.util.Arrays.toString(real.shape()) + " and "
                        + java.util.Arrays.toString(fake.shape()));
            }
            int n = (int) real.size(0);
            long[] alphaShape = real.shape().clone();
            for (int d = 1; d < alphaShape.length; d++) {
                alphaShape[d] = 1;
            }
            INDArray alpha = random.uniformColumn(real.dataType(), n).reshape(alphaShape);
            INDArray mixed = real.mul(alpha).addi(fake.mul(alpha.rsub(1.0)));
            INDArray g = critic.pass(mixed, null).sampleGrad();
            double[] norms = rowNorms(g);
            double value = 0;
            double[] coef = new double[n];
            for (int i = 0; i < n; i++) {
                double dev = norms[i] - 1;
                value += lambda * dev * dev / n;
                // d value / d g_i = (2λ/n)(|g_i| - 1) g_i / |g_i|
                coef[i] = norms[i] > 0 ? 2 * lambda * dev / (n * norms[i]) : 0;
            }
            return new PenaltyTerm(value, directional(critic, mixed, g, norms, coef));
        }
    }

    // ---- shared arithmetic ----

    private static double[] rowNorms(INDArray g) {
        INDArray flat = g.reshape(g.size(0), -1);
        return flat.norm2(1).castTo(DataType.DOUBLE).dup().data().asDouble();
    }

    /**
     * {@code Σ_i coef_i ∂/∂θ (g_i · g_i)}-style product: the parameter gradient of {@code Σ_i coef_i (g_i · v_i)}
     * with {@code v_i = g_i} fixed, by a central difference along {@code v_i}.
     */
    private static INDArray directional(DifferentiableCritic critic, INDArray x, INDArray g, double[] norms,
                                        double[] coef) {
        int n = norms.length;
        double[] eps = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            if (norms[i] > 0 && coef[i] != 0) {
                eps[i] = FINITE_DIFFERENCE_STEP / norms[i];
                weight[i] = coef[i] / (2 * eps[i]);
            }
        }
        long[] colShape = x.shape().clone();
        for (int d = 1; d < colShape.length; d++) {
            colShape[d] = 1;
        }
        INDArray step = Nd4j.create(eps, colShape, DataType.DOUBLE).castTo(x.dataType());
        INDArray w = Nd4j.create(weight, new long[]{n, 1}, DataType.DOUBLE).castTo(x.dataType());
        INDArray shift = g.mul(step);
        INDArray plus = critic.pass(x.add(shift), w).parameterGrad();
        INDArray minus = critic.pass(x.sub(shift), w).parameterGrad();
        return plus.subi(minus);
    }
}
