package org.gan4j.style;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;

/**
 * Per-pixel noise with a learned strength per channel (StyleGAN's "B" inputs): {@code y = x + s_ch · noise}, where
 * one single-channel noise map {@code [n, 1, h, w]} is shared by all channels of a sample and {@code s} starts at 0,
 * so the network learns how much stochastic detail each channel wants.
 */
final class NoiseInjection {
    private NoiseInjection() {
    }

    /**
     * @param x        {@code [n, ch, h, w]}
     * @param noise    {@code [n, 1, h, w]}
     * @param strength {@code [ch]}
     */
    static INDArray forward(INDArray x, INDArray noise, INDArray strength) {
        INDArray scaled = spread(noise, x);
        Broadcast.mul(scaled, strength, scaled, 1);
        return scaled.addi(x);
    }

    /** Writes {@code dL/ds} into {@code strengthGrad}; the gradient w.r.t. x is the output gradient itself. */
    static void backward(INDArray noise, INDArray outputGradient, INDArray strengthGrad) {
        strengthGrad.assign(outputGradient.mul(spread(noise, outputGradient)).sum(0, 2, 3));
    }

    /** The noise map repeated over the channels of {@code like}. */
    private static INDArray spread(INDArray noise, INDArray like) {
        return noise.broadcast(like.shape()).dup('c');
    }
}
