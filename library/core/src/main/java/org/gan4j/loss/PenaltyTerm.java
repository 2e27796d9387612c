package org.gan4j.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A regulariser's value and its gradient with respect to the discriminator's parameters.
 *
 * @param value         the penalty (already weighted)
 * @param parameterGrad d(value)/d(parameters), {@code [1, nParams]}
 */
public record PenaltyTerm(double value, INDArray parameterGrad) {
}
