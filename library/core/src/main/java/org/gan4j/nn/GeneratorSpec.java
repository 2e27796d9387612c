package org.gan4j.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Specification of a generator network: maps a latent vector (plus an optional one-hot class label) to a sample.
 */
public sealed interface GeneratorSpec permits MlpGenerator, DcganGenerator {

    /** Size of the latent vector z. */
    int latentSize();

    /** Number of classes the generator is conditioned on; 0 for an unconditional generator. */
    int numClasses();

    /** Shape of one generated sample, without the batch dimension (e.g. {@code [2]} or {@code [1, 28, 28]}). */
    long[] sampleShape();

    /** Number of inputs of the network: {@code latentSize() + numClasses()}. */
    default int inputSize() {
        return latentSize() + numClasses();
    }

    /**
     * Builds and initialises the network.
     *
     * @param seed     seed of the weight initialisation
     * @param updater  the optimiser (DL4J keeps it in the network configuration)
     * @param dataType {@link DataType#FLOAT} for training; {@link DataType#DOUBLE} for gradient checks
     * @return an initialised network with its gradient view allocated
     */
    MultiLayerNetwork build(long seed, IUpdater updater, DataType dataType);
}
