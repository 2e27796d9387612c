package org.gan4j.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a {@link Regularizer} needs from the discriminator: one forward and backward pass in training mode.
 * The training loop provides the implementation (it knows the network and the class labels of the batch).
 */
public interface DifferentiableCritic {

    /**
     * Runs the discriminator on {@code samples} and back-propagates {@code scoreGradient}.
     *
     * @param samples       a batch of samples (without label channels)
     * @param scoreGradient d(objective)/d(scores), shape {@code [batch, 1]}; {@code null} means all ones
     * @return the scores, the parameter gradient (a copy, shape {@code [1, nParams]}) and the gradient with respect
     *     to {@code samples}
     */
    Pass pass(INDArray samples, INDArray scoreGradient);

    /**
     * The result of {@link #pass}.
     *
     * @param scores         raw scores {@code [batch, 1]}
     * @param parameterGrad  d(objective)/d(parameters), {@code [1, nParams]}
     * @param sampleGrad     d(objective)/d(samples), the shape of the samples
     */
    record Pass(INDArray scores, INDArray parameterGrad, INDArray sampleGrad) {
    }
}
