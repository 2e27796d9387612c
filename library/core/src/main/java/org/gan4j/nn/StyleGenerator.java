package org.gan4j.nn;

import java.io.IOException;
import java.io.InputStream;
import org.gan4j.style.StyleNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A style-based generator (Karras, Laine, Aila 2019, "A Style-Based Generator Architecture for Generative
 * Adversarial Networks") for 28×28 or 32×32 images.
 *
 * <p>Mapping: {@code z} (normalised to unit root mean square) and, for a conditional generator, a learned class
 * embedding (normalised the same way) go through {@code mappingLayers} dense layers of width {@code styleSize}
 * with leaky ReLU (slope 0.2) to the style {@code w}; its learning rate is the generator's times
 * {@code mappingLearningRateMultiplier} (StyleGAN uses 0.01). Synthesis: a learned constant {@code [2b, 7, 7]}
 * (28×28) or {@code [2b, 4, 4]} (32×32), then two style layers per resolution (7, 14, 28 or 4, 8, 16, 32), each
 * {@code [2× nearest up-sampling on the first of a resolution] → 3×3 convolution (not on the very first) → noise
 * with learned per-channel strength → bias → leaky ReLU → AdaIN(w_layer)}; feature maps are 2b wide except b at
 * the last resolution; a 1×1 convolution with tanh gives pixels in [-1, 1], NCHW.
 *
 * <p>In training, with probability {@code mixingProbability} a sample takes its styles from a second latent from a
 * random crossover layer on (style-mixing regularisation), and the average of w is tracked with decay
 * {@code averageDecay} for truncation.
 *
 * <p>Defaults ({@link #builder()}): latent 64, style 64, 4 mapping layers at 0.01, base width 32, mixing 0.9,
 * average decay 0.995, unconditional, 28×28, 1 channel.
 *
 * @param latentSize                    size of z, &gt; 0
 * @param numClasses                    classes to condition on (class embedding into the mapping), 0 = none
 * @param imageSize                     28 or 32
 * @param channels                      1 (grey) or 3 (RGB)
 * @param styleSize                     size of w (and width of the mapping network), &gt; 0
 * @param mappingLayers                 dense layers of the mapping network, &gt; 0
 * @param mappingLearningRateMultiplier factor on the learning rate of the mapping network, in (0, 1]
 * @param baseWidth                     feature maps at the last resolution (b), &gt; 0
 * @param mixingProbability             probability of style mixing per training sample, in [0, 1]
 * @param averageDecay                  decay of the running average of w, in [0, 1)
 */
public record StyleGenerator(int latentSize, int numClasses, int imageSize, int channels, int styleSize,
                             int mappingLayers, double mappingLearningRateMultiplier, int baseWidth,
                             double mixingProbability, double averageDecay) implements GeneratorSpec {

    /** Validates the arguments; each failure names the parameter. */
    public StyleGenerator {
        Checks.positive("latentSize", latentSize);
        Checks.nonNegative("numClasses", numClasses);
        DcganDiscriminator.checkImage(imageSize, channels);
        Checks.positive("styleSize", styleSize);
        Checks.positive("mappingLayers", mappingLayers);
        if (!(mappingLearningRateMultiplier > 0 && mappingLearningRateMultiplier <= 1)) {
            throw new IllegalArgumentException("mappingLearningRateMultiplier must be in (0, 1], got "
                    + mappingLearningRateMultiplier);
        }
        Checks.positive("baseWidth", baseWidth);
        if (!(mixingProbability >= 0 && mixingProbability <= 1)) {
            throw new IllegalArgumentException("mixingProbability must be in [0, 1], got " + mixingProbability);
        }
        if (!(averageDecay >= 0 && averageDecay < 1)) {
            throw new IllegalArgumentException("averageDecay must be in [0, 1), got " + averageDecay);
        }
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public long[] sampleShape() {
        return new long[]{channels, imageSize, imageSize};
    }

    /** Number of resolutions: 3 for 28×28 (7, 14, 28), 4 for 32×32 (4, 8, 16, 32). */
    public int resolutions() {
        return imageSize == 28 ? 3 : 4;
    }

    /** Number of style layers (each reads its own w): two per resolution. */
    public int styleLayers() {
        return 2 * resolutions();
    }

    /** Side of the feature maps of style layer {@code layer}. */
    public int layerSize(int layer) {
        return (imageSize >> (resolutions() - 1)) << (layer / 2);
    }

    /** Feature maps of style layer {@code layer}: 2b, except b at the last resolution. */
    public int layerWidth(int layer) {
        return layer / 2 == resolutions() - 1 ? baseWidth : 2 * baseWidth;
    }

    @Override
    public Network create(long seed, IUpdater updater, DataType dataType) {
        return new StyleNetwork(this, seed, updater, dataType);
    }

    @Override
    public Network read(InputStream in, IUpdater updater) throws IOException {
        return StyleNetwork.read(this, in, updater);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int latentSize = 64;
        private int numClasses = 0;
        private int imageSize = 28;
        private int channels = 1;
        private int styleSize = 64;
        private int mappingLayers = 4;
        private double mappingLearningRateMultiplier = 0.01;
        private int baseWidth = 32;
        private double mixingProbability = 0.9;
        private double averageDecay = 0.995;

        private Builder() {
        }

        /** Size of z (default 64). */
        public Builder latentSize(int v) {
            latentSize = v;
            return this;
        }

        /** Classes to condition on (default 0 = unconditional). */
        public Builder numClasses(int v) {
            numClasses = v;
            return this;
        }

        /** Image side, 28 or 32 (default 28). */
        public Builder imageSize(int v) {
            imageSize = v;
            return this;
        }

        /** Channels, 1 or 3 (default 1). */
        public Builder channels(int v) {
            channels = v;
            return this;
        }

        /** Size of w (default 64). */
        public Builder styleSize(int v) {
            styleSize = v;
            return this;
        }

        /** Dense layers of the mapping network (default 4). */
        public Builder mappingLayers(int v) {
            mappingLayers = v;
            return this;
        }

        /** Learning-rate factor of the mapping network (default 0.01). */
        public Builder mappingLearningRateMultiplier(double v) {
            mappingLearningRateMultiplier = v;
            return this;
        }

        /** Feature maps at the last resolution (default 32). */
        public Builder baseWidth(int v) {
            baseWidth = v;
            return this;
        }

        /** Probability of style mixing per training sample (default 0.9). */
        public Builder mixingProbability(double v) {
            mixingProbability = v;
            return this;
        }

        /** Decay of the running average of w (default 0.995). */
        public Builder averageDecay(double v) {
            averageDecay = v;
            return this;
        }

        /** @return the validated specification */
        public StyleGenerator build() {
            return new StyleGenerator(latentSize, numClasses, imageSize, channels, styleSize, mappingLayers,
                    mappingLearningRateMultiplier, baseWidth, mixingProbability, averageDecay);
        }
    }
}
