package org.gan4j.nn;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A fully connected discriminator: {@code [x, onehot(y)] → Dense(w1) LeakyReLU → … → Dense(1)} (a raw score); with
 * {@link LabelConditioning#PROJECTION}, {@code x → … → Dense(1 + numClasses)} (a projection head).
 *
 * <p>Weights are Xavier-initialised. Defaults ({@link #builder()}): input size 2, unconditional, hidden widths
 * 128, 128, leaky-ReLU slope 0.2, concatenation.
 *
 * @param inputSize    size of one sample, &gt; 0
 * @param numClasses   number of classes to condition on (concatenated one-hot), 0 = unconditional
 * @param hiddenWidths widths of the hidden layers, at least one
 * @param leakySlope   negative slope of the leaky ReLU, in [0, 1)
 * @param conditioning how the label enters (projection needs {@code numClasses > 0})
 */
public record MlpDiscriminator(int inputSize, int numClasses, List<Integer> hiddenWidths, double leakySlope,
                               LabelConditioning conditioning) implements DiscriminatorSpec {

    /** Validates the arguments; each failure names the parameter. */
    public MlpDiscriminator {
        Checks.positive("inputSize", inputSize);
        Checks.nonNegative("numClasses", numClasses);
        hiddenWidths = Checks.widths("hiddenWidths", hiddenWidths);
        Checks.leakySlope(leakySlope);
        Checks.conditioning(conditioning, numClasses);
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public long[] sampleShape() {
        return new long[]{inputSize};
    }

    @Override
    public MultiLayerNetwork build(long seed, IUpdater updater, DataType dataType, int auxiliaryOutputs,
                                   int auxiliaryHidden) {
        NeuralNetConfiguration.ListBuilder list = NetworkBase.base(seed, updater, dataType, false).list();
        int nIn = inputSize + labelInputs();
        int i = 0;
        for (int w : hiddenWidths) {
            list.layer(new DenseLayer.Builder().name("d_hidden" + (++i)).nIn(nIn).nOut(w)
                    .activation(new ActivationLReLU(leakySlope)).build());
            nIn = w;
        }
        NetworkBase.scoreLayers(list, nIn, 1 + projectedClasses(), auxiliaryOutputs, auxiliaryHidden, leakySlope);
        list.setInputType(InputType.feedForward(inputSize + labelInputs()));
        return NetworkBase.create(list.build());
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int inputSize = 2;
        private int numClasses = 0;
        private List<Integer> hiddenWidths = List.of(128, 128);
        private double leakySlope = 0.2;
        private LabelConditioning conditioning = LabelConditioning.CONCATENATION;

        private Builder() {
        }

        /** Size of one sample (default 2). */
        public Builder inputSize(int v) {
            inputSize = v;
            return this;
        }

        /** Classes to condition on (default 0 = unconditional). */
        public Builder numClasses(int v) {
            numClasses = v;
            return this;
        }

        /** Hidden layer widths (default 128, 128). */
        public Builder hiddenWidths(Integer... v) {
            hiddenWidths = v == null ? null : List.of(v);
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

        /** @return the validated specification */
        public MlpDiscriminator build() {
            return new MlpDiscriminator(inputSize, numClasses, hiddenWidths, leakySlope, conditioning);
        }
    }
}
