package org.gan4j.nn;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A fully connected generator: {@code [z, onehot(y)] → Dense(w1) → … → Dense(outputSize)}.
 *
 * <p>Weights are Xavier-initialised. Defaults ({@link #builder()}): latent size 8, unconditional, hidden widths
 * 128, 128, ReLU hidden units, output size 2, identity output (unbounded samples such as 2-D points).
 *
 * @param latentSize       size of z, &gt; 0
 * @param numClasses       number of classes to condition on, 0 = unconditional
 * @param hiddenWidths     widths of the hidden layers, at least one
 * @param outputSize       size of one generated sample, &gt; 0
 * @param hiddenActivation activation of the hidden layers
 * @param outputActivation activation of the output layer ({@code TANH} for data in [-1, 1])
 */
public record MlpGenerator(int latentSize, int numClasses, List<Integer> hiddenWidths, int outputSize,
                           Activation hiddenActivation, Activation outputActivation) implements GeneratorSpec {

    /** Validates the arguments; each failure names the parameter. */
    public MlpGenerator {
        Checks.positive("latentSize", latentSize);
        Checks.nonNegative("numClasses", numClasses);
        hiddenWidths = Checks.widths("hiddenWidths", hiddenWidths);
        Checks.positive("outputSize", outputSize);
        Checks.notNull("hiddenActivation", hiddenActivation);
        Checks.notNull("outputActivation", outputActivation);
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public long[] sampleShape() {
        return new long[]{outputSize};
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
        NeuralNetConfiguration.ListBuilder list = NetworkBase.base(seed, updater, dataType, false).list();
        int nIn = inputSize();
        int i = 0;
        for (int w : hiddenWidths) {
            list.layer(new DenseLayer.Builder().name("g_hidden" + (++i)).nIn(nIn).nOut(w)
                    .activation(hiddenActivation).build());
            nIn = w;
        }
        list.layer(new DenseLayer.Builder().name("g_out").nIn(nIn).nOut(outputSize)
                .activation(outputActivation).build());
        list.setInputType(InputType.feedForward(inputSize()));
        return NetworkBase.create(list.build());
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int latentSize = 8;
        private int numClasses = 0;
        private List<Integer> hiddenWidths = List.of(128, 128);
        private int outputSize = 2;
        private Activation hiddenActivation = Activation.RELU;
        private Activation outputActivation = Activation.IDENTITY;

        private Builder() {
        }

        /** Size of z (default 8). */
        public Builder latentSize(int v) {
            latentSize = v;
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

        /** Size of one sample (default 2). */
        public Builder outputSize(int v) {
            outputSize = v;
            return this;
        }

        /** Hidden activation (default ReLU). */
        public Builder hiddenActivation(Activation v) {
            hiddenActivation = v;
            return this;
        }

        /** Output activation (default identity). */
        public Builder outputActivation(Activation v) {
            outputActivation = v;
            return this;
        }

        /** @return the validated specification */
        public MlpGenerator build() {
            return new MlpGenerator(latentSize, numClasses, hiddenWidths, outputSize, hiddenActivation,
                    outputActivation);
        }
    }
}
