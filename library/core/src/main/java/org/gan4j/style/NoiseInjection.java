package org.gan4j.style;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

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
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        Broadcast.copy(out, maps(noise), out, 0, 2, 3);
        Broadcast.mul(out, strength, out, 1);
        return out.addi(x);
    }

    /** Writes {@code dL/ds} into {@code strengthGrad}; the gradient w.r.t. x is the output gradient itself. */
    static void backward(INDArray noise, INDArray outputGradient, INDArray strengthGrad) {
        INDArray product = Broadcast.mul(outputGradient, maps(noise), outputGradient.ulike(), 0, 2, 3);
        strengthGrad.assign(product.sum(0, 2, 3));
    }

    /** The gradient w.r.t. the noise maps: {@code dL/dnoise = Σ_ch s_ch · dL/dy}, {@code [n, 1, h, w]}. */
    static INDArray noiseGradient(INDArray outputGradient, INDArray strength) {
        INDArray weighted = Broadcast.mul(outputGradient, strength, outputGradient.ulike(), 1);
        return weighted.sum(true, 1);
    }

    /** {@code [n, 1, h, w]} as {@code [n, h, w]}, to broadcast over the channel dimension. */
    private static INDArray maps(INDArray noise) {
        return noise.reshape(noise.size(0), noise.size(2), noise.size(3));
    }
}
