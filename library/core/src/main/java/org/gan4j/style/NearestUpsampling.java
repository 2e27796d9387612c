package org.gan4j.style;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest-neighbour up-sampling by 2 (each pixel becomes a 2×2 block), NCHW, and its backward pass (the gradient of
 * a pixel sums its 2×2 block), through libnd4j's {@code upsampling2d} and {@code upsampling2d_bp} ops.
 */
final class NearestUpsampling {
    /** libnd4j's flag for channels-first data. */
    private static final int NCHW = 1;

    private NearestUpsampling() {
    }

    /** {@code [n, c, h, w]} → {@code [n, c, 2h, 2w]}. */
    static INDArray forward(INDArray x) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), x.size(1), 2 * x.size(2), 2 * x.size(3));
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(x).addOutputs(out)
                .addIntegerArguments(2, 2, NCHW).build());
        return out;
    }

    /** {@code [n, c, 2h, 2w]} → {@code [n, c, h, w]}. */
    static INDArray backward(INDArray outputGradient) {
        INDArray in = Nd4j.createUninitialized(outputGradient.dataType(), outputGradient.size(0),
                outputGradient.size(1), outputGradient.size(2) / 2, outputGradient.size(3) / 2);
        INDArray dx = in.ulike();
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d_bp").addInputs(in, outputGradient).addOutputs(dx)
                .addIntegerArguments(NCHW).build());
        return dx;
    }
}
