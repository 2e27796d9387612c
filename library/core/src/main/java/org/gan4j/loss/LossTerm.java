package org.gan4j.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The value of a loss (mean over the batch) and its gradient with respect to the scores it was computed from.
 *
 * @param value    the mean loss
 * @param gradient d(value)/d(scores), same shape as the scores
 */
public record LossTerm(double value, INDArray gradient) {
}
