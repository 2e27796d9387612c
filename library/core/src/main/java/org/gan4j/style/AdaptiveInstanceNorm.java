package org.gan4j.style;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Moments;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adaptive instance normalisation driven by a style vector (Huang and Belongie 2017; StyleGAN's "AdaIN"):
 * <pre>
 *   (y_s, y_b) = w·A + c                                   a learned affine map of w, one scale and bias per channel
 *   AdaIN(x, w)_{i,ch} = y_{s,i,ch} · (x_{i,ch} − μ(x_{i,ch})) / σ(x_{i,ch}) + y_{b,i,ch}
 * </pre>
 * μ and σ are the mean and standard deviation of one sample's one channel over its pixels (σ² + ε under the root,
 * ε = 1e-8), so every channel of every image is first normalised and then given the mean and spread the style asks
 * for. {@code A} is {@code [styleSize, 2·channels]} (scales first, then biases), {@code c} is {@code [2·channels]},
 * initialised to scale 1 and bias 0.
 */
final class AdaptiveInstanceNorm {
    static final double EPSILON = 1e-8;

    private AdaptiveInstanceNorm() {
    }

    /**
     * What {@link #backward} needs from a forward pass: the input, its per-channel mean and 1/σ, the style's scale,
     * and w.
     */
    record Pass(INDArray output, INDArray input, INDArray mean, INDArray inverseStd, INDArray scale, INDArray w) {
        /** The normalised input (x − μ)/σ, recomputed. */
        INDArray normalised() {
            INDArray centred = Broadcast.sub(input, mean, input.ulike(), 0, 1);
            return Broadcast.mul(centred, inverseStd, centred, 0, 1);
        }
    }

    /**
     * @param x      {@code [n, ch, h, w]}
     * @param w      {@code [n, styleSize]}
     * @param affine {@code [styleSize, 2·ch]}
     * @param bias   {@code [2·ch]}
     */
    static Pass forward(INDArray x, INDArray w, INDArray affine, INDArray bias) {
        long ch = x.size(1);
        INDArray style = w.mmul(affine).addiRowVector(bias);
        INDArray scale = style.get(all(), interval(0, ch)).dup();
        INDArray shift = style.get(all(), interval(ch, 2 * ch));
        // libnd4j's moments op: the mean and biased variance of mean(2, 3) and var(false, 2, 3) (bit for bit in
        // float32, AdaptiveInstanceNormTest) in a third to a sixth of the time (docs/performance.md)
        INDArray[] moments = Nd4j.exec(new Moments(x, new int[]{2, 3}));
        INDArray mean = moments[0];
        INDArray inverseStd = Transforms.pow(moments[1].addi(EPSILON), -0.5, false);
        // y = x·a + b per sample and channel, with a = y_s/σ and b = y_b − μ·a: two passes over the pixels
        INDArray a = scale.mul(inverseStd);
        INDArray b = shift.sub(mean.mul(a));
        INDArray out = Broadcast.mul(x, a, x.ulike(), 0, 1);
        Broadcast.add(out, b, out, 0, 1);
        return new Pass(out, x, mean, inverseStd, scale, w);
    }

    /** Returns {@code [dx, dw]} and writes the parameter gradients into {@code affineGrad} and {@code biasGrad}. */
    static INDArray[] backward(Pass p, INDArray outputGradient, INDArray affine, INDArray affineGrad,
                               INDArray biasGrad) {
        INDArray normalised = p.normalised();
        INDArray product = outputGradient.mul(normalised);
        INDArray dScale = product.sum(2, 3);
        INDArray dShift = outputGradient.sum(2, 3);
        INDArray dStyle = Nd4j.hstack(dScale, dShift);
        affineGrad.assign(p.w().transpose().mmul(dStyle));
        biasGrad.assign(dStyle.sum(0));
        INDArray dw = dStyle.mmul(affine.transpose());

        // through the normalisation, with dx̂ = y_s·dy and the per-channel means over the pixels:
        // dx = (y_s/σ)·(dy − mean(dy) − x̂·mean(dy·x̂))
        long pixels = outputGradient.size(2) * outputGradient.size(3);
        INDArray meanDy = dShift.div(pixels);
        INDArray meanDyX = dScale.div(pixels);
        INDArray dx = Broadcast.mul(normalised, meanDyX, normalised, 0, 1);
        dx.rsubi(outputGradient);
        Broadcast.sub(dx, meanDy, dx, 0, 1);
        Broadcast.mul(dx, p.scale().mul(p.inverseStd()), dx, 0, 1);
        return new INDArray[]{dx, dw};
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex all() {
        return org.nd4j.linalg.indexing.NDArrayIndex.all();
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex interval(long from, long to) {
        return org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to);
    }
}
