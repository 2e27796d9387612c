package org.gan4j.train;

import org.gan4j.nn.Network;
import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One player's network with the operations the two-player step needs: a training-mode forward pass that keeps what
 * the backward pass needs, a backward pass from a gradient on the output, and an optimiser step from a given
 * gradient. The network may be any {@link Network}.
 */
final class Player {
    final Network net;
    /** 1 at statistic positions (batch-norm running statistics, average w), 0 elsewhere; {@code [1, nParams]}. */
    final INDArray statMask;
    /** 1 - statMask. */
    final INDArray trainableMask;
    /** Whether the network keeps no statistics among its parameters (then the mask need not be applied). */
    private final boolean allTrainable;

    Player(Network net) {
        this.net = net;
        statMask = net.statisticsMask();
        trainableMask = statMask.rsub(1.0);
        allTrainable = statMask.sumNumber().doubleValue() == 0;
    }

    /** Forward pass in training mode; keeps what {@link #backward} needs. */
    INDArray forward(INDArray input, RandomStream randomness) {
        return net.forward(input, randomness);
    }

    /** Back-propagates {@code outputGradient}; the parameter gradient lands in the gradient view. */
    INDArray backward(INDArray outputGradient) {
        return net.backward(outputGradient);
    }

    /** A copy of the current parameter gradient, {@code [1, nParams]}. */
    INDArray gradientCopy() {
        return net.gradientView().dup();
    }

    /** L2 norm of the trainable part of a gradient (statistics excluded). */
    double trainableNorm(INDArray gradient) {
        return (allTrainable ? gradient : gradient.mul(trainableMask)).norm2Number().doubleValue();
    }

    /** One optimiser step with {@code total} as the gradient (already a batch mean). */
    void step(INDArray total, int epoch) {
        net.update(total, epoch);
    }
}
