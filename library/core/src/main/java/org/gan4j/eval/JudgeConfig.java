package org.gan4j.eval;

import java.util.Arrays;

/**
 * How a {@link JudgeClassifier} is trained: the features it sees and the settings of Tribuo's linear SGD trainer.
 * Start from {@link #defaults()} and change what you need with the {@code with…} methods:
 *
 * <pre>{@code
 * JudgeConfig quick = JudgeConfig.defaults().withEpochs(3);
 * }</pre>
 *
 * <p>Defaults (measured on Fashion-MNIST, see {@link JudgeClassifier}): pixels plus histograms of oriented gradients
 * (HOG) on 4- and 7-pixel cells with 9 orientation bins; multinomial logistic regression trained for 10 epochs with
 * AdaGrad (learning rate 0.1), minibatch 1, seed 1.
 *
 * @param epochs          passes over the training images, ≥ 1 (default {@value #DEFAULT_EPOCHS})
 * @param learningRate    AdaGrad's initial learning rate, &gt; 0 (default {@value #DEFAULT_LEARNING_RATE})
 * @param seed            seed of the trainer's example order; the same seed and data give the same judge
 *                        (default {@value #DEFAULT_SEED})
 * @param includePixels   whether the raw pixel values (mapped to [0, 1]) are features (default true)
 * @param hogCellSizes    side lengths in pixels of the HOG cells, one feature block per size, each ≥ 2; empty for
 *                        no HOG features (default {4, 7})
 * @param orientationBins HOG orientation bins over [0°, 180°), ≥ 2 (default {@value #DEFAULT_ORIENTATION_BINS})
 */
public record JudgeConfig(int epochs, double learningRate, long seed, boolean includePixels, int[] hogCellSizes,
                          int orientationBins) {

    /** Default number of epochs. */
    public static final int DEFAULT_EPOCHS = 10;
    /** Default AdaGrad learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.1;
    /** Default trainer seed. */
    public static final long DEFAULT_SEED = 1L;
    /** Default HOG orientation bins. */
    public static final int DEFAULT_ORIENTATION_BINS = 9;

    /** Validates the settings; each failure names the parameter and what was expected. */
    public JudgeConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number > 0, got " + learningRate);
        }
        if (hogCellSizes == null) {
            throw new IllegalArgumentException("hogCellSizes must not be null (use an empty array for no HOG)");
        }
        hogCellSizes = hogCellSizes.clone();
        for (int c : hogCellSizes) {
            if (c < 2) {
                throw new IllegalArgumentException("hogCellSizes must all be >= 2 pixels, got "
                        + Arrays.toString(hogCellSizes));
            }
        }
        if (orientationBins < 2) {
            throw new IllegalArgumentException("orientationBins must be >= 2, got " + orientationBins);
        }
        if (!includePixels && hogCellSizes.length == 0) {
            throw new IllegalArgumentException("includePixels is false and hogCellSizes is empty: expected at least "
                    + "one kind of feature");
        }
    }

    /** @return the defaults described above */
    public static JudgeConfig defaults() {
        return new JudgeConfig(DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE, DEFAULT_SEED, true, new int[] {4, 7},
                DEFAULT_ORIENTATION_BINS);
    }

    /** @return a copy of the HOG cell sizes */
    @Override
    public int[] hogCellSizes() {
        return hogCellSizes.clone();
    }

    /** @param n passes over the data, ≥ 1 @return a copy with that many epochs */
    public JudgeConfig withEpochs(int n) {
        return new JudgeConfig(n, learningRate, seed, includePixels, hogCellSizes, orientationBins);
    }

    /** @param rate AdaGrad's initial learning rate @return a copy with that rate */
    public JudgeConfig withLearningRate(double rate) {
        return new JudgeConfig(epochs, rate, seed, includePixels, hogCellSizes, orientationBins);
    }

    /** @param s trainer seed @return a copy with that seed */
    public JudgeConfig withSeed(long s) {
        return new JudgeConfig(epochs, learningRate, s, includePixels, hogCellSizes, orientationBins);
    }

    /** @param pixels whether raw pixels are features @return a copy with that choice */
    public JudgeConfig withPixels(boolean pixels) {
        return new JudgeConfig(epochs, learningRate, seed, pixels, hogCellSizes, orientationBins);
    }

    /** @param cellSizes HOG cell sizes in pixels (none: no HOG) @return a copy with those cells */
    public JudgeConfig withHogCells(int... cellSizes) {
        return new JudgeConfig(epochs, learningRate, seed, includePixels, cellSizes, orientationBins);
    }

    /** @param bins HOG orientation bins @return a copy with that many bins */
    public JudgeConfig withOrientationBins(int bins) {
        return new JudgeConfig(epochs, learningRate, seed, includePixels, hogCellSizes, bins);
    }

    /** @return a one-line description of the features, e.g. {@code "pixels + HOG(cells 4,7 px; 9 bins)"} */
    public String featureDescription() {
        StringBuilder sb = new StringBuilder();
        if (includePixels) {
            sb.append("pixels");
        }
        if (hogCellSizes.length > 0) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append("HOG(cells ");
            for (int i = 0; i < hogCellSizes.length; i++) {
                sb.append(i == 0 ? "" : ",").append(hogCellSizes[i]);
            }
            sb.append(" px; ").append(orientationBins).append(" bins)");
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JudgeConfig c && epochs == c.epochs && Double.compare(learningRate, c.learningRate) == 0
                && seed == c.seed && includePixels == c.includePixels && Arrays.equals(hogCellSizes, c.hogCellSizes)
                && orientationBins == c.orientationBins;
    }

    @Override
    public int hashCode() {
        return ((31 * epochs + Double.hashCode(learningRate)) * 31 + Long.hashCode(seed)) * 31
                + Arrays.hashCode(hogCellSizes) * 7 + orientationBins + (includePixels ? 1 : 0);
    }

    @Override
    public String toString() {
        return "JudgeConfig[features=" + featureDescription() + ", trainer=multinomial logistic regression (Tribuo "
                + "LinearSGDTrainer, LogMulticlass, AdaGrad lr=" + learningRate + "), epochs=" + epochs + ", seed="
                + seed + "]";
    }
}
