package org.gan4j.train;

import org.gan4j.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a run needs to continue exactly, as {@link Checkpoint} writes and reads it: the interface between the
 * training loop and its persistence. {@link TrainingLoop#state()} gives the state of a loop (its live networks, EMA
 * and history, not copies); {@link TrainingLoop#restore} builds a loop back from one.
 *
 * @param config              the configuration
 * @param dataFingerprint     the fingerprint of the data trained on
 * @param dataSize            the number of samples of that data
 * @param generator           G with its optimiser state
 * @param discriminator       D with its optimiser state
 * @param ema                 the EMA of G's parameters, or {@code null} when EMA is off
 * @param history             one row per step done
 * @param step                steps done
 * @param epoch               the data stream's epoch
 * @param cursor              the data stream's position in its epoch
 * @param dataEpochStartState the data stream's random state at the start of the epoch
 * @param latentState         the latent stream's random state
 * @param penaltyState        the penalty stream's random state
 * @param wallSeconds         wall time spent training so far
 */
record TrainingState(GanConfig config, String dataFingerprint, int dataSize, Network generator,
                     Network discriminator, INDArray ema, History history, long step, int epoch, int cursor,
                     long dataEpochStartState, long latentState, long penaltyState, double wallSeconds) {
}
