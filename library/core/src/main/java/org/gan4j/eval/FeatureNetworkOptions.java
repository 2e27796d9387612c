package org.gan4j.eval;

/**
 * How {@link FeatureNetwork#train} trains a feature network: a compact CNN (three 3×3 convolution blocks with batch
 * normalisation and 2×2 max pooling, a dense feature layer, a softmax head) fitted with Adam.
 *
 * @param epochs          passes over the training images, ≥ 1
 * @param batchSize       images per step, ≥ 1
 * @param learningRate    Adam's initial learning rate, &gt; 0; it decays by 0.7 per epoch
 * @param featureSize     width of the dense penultimate layer whose activations are the features, ≥ 2
 * @param dropout         share of feature activations dropped before the softmax head while training, in [0, 1)
 * @param seed            seed of initialisation, data order and dropout: one seed reproduces a network
 */
public record FeatureNetworkOptions(int epochs, int batchSize, double learningRate, int featureSize, double dropout,
                                    long seed) {

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
        if (featureSize < 2) {
            throw new IllegalArgumentException("featureSize must be >= 2, got " + featureSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /**
     * The options of the shipped Fashion-MNIST feature network: 6 epochs, batches of 128, Adam at 0.001, 128
     * features, dropout 0.3, seed 12.
     *
     * @return the defaults
     */
    public static FeatureNetworkOptions defaults() {
        return new FeatureNetworkOptions(6, 128, 1e-3, 128, 0.3, 12);
    }

    /** @return these options with another number of epochs */
    public FeatureNetworkOptions withEpochs(int epochs) {
        return new FeatureNetworkOptions(epochs, batchSize, learningRate, featureSize, dropout, seed);
    }

    /** @return these options with another seed */
    public FeatureNetworkOptions withSeed(long seed) {
        return new FeatureNetworkOptions(epochs, batchSize, learningRate, featureSize, dropout, seed);
    }

    /** @return these options with another feature width */
    public FeatureNetworkOptions withFeatureSize(int featureSize) {
        return new FeatureNetworkOptions(epochs, batchSize, learningRate, featureSize, dropout, seed);
    }
}
