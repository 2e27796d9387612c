package org.gan4j.style;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stride-1 convolution with an odd square kernel and "same" output size (explicit padding (k−1)/2), NCHW, weights
 * {@code [k, k, in, out]}, no bias; forward and backward through libnd4j's {@code conv2d} and {@code conv2d_bp} ops
 * (which use oneDNN where the platform has it).
 */
final class SameConvolution {
    private SameConvolution() {
    }

    /** {@code x [n, in, h, w]} * {@code weights [k, k, in, out]} → {@code [n, out, h, w]}. */
    static INDArray forward(INDArray x, INDArray weights) {
        int k = (int) weights.size(0);
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), weights.size(3), x.size(2), x.size(3));
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, weights).addOutputs(out)
                .addIntegerArguments(arguments(k)).build());
        return out;
    }

    /**
     * The gradients of {@link #forward} with respect to {@code x} (returned) and the weights (written into
     * {@code weightGradient}).
     */
    static INDArray backward(INDArray x, INDArray weights, INDArray outputGradient, INDArray weightGradient) {
        int k = (int) weights.size(0);
        INDArray dx = Nd4j.createUninitialized(x.dataType(), x.shape());
        INDArray dw = Nd4j.createUninitialized(weights.dataType(), weights.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, weights, outputGradient).addOutputs(dx, dw)
                .addIntegerArguments(arguments(k)).build());
        weightGradient.assign(dw);
        return dx;
    }

    /** kH, kW, sH, sW, pH, pW, dH, dW, same-mode off, NCHW, weights [kH, kW, iC, oC]. */
    private static int[] arguments(int k) {
        int pad = (k - 1) / 2;
        return new int[]{k, k, 1, 1, pad, pad, 1, 1, 0, 0, 0};
    }
}
