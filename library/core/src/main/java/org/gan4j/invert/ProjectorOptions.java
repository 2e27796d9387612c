package org.gan4j.invert;

/**
 * How a {@link Projector} searches. The learning rate follows StyleGAN2's projector: a linear ramp up over the first
 * {@code rampUp} share of the steps, a cosine ramp down over the last {@code rampDown} share.
 *
 * @param steps              Adam steps, ≥ 1
 * @param learningRate       Adam's peak learning rate, &gt; 0
 * @param restarts           starting points per image, ≥ 1; the one with the lowest final loss wins. For z every
 *                           start is a random draw; for w the first is the average style and the others are the
 *                           styles of random draws
 * @param styleSpace         {@link LatentSpace#W} or {@link LatentSpace#W_PLUS}, for style-based generators
 * @param pixelWeight        weight of the mean squared pixel difference, ≥ 0
 * @param featureWeight      weight of the feature distance (mean squared difference of the feature network's
 *                           features, relative to the targets' mean squared feature), ≥ 0
 * @param latentNoise        StyleGAN2's exploration noise on w: its standard deviation at the start, as a share of
 *                           the styles' spread, decaying quadratically to 0 at 75 % of the steps; ≥ 0
 * @param optimiseNoise      whether a style-based generator's noise maps are optimised too (from its fixed maps)
 * @param noiseRegularization weight of the noise maps' autocorrelation penalty at all scales, ≥ 0: it keeps the
 *                           optimised maps noise rather than a hidden copy of the image
 * @param rampUp             share of the steps of the learning-rate ramp up, in [0, 1]
 * @param rampDown           share of the steps of the learning-rate ramp down, in [0, 1]
 * @param seed               seed of the starting points and the exploration noise
 */
public record ProjectorOptions(int steps, double learningRate, int restarts, LatentSpace styleSpace,
                               double pixelWeight, double featureWeight, double latentNoise, boolean optimiseNoise,
                               double noiseRegularization, double rampUp, double rampDown, long seed) {

    /** Validates the options. */
    public ProjectorOptions {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number > 0, got " + learningRate);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
        if (styleSpace != LatentSpace.W && styleSpace != LatentSpace.W_PLUS) {
            throw new IllegalArgumentException("styleSpace must be W or W_PLUS, got " + styleSpace);
        }
        nonNegative("pixelWeight", pixelWeight);
        nonNegative("featureWeight", featureWeight);
        if (pixelWeight + featureWeight == 0) {
            throw new IllegalArgumentException("pixelWeight and featureWeight are both 0: nothing to match");
        }
        nonNegative("latentNoise", latentNoise);
        nonNegative("noiseRegularization", noiseRegularization);
        if (!(rampUp >= 0 && rampUp <= 1) || !(rampDown >= 0 && rampDown <= 1)) {
            throw new IllegalArgumentException("rampUp and rampDown must be in [0, 1], got " + rampUp + " and "
                    + rampDown);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    /**
     * 200 steps at peak rate 0.1, 4 restarts, W+, pixel weight 1, feature weight 0, exploration noise 0.05, noise
     * maps optimised with regularisation 1000, ramps 0.05 and 0.25, seed 0.
     *
     * <p>The feature distance is off by default: on the quick presets it did not make reconstructions keep their
     * judged class more often, and it made each step about four times slower (the feature network's backward pass;
     * measurements in {@code docs/figures.md}). Turn it on with {@link #withWeights}, for example
     * {@code withWeights(1, 0.1)}.
     *
     * @return the defaults
     */
    public static ProjectorOptions defaults() {
        return new ProjectorOptions(200, 0.1, 4, LatentSpace.W_PLUS, 1, 0, 0.05, true, 1000, 0.05, 0.25, 0);
    }

    /** @return these options with another number of steps */
    public ProjectorOptions withSteps(int steps) {
        return new ProjectorOptions(steps, learningRate, restarts, styleSpace, pixelWeight, featureWeight,
                latentNoise, optimiseNoise, noiseRegularization, rampUp, rampDown, seed);
    }

    /** @return these options with another peak learning rate */
    public ProjectorOptions withLearningRate(double learningRate) {
        return new ProjectorOptions(steps, learningRate, restarts, styleSpace, pixelWeight, featureWeight,
                latentNoise, optimiseNoise, noiseRegularization, rampUp, rampDown, seed);
    }

    /** @return these options with another number of restarts */
    public ProjectorOptions withRestarts(int restarts) {
        return new ProjectorOptions(steps, learningRate, restarts, styleSpace, pixelWeight, featureWeight,
                latentNoise, optimiseNoise, noiseRegularization, rampUp, rampDown, seed);
    }

    /** @return these options searching another style space ({@link LatentSpace#W} or {@link LatentSpace#W_PLUS}) */
    public ProjectorOptions withStyleSpace(LatentSpace styleSpace) {
        return new ProjectorOptions(steps, learningRate, restarts, styleSpace, pixelWeight, featureWeight,
                latentNoise, optimiseNoise, noiseRegularization, rampUp, rampDown, seed);
    }

    /** @return these options with other weights of the pixel and feature distances */
    public ProjectorOptions withWeights(double pixelWeight, double featureWeight) {
        return new ProjectorOptions(steps, learningRate, restarts, styleSpace, pixelWeight, featureWeight,
                latentNoise, optimiseNoise, noiseRegularization, rampUp, rampDown, seed);
    }

    /** @return these options with the noise maps optimised or not */
    public ProjectorOptions withOptimiseNoise(boolean optimiseNoise) {
        return new ProjectorOptions(steps, learningRate, restarts, styleSpace, pixelWeight, featureWeight,
                latentNoise, optimiseNoise, noiseRegularization, rampUp, rampDown, seed);
    }

    /** @return these options with another seed */
    public ProjectorOptions withSeed(long seed) {
        return new ProjectorOptions(steps, learningRate, restarts, styleSpace, pixelWeight, featureWeight,
                latentNoise, optimiseNoise, noiseRegularization, rampUp, rampDown, seed);
    }

    /** The learning rate at step {@code step} of {@link #steps()}. */
    public double learningRateAt(int step) {
        double t = (double) step / steps;
        double down = rampDown == 0 ? 1 : Math.min(1, (1 - t) / rampDown);
        double ramp = 0.5 - 0.5 * Math.cos(down * Math.PI);
        double up = rampUp == 0 ? 1 : Math.min(1, t / rampUp);
        return learningRate * ramp * up;
    }
}
