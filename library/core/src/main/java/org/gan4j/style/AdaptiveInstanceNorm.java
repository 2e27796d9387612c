package org.gan4j.style;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
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

    /** What {@link #backward} needs from a forward pass. */
    record Pass(INDArray output, INDArray normalised, INDArray inverseStd, INDArray scale, INDArray w) {
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
        INDArray shift = style.get(all(), interval(ch, 2 * ch)).dup();
        INDArray mean = x.mean(2, 3);
        INDArray centred = Broadcast.sub(x, mean, x.ulike(), 0, 1);
        INDArray variance = centred.mul(centred).mean(2, 3);
        INDArray inverseStd = Transforms.pow(variance.addi(EPSILON), -0.5, false);
        INDArray normalised = Broadcast.mul(centred, inverseStd, centred, 0, 1);
        INDArray out = Broadcast.mul(normalised, scale, normalised.ulike(), 0, 1);
        Broadcast.add(out, shift, out, 0, 1);
        return new Pass(out, normalised, inverseStd, scale, w);
    }

    /** Gradients: returns {@code [dx, dw]}; adds the parameter gradients into {@code affineGrad} and {@code biasGrad}. */
    static INDArray[] backward(Pass p, INDArray outputGradient, INDArray affine, INDArray affineGrad,
                               INDArray biasGrad) {
        INDArray dScale = outputGradient.mul(p.normalised()).sum(2, 3);
        INDArray dShift = outputGradient.sum(2, 3);
        INDArray dStyle = org.nd4j.linalg.factory.Nd4j.hstack(dScale, dShift);
        affineGrad.assign(p.w().transpose().mmul(dStyle));
        biasGrad.assign(dStyle.sum(0));
        INDArray dw = dStyle.mmul(affine.transpose());

        // through the normalisation: dx = (1/σ)·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)), means over the pixels
        INDArray dNormalised = Broadcast.mul(outputGradient, p.scale(), outputGradient.ulike(), 0, 1);
        INDArray meanD = dNormalised.mean(2, 3);
        INDArray meanDx = dNormalised.mul(p.normalised()).mean(2, 3);
        INDArray dx = Broadcast.sub(dNormalised, meanD, dNormalised.ulike(), 0, 1);
        dx.subi(Broadcast.mul(p.normalised(), meanDx, p.normalised().ulike(), 0, 1));
        Broadcast.mul(dx, p.inverseStd(), dx, 0, 1);
        return new INDArray[]{dx, dw};
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex all() {
        return org.nd4j.linalg.indexing.NDArrayIndex.all();
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex interval(long from, long to) {
        return org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to);
    }
}
