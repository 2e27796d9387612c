package org.gan4j.nn;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The DCGAN discriminator (Radford et al. 2016) for square images, NCHW.
 *
 * <p>For 28×28: {@code conv b 5×5 s2 LReLU → conv 2b 5×5 s2 + BN + LReLU → Dense 1} (raw score); 32×32 adds a third
 * convolution with 4b maps. No batch norm on the first layer, as in the paper; weights from N(0, 0.02).
 * A conditional discriminator ({@code numClasses > 0}) reads the image with {@code numClasses} extra constant
 * channels holding the one-hot label ({@link LabelConditioning#CONCATENATION}), or reads the image alone and ends in a
 * projection head of {@code 1 + numClasses} outputs ({@link LabelConditioning#PROJECTION}).
 *
 * <p>With {@link Normalization#NONE} the batch-norm layers are left out and every convolution has a bias: a critic
 * whose score for a sample depends on that sample alone, as a gradient penalty needs.
 *
 * <p>Defaults ({@link #builder()}): 28×28, 1 channel, unconditional, base width b = 64, kernel 5, slope 0.2,
 * concatenation, batch norm.
 *
 * @param imageSize  28 or 32
 * @param channels   1 or 3
 * @param numClasses number of classes to condition on, 0 = unconditional
 * @param baseWidth  feature maps of the first convolution (b), &gt; 0
 * @param kernelSize side of the convolution kernels, &gt; 0
 * @param leakySlope negative slope of the leaky ReLU, in [0, 1)
 * @param conditioning how the label enters (projection needs {@code numClasses > 0})
 * @param normalization normalisation of the hidden convolutions ({@link Normalization#BATCH} in the paper)
 */
public record DcganDiscriminator(int imageSize, int channels, int numClasses, int baseWidth, int kernelSize,
                                 double leakySlope, LabelConditioning conditioning,
                                 Normalization normalization) implements DiscriminatorSpec {

    /** Validates the arguments; each failure names the parameter. */
    public DcganDiscriminator {
        checkImage(imageSize, channels);
        Checks.nonNegative("numClasses", numClasses);
        Checks.positive("baseWidth", baseWidth);
        Checks.positive("kernelSize", kernelSize);
        Checks.leakySlope(leakySlope);
        Checks.conditioning(conditioning, numClasses);
        if (normalization == null) {
            throw new IllegalArgumentException("normalization must not be null (BATCH or NONE)");
        }
    }

    static void checkImage(int imageSize, int channels) {
        if (imageSize != 28 && imageSize != 32) {
            throw new IllegalArgumentException("imageSize must be 28 or 32, got " + imageSize);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
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

    @Override
    public boolean couplesSamples() {
        return normalization.couplesSamples();
    }

    @Override
    public MultiLayerNetwork build(long seed, IUpdater updater, DataType dataType, int auxiliaryOutputs,
                                   int auxiliaryHidden) {
        NeuralNetConfiguration.ListBuilder list = NetworkBase.base(seed, updater, dataType, true).list();
        int convs = imageSize == 28 ? 2 : 3;
        int width = baseWidth;
        for (int c = 1; c <= convs; c++) {
            boolean normalised = c > 1 && normalization == Normalization.BATCH;
            list.layer(new ConvolutionLayer.Builder().name("d_conv" + c).nOut(width)
                    .kernelSize(kernelSize, kernelSize).stride(2, 2).convolutionMode(ConvolutionMode.Same)
                    .hasBias(!normalised)
                    .activation(normalised ? Activation.IDENTITY.getActivationFunction()
                            : new ActivationLReLU(leakySlope))
                    .build());
            if (normalised) {
                list.layer(new BatchNormalization.Builder().name("d_conv" + c + "_bn").build());
                list.layer(new ActivationLayer.Builder().name("d_conv" + c + "_lrelu")
                        .activation(new ActivationLReLU(leakySlope)).build());
            }
            width *= 2;
        }
        NetworkBase.scoreLayers(list, -1, 1 + projectedClasses(), auxiliaryOutputs, auxiliaryHidden, leakySlope);
        list.setInputType(InputType.convolutional(imageSize, imageSize, channels + labelInputs()));
        return NetworkBase.create(list.build());
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int imageSize = 28;
        private int channels = 1;
        private int numClasses = 0;
        private int baseWidth = 64;
        private int kernelSize = 5;
        private double leakySlope = 0.2;
        private LabelConditioning conditioning = LabelConditioning.CONCATENATION;
        private Normalization normalization = Normalization.BATCH;

        private Builder() {
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

        /** Classes to condition on (default 0 = unconditional). */
        public Builder numClasses(int v) {
            numClasses = v;
            return this;
        }

        /** Feature maps of the first convolution (default 64). */
        public Builder baseWidth(int v) {
            baseWidth = v;
            return this;
        }

        /** Kernel side (default 5). */
        public Builder kernelSize(int v) {
            kernelSize = v;
            return this;
        }

        /** Negative slope of the leaky ReLU (default 0.2). */
        public Builder leakySlope(double v) {
            leakySlope = v;
            return this;
        }

        /** How the label enters (default {@link LabelConditioning#CONCATENATION}). */
        public Builder conditioning(LabelConditioning v) {
            conditioning = v;
            return this;
        }

        /** Normalisation of the hidden convolutions (default {@link Normalization#BATCH}). */
        public Builder normalization(Normalization v) {
            normalization = v;
            return this;
        }

        /** @return the validated specification */
        public DcganDiscriminator build() {
            return new DcganDiscriminator(imageSize, channels, numClasses, baseWidth, kernelSize, leakySlope,
                    conditioning, normalization);
        }
    }
}
