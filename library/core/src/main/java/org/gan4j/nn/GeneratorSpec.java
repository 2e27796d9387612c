package org.gan4j.nn;

import java.io.IOException;
import java.io.InputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Specification of a generator network: maps a latent vector (plus an optional one-hot class label) to a sample.
 */
public sealed interface GeneratorSpec permits MlpGenerator, DcganGenerator, StyleGenerator {

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
     * Builds and initialises the network under the {@link Network} contract.
     *
     * @param seed     seed of the weight initialisation
     * @param updater  the optimiser
     * @param dataType {@link DataType#FLOAT} for training; {@link DataType#DOUBLE} for gradient checks
     * @return an initialised network with its gradient view allocated
     */
    Network create(long seed, IUpdater updater, DataType dataType);

    /**
     * Reads a network of this specification written by {@link Network#write} (parameters, optimiser state and
     * counters).
     *
     * @param updater the optimiser the network was trained with (a DL4J model file carries its own)
     * @throws IOException when the stream is not such a network
     */
    default Network read(InputStream in, IUpdater updater) throws IOException {
        return MultiLayerModel.read(in);
    }
}
