package org.gan4j.eval;

/**
 * How {@link FeatureNetwork#train} trains a feature network: a compact CNN (three 3×3 convolution blocks with batch
 * normalisation and 2×2 max pooling, a dense feature layer, a softmax head) fitted with Adam.
 *
 * @param epochs          passes over the training images, ≥ 1
 * @param batchSize       images per step, ≥ 1
 * @param learningRate    Adam's initial learning rate, &gt; 0
 * @param epochDecay      factor the learning rate is multiplied by per epoch (smoothly, step by step), in (0, 1]
 * @param featureSize     width of the dense penultimate layer whose activations are the features, ≥ 2
 * @param dropout         share of feature activations dropped before the softmax head while training, in [0, 1)
 * @param mirror          augment the training images: each is flipped left-right with probability ½ (right for
 *                        clothes and most objects; wrong for digits or text)
 * @param maxShift        augment the training images: each is shifted by up to this many pixels in each direction,
 *                        the edge filled with the background (the smallest pixel value), ≥ 0 (0: no shift)
 * @param seed            seed of initialisation, data order, augmentation and dropout: one seed reproduces a network
 */
public record FeatureNetworkOptions(int epochs, int batchSize, double learningRate, double epochDecay,
                                    int featureSize, double dropout, boolean mirror, int maxShift, long seed) {

    /** Validates the options. */
    public FeatureNetworkOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number > 0, got " + learningRate);
        }
        if (!(epochDecay > 0 && epochDecay <= 1)) {
            throw new IllegalArgumentException("epochDecay must be in (0, 1], got " + epochDecay);
        }
        if (maxShift < 0) {
            throw new IllegalArgumentException("maxShift must be >= 0, got " + maxShift);
        }
        if (featureSize < 2) {
            throw new IllegalArgumentException("featureSize must be >= 2, got " + featureSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /**
     * The options of the shipped Fashion-MNIST feature network: 12 epochs, batches of 128, Adam at 0.001 decaying by
     * 0.75 per epoch, 128 features, dropout 0.3, left-right mirroring (no shifts), seed 12.
     *
     * @return the defaults
     */
    public static FeatureNetworkOptions defaults() {
        return new FeatureNetworkOptions(12, 128, 1e-3, 0.75, 128, 0.3, true, 0, 12);
    }

    /**
     * @param mirror   flip training images left-right with probability ½
     * @param maxShift shift training images by up to this many pixels, ≥ 0
     * @return these options with another augmentation ({@code false, 0}: none, e.g. for digits)
     */
    public FeatureNetworkOptions withAugmentation(boolean mirror, int maxShift) {
        return new FeatureNetworkOptions(epochs, batchSize, learningRate, epochDecay, featureSize, dropout, mirror,
                maxShift, seed);
    }

    /** @return these options with another number of epochs */
    public FeatureNetworkOptions withEpochs(int epochs) {
        return new FeatureNetworkOptions(epochs, batchSize, learningRate, epochDecay, featureSize, dropout, mirror, maxShift,
                seed);
    }

    /** @return these options with another seed */
    public FeatureNetworkOptions withSeed(long seed) {
        return new FeatureNetworkOptions(epochs, batchSize, learningRate, epochDecay, featureSize, dropout, mirror, maxShift,
                seed);
    }

    /** @return these options with another feature width */
    public FeatureNetworkOptions withFeatureSize(int featureSize) {
        return new FeatureNetworkOptions(epochs, batchSize, learningRate, epochDecay, featureSize, dropout, mirror, maxShift,
                seed);
    }
}
