package org.gan4j.loss;

import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An adversarial loss. It reads raw discriminator scores {@code s} of shape {@code [batch, 1]} and returns mean
 * losses with gradients for the three terms of a GAN step. The loss owns the label convention.
 */
public sealed interface GanLoss permits GanLoss.NonSaturating, GanLoss.Minimax, GanLoss.LeastSquares,
        GanLoss.Hinge, GanLoss.Wasserstein {

    /** Loss of the discriminator on a batch of real samples. */
    LossTerm discriminatorReal(INDArray scores);

    /** Loss of the discriminator on a batch of generated samples. */
    LossTerm discriminatorFake(INDArray scores);

    /** Loss of the generator, given the discriminator's scores of generated samples. */
    LossTerm generator(INDArray fakeScores);

    /**
     * Whether scores are logits of a probability "real" (then {@link #readout} is a mean probability and a collapsed
     * discriminator can be recognised by D(x) → 1, D(G(z)) → 0).
     */
    boolean probabilistic();

    /** The reported D(·) of a batch: the mean sigmoid of the scores for probabilistic losses, the mean score otherwise. */
    default double readout(INDArray scores) {
        double[] s = values(scores);
        double sum = 0;
        for (double v : s) {
            sum += probabilistic() ? sigmoid(v) : v;
        }
        return sum / s.length;
    }

    /** The non-saturating GAN loss (Goodfellow et al. 2014): D minimises BCE, G minimises -log D(G(z)). */
    static NonSaturating nonSaturating() {
        return new NonSaturating(1.0);
    }

    /** The original minimax GAN loss: D minimises BCE, G minimises log(1 - D(G(z))) (saturates early on). */
    static Minimax minimax() {
        return new Minimax(1.0);
    }

    /** The least-squares loss (LSGAN, Mao et al. 2017) with targets real = 1, fake = 0. */
    static LeastSquares leastSquares() {
        return new LeastSquares(1.0);
    }

    /** The hinge loss (Lim &amp; Ye 2017): D minimises relu(1 - s_real) + relu(1 + s_fake), G minimises -s_fake. */
    static Hinge hinge() {
        return new Hinge();
    }

    /** The Wasserstein critic loss (Arjovsky et al. 2017): D minimises s_fake - s_real, G minimises -s_fake. */
    static Wasserstein wasserstein() {
        return new Wasserstein();
    }

    /**
     * Non-saturating loss with target {@code realLabel} for real samples (1 = no smoothing; 0.9 = one-sided label
     * smoothing). Fake samples always have target 0.
     *
     * @param realLabel target probability for real samples, in (0.5, 1]
     */
    record NonSaturating(double realLabel) implements GanLoss {
        /** Validates {@code realLabel}. */
        public NonSaturating {
            checkRealLabel(realLabel);
        }

        /** The same loss with one-sided label smoothing: real target {@code realLabel}. */
        public NonSaturating withRealLabel(double realLabel) {
            return new NonSaturating(realLabel);
        }

        @Override
        public LossTerm discriminatorReal(INDArray scores) {
            return bceReal(scores, realLabel);
        }

        @Override
        public LossTerm discriminatorFake(INDArray scores) {
            return term(scores, s -> softplus(s), s -> sigmoid(s));
        }

        @Override
        public LossTerm generator(INDArray fakeScores) {
            return term(fakeScores, s -> softplus(-s), s -> sigmoid(s) - 1);
        }

        @Override
        public boolean probabilistic() {
            return true;
        }
    }

    /**
     * Minimax loss with target {@code realLabel} for real samples (see {@link NonSaturating}).
     *
     * @param realLabel target probability for real samples, in (0.5, 1]
     */
    record Minimax(double realLabel) implements GanLoss {
        /** Validates {@code realLabel}. */
        public Minimax {
            checkRealLabel(realLabel);
        }

        /** The same loss with one-sided label smoothing. */
        public Minimax withRealLabel(double realLabel) {
            return new Minimax(realLabel);
        }

        @Override
        public LossTerm discriminatorReal(INDArray scores) {
            return bceReal(scores, realLabel);
        }

        @Override
        public LossTerm discriminatorFake(INDArray scores) {
            return term(scores, s -> softplus(s), s -> sigmoid(s));
        }

        @Override
        public LossTerm generator(INDArray fakeScores) {
            // log(1 - sigmoid(s)) = -softplus(s)
            return term(fakeScores, s -> -softplus(s), s -> -sigmoid(s));
        }

        @Override
        public boolean probabilistic() {
            return true;
        }
    }

    /**
     * Least-squares loss: D minimises ½(s_real - realLabel)² + ½ s_fake², G minimises ½(s_fake - 1)².
     *
     * @param realLabel target score for real samples, in (0.5, 1]
     */
    record LeastSquares(double realLabel) implements GanLoss {
        /** Validates {@code realLabel}. */
        public LeastSquares {
            checkRealLabel(realLabel);
        }

        /** The same loss with one-sided label smoothing. */
        public LeastSquares withRealLabel(double realLabel) {
            return new LeastSquares(realLabel);
        }

        @Override
        public LossTerm discriminatorReal(INDArray scores) {
            return term(scores, s -> 0.5 * (s - realLabel) * (s - realLabel), s -> s - realLabel);
        }

        @Override
        public LossTerm discriminatorFake(INDArray scores) {
            return term(scores, s -> 0.5 * s * s, s -> s);
        }

        @Override
        public LossTerm generator(INDArray fakeScores) {
            return term(fakeScores, s -> 0.5 * (s - 1) * (s - 1), s -> s - 1);
        }

        @Override
        public boolean probabilistic() {
            return false;
        }
    }

    /** Hinge loss. */
    record Hinge() implements GanLoss {
        @Override
        public LossTerm discriminatorReal(INDArray scores) {
            return term(scores, s -> Math.max(0, 1 - s), s -> s < 1 ? -1 : 0);
        }

        @Override
        public LossTerm discriminatorFake(INDArray scores) {
            return term(scores, s -> Math.max(0, 1 + s), s -> s > -1 ? 1 : 0);
        }

        @Override
        public LossTerm generator(INDArray fakeScores) {
            return term(fakeScores, s -> -s, s -> -1);
        }

        @Override
        public boolean probabilistic() {
            return false;
        }
    }

    /** Wasserstein critic loss; needs a Lipschitz constraint such as {@link Regularizer#gradientPenalty(double)}. */
    record Wasserstein() implements GanLoss {
        @Override
        public LossTerm discriminatorReal(INDArray scores) {
            return term(scores, s -> -s, s -> -1);
        }

        @Override
        public LossTerm discriminatorFake(INDArray scores) {
            return term(scores, s -> s, s -> 1);
        }

        @Override
        public LossTerm generator(INDArray fakeScores) {
            return term(fakeScores, s -> -s, s -> -1);
        }

        @Override
        public boolean probabilistic() {
            return false;
        }
    }

    // ---- shared arithmetic (package-private helpers of the interface) ----

    private static void checkRealLabel(double realLabel) {
        if (!(realLabel > 0.5 && realLabel <= 1.0)) {
            throw new IllegalArgumentException("realLabel must be in (0.5, 1] (1 = no smoothing, 0.9 = one-sided "
                    + "label smoothing), got " + realLabel);
        }
    }

    private static LossTerm bceReal(INDArray scores, double t) {
        // t·softplus(-s) + (1-t)·softplus(s); gradient sigmoid(s) - t
        return term(scores, s -> t * softplus(-s) + (1 - t) * softplus(s), s -> sigmoid(s) - t);
    }

    /** Mean of f over the scores, gradient f'/n, computed in double precision. */
    private static LossTerm term(INDArray scores, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        checkScores(scores);
        double[] s = values(scores);
        int n = s.length;
        double sum = 0;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            sum += f.applyAsDouble(s[i]);
            g[i] = df.applyAsDouble(s[i]) / n;
        }
        INDArray grad = Nd4j.create(g, scores.shape(), DataType.DOUBLE).castTo(scores.dataType());
        return new LossTerm(sum / n, grad);
    }

    private static void checkScores(INDArray scores) {
        if (scores == null) {
            throw new IllegalArgumentException("scores must not be null");
        }
        if (scores.rank() != 2 || scores.size(1) != 1 || scores.size(0) == 0) {
            throw new IllegalArgumentException("scores must have shape [batch, 1], got "
                    + java.util.Arrays.toString(scores.shape()));
        }
    }

    private static double[] values(INDArray scores) {
        return scores.castTo(DataType.DOUBLE).dup().data().asDouble();
    }

    /** log(1 + e^x), stable for large |x|. */
    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
