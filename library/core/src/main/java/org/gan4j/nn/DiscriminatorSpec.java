package org.gan4j.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Specification of a discriminator (critic) network: maps a sample (plus an optional one-hot class label) to one
 * unbounded score per sample, shape {@code [batch, 1]}. The loss decides what the score means.
 */
public sealed interface DiscriminatorSpec permits MlpDiscriminator, DcganDiscriminator {

    /** Shape of one input sample, without the batch dimension and without label channels. */
    long[] sampleShape();

    /** Number of classes the discriminator is conditioned on; 0 for an unconditional discriminator. */
    int numClasses();

    /**
     * Builds and initialises the network.
     *
     * @param seed     seed of the weight initialisation
     * @param updater  the optimiser
     * @param dataType {@link DataType#FLOAT} for training; {@link DataType#DOUBLE} for gradient checks
     * @return an initialised network with its gradient view allocated
     */
    MultiLayerNetwork build(long seed, IUpdater updater, DataType dataType);
}
