package org.gan4j.nn;

import java.io.IOException;
import java.io.InputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Specification of a discriminator (critic) network: maps a sample (plus an optional class label) to one unbounded
 * score per sample, shape {@code [batch, 1]}. The loss decides what the score means.
 *
 * <p>How the label enters depends on {@link #conditioning()}; the default methods here turn samples and labels into
 * the network's input ({@link #input}), its output into scores ({@link #scores}), and back
 * ({@link #outputGradient}, {@link #sampleGradient}), so that a trainer need not know which conditioning is used.
 */
public sealed interface DiscriminatorSpec permits MlpDiscriminator, DcganDiscriminator {

    /** Shape of one input sample, without the batch dimension and without label channels. */
    long[] sampleShape();

    /** Number of classes the discriminator is conditioned on; 0 for an unconditional discriminator. */
    int numClasses();

    /** How the label enters ({@link LabelConditioning#CONCATENATION} for an unconditional discriminator). */
    LabelConditioning conditioning();

    /**
     * Whether, in training mode, one sample's score depends on the other samples of its batch (batch normalisation).
     * A per-sample gradient penalty is only defined for a discriminator that does not.
     */
    default boolean couplesSamples() {
        return false;
    }

    /** Label features or channels in the network's input: {@code numClasses()} when concatenated, else 0. */
    default int labelInputs() {
        return conditioning() == LabelConditioning.CONCATENATION ? numClasses() : 0;
    }

    /** Label columns in the network's output: {@code numClasses()} for projection, else 0. */
    default int projectedClasses() {
        return conditioning() == LabelConditioning.PROJECTION ? numClasses() : 0;
    }

    /** The network input for samples {@code x} with {@code labels} (null when unconditional). */
    default INDArray input(INDArray x, int[] labels) {
        return Conditioning.discriminatorInput(x, labels, labelInputs());
    }

    /** The scores {@code [n, 1]} from the network output for samples with {@code labels}. */
    default INDArray scores(INDArray networkOutput, int[] labels) {
        return Conditioning.projectedScores(networkOutput, labels, projectedClasses());
    }

    /** The gradient on the network output from a gradient {@code [n, 1]} on {@link #scores}. */
    default INDArray outputGradient(INDArray scoreGradient, int[] labels) {
        return Conditioning.projectedScoreGradient(scoreGradient, labels, projectedClasses());
    }

    /** The part of a gradient w.r.t. the network input that belongs to the samples (label inputs dropped). */
    default INDArray sampleGradient(INDArray inputGradient, long sampleWidth) {
        return Conditioning.sampleGradient(inputGradient, sampleWidth, labelInputs());
    }

    /**
     * Builds and initialises the network under the {@link Network} contract.
     *
     * @param seed     seed of the weight initialisation
     * @param updater  the optimiser
     * @param dataType {@link DataType#FLOAT} for training; {@link DataType#DOUBLE} for gradient checks
     * @return an initialised network with its gradient view allocated
     */
    default Network create(long seed, IUpdater updater, DataType dataType) {
        return create(seed, updater, dataType, 0);
    }

    /**
     * Builds the network with {@code auxiliaryOutputs} extra outputs after the score (and projection) columns: a
     * second head sharing the discriminator's body, such as InfoGAN's Q. {@link #scores} expects the network's
     * output without them.
     */
    default Network create(long seed, IUpdater updater, DataType dataType, int auxiliaryOutputs) {
        return create(seed, updater, dataType, auxiliaryOutputs, 0);
    }

    /**
     * {@link #create(long, IUpdater, DataType, int)} with a second head that has a hidden layer of its own of
     * {@code auxiliaryHidden} units ({@link AuxiliaryHeadLayer}); 0 makes the head a linear readout of the body.
     */
    default Network create(long seed, IUpdater updater, DataType dataType, int auxiliaryOutputs,
                           int auxiliaryHidden) {
        return new MultiLayerModel(build(seed, updater, dataType, auxiliaryOutputs, auxiliaryHidden));
    }

    /**
     * Builds and initialises the DL4J network.
     *
     * @param seed     seed of the weight initialisation
     * @param updater  the optimiser (DL4J keeps it in the network configuration)
     * @param dataType {@link DataType#FLOAT} for training; {@link DataType#DOUBLE} for gradient checks
     * @return an initialised network with its gradient view allocated
     */
    default MultiLayerNetwork build(long seed, IUpdater updater, DataType dataType) {
        return build(seed, updater, dataType, 0);
    }

    /**
     * The DL4J network with {@code auxiliaryOutputs} extra outputs after the score (and projection) columns: a head
     * sharing the body, such as InfoGAN's Q.
     */
    default MultiLayerNetwork build(long seed, IUpdater updater, DataType dataType, int auxiliaryOutputs) {
        return build(seed, updater, dataType, auxiliaryOutputs, 0);
    }

    /**
     * The DL4J network with a second head of {@code auxiliaryOutputs} outputs that has a hidden layer of its own of
     * {@code auxiliaryHidden} leaky-ReLU units on the body's features ({@link AuxiliaryHeadLayer}); with
     * {@code auxiliaryHidden} 0 the head is a linear readout of the body, extra outputs of the score layer.
     */
    MultiLayerNetwork build(long seed, IUpdater updater, DataType dataType, int auxiliaryOutputs,
                            int auxiliaryHidden);

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
