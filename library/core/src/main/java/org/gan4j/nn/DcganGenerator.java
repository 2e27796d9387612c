package org.gan4j.nn;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The DCGAN generator (Radford, Metz, Chintala 2016, "Unsupervised Representation Learning with Deep Convolutional
 * Generative Adversarial Networks") for square images.
 *
 * <p>For 28×28: {@code [z, onehot(y)] → Dense 7·7·2b + BN + ReLU → deconv 14×14×b + BN + ReLU → deconv 28×28×C tanh}.
 * For 32×32: {@code Dense 4·4·4b → 8×8×2b → 16×16×b → 32×32×C}. Transposed convolutions have stride 2 and
 * "same" output size: explicit padding ⌊(k−2)/2⌋, plus a one-pixel top/left crop for odd k, which keeps them on
 * oneDNN. That is PyTorch's {@code ConvTranspose2d(padding=(k-1)/2, output_padding=k%2)} (for k = 5: padding 2,
 * output padding 1). Weights are drawn from N(0, 0.02) as in the paper (batch-norm scales start at 1). Output in
 * [-1, 1], NCHW.
 *
 * <p>Defaults ({@link #builder()}): latent size 100, unconditional, 28×28, 1 channel, base width b = 64, kernel 5.
 *
 * @param latentSize size of z, &gt; 0
 * @param numClasses number of classes to condition on (one-hot appended to z), 0 = unconditional
 * @param imageSize  28 or 32
 * @param channels   1 (grey) or 3 (RGB)
 * @param baseWidth  feature maps of the last hidden layer (b), &gt; 0
 * @param kernelSize side of the transposed-convolution kernels, &gt; 0
 */
public record DcganGenerator(int latentSize, int numClasses, int imageSize, int channels, int baseWidth,
                             int kernelSize) implements GeneratorSpec {

    /** Validates the arguments; each failure names the parameter. */
    public DcganGenerator {
        Checks.positive("latentSize", latentSize);
        Checks.nonNegative("numClasses", numClasses);
        DcganDiscriminator.checkImage(imageSize, channels);
        Checks.positive("baseWidth", baseWidth);
        Checks.positive("kernelSize", kernelSize);
        if (kernelSize < 2) {
            throw new IllegalArgumentException("kernelSize must be >= 2 (a stride-2 transposed convolution doubles "
                    + "the image side only with a kernel of 2 or more), got " + kernelSize);
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

    /** Number of stride-2 up-sampling steps: 2 for 28×28 (from 7×7), 3 for 32×32 (from 4×4). */
    int upsamplings() {
        return imageSize == 28 ? 2 : 3;
    }

    @Override
    public Network create(long seed, IUpdater updater, DataType dataType) {
        return new MultiLayerModel(build(seed, updater, dataType));
    }

    /**
     * Builds and initialises the DL4J network.
     *
     * @param seed     seed of the weight initialisation
     * @param updater  the optimiser (DL4J keeps it in the network configuration)
     * @param dataType {@link DataType#FLOAT} for training; {@link DataType#DOUBLE} for gradient checks
     * @return an initialised network with its gradient view allocated
     */
    public MultiLayerNetwork build(long seed, IUpdater updater, DataType dataType) {
        NeuralNetConfiguration.ListBuilder list = NetworkBase.base(seed, updater, dataType, true).list();
        int ups = upsamplings();
        int start = imageSize >> ups;
        int width = baseWidth << (ups - 1);
        int idx = 0;
        list.layer(idx++, new DenseLayer.Builder().name("g_project").nIn(inputSize()).nOut((long) start * start * width)
                .hasBias(false).activation(Activation.IDENTITY).build());
        list.layer(idx++, new BatchNormalization.Builder().name("g_project_bn").build());
        list.layer(idx++, new ActivationLayer.Builder().name("g_project_relu").activation(Activation.RELU).build());
        list.inputPreProcessor(idx, new FeedForwardToCnnPreProcessor(start, start, width));
        for (int u = 1; u <= ups; u++) {
            boolean last = u == ups;
            int out = last ? channels : width / 2;
            // "same" output (side × 2) from explicit padding plus a one-pixel crop at the top/left where the kernel
            // needs it: libnd4j's oneDNN deconv2d takes only explicit padding, and its generic "same" path is ~13×
            // slower (86 vs 6.6 ms for 7×7×128 → 14×14×64, batch 64, 2 threads). Same result as PyTorch's
            // ConvTranspose2d(padding = (k - 1) / 2, output_padding = k % 2) (TransposedConvolutionLayoutTest).
            int trim = kernelSize - 2;
            int crop = trim % 2;
            list.layer(idx++, new Deconvolution2D.Builder().name("g_deconv" + u).nOut(out)
                    .kernelSize(kernelSize, kernelSize).stride(2, 2).convolutionMode(ConvolutionMode.Truncate)
                    .padding(trim / 2, trim / 2).hasBias(last)
                    .activation(last ? Activation.TANH : Activation.IDENTITY).build());
            if (crop > 0) {
                list.layer(idx++, new Cropping2D.Builder(crop, 0, crop, 0).name("g_deconv" + u + "_crop").build());
            }
            if (!last) {
                list.layer(idx++, new BatchNormalization.Builder().name("g_deconv" + u + "_bn").build());
                list.layer(idx++, new ActivationLayer.Builder().name("g_deconv" + u + "_relu")
                        .activation(Activation.RELU).build());
            }
            width = out;
        }
        list.setInputType(InputType.feedForward(inputSize()));
        return NetworkBase.create(list.build());
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int latentSize = 100;
        private int numClasses = 0;
        private int imageSize = 28;
        private int channels = 1;
        private int baseWidth = 64;
        private int kernelSize = 5;

        private Builder() {
        }

        /** Size of z (default 100). */
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

        /** Feature maps of the last hidden layer (default 64). */
        public Builder baseWidth(int v) {
            baseWidth = v;
            return this;
        }

        /** Kernel side (default 5). */
        public Builder kernelSize(int v) {
            kernelSize = v;
            return this;
        }

        /** @return the validated specification */
        public DcganGenerator build() {
            return new DcganGenerator(latentSize, numClasses, imageSize, channels, baseWidth, kernelSize);
        }
    }
}
