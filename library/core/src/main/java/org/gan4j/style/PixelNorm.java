package org.gan4j.style;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Normalises each row to unit root mean square, {@code y = x / sqrt(mean(x²) + ε)} with ε = 1e-8 (StyleGAN's input
 * normalisation of z before the mapping network), and its backward pass
 * {@code dx = (dy − y·mean(dy·y)) / r}.
 */
final class PixelNorm {
    static final double EPSILON = 1e-8;

    private PixelNorm() {
    }

    /** The normalised rows and the root mean squares (for the backward pass). */
    record Pass(INDArray output, INDArray rms) {
    }

    static Pass forward(INDArray x) {
        INDArray rms = Transforms.sqrt(x.mul(x).mean(true, 1).addi(EPSILON), false);
        return new Pass(x.divColumnVector(rms), rms);
    }

    static INDArray backward(Pass p, INDArray outputGradient) {
        INDArray m = outputGradient.mul(p.output()).mean(true, 1);
        return outputGradient.sub(p.output().mulColumnVector(m)).diviColumnVector(p.rms());
    }
}
