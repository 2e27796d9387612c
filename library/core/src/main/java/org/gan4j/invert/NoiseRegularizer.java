package org.gan4j.invert;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * StyleGAN2's regulariser of optimised noise maps: at every scale (the map, then 2×2 averages of it, down to 8×8 or
 * less) the squared autocorrelation of neighbouring pixels, horizontally and vertically, wrapping around the edges.
 * White noise has none; a map that starts to copy the image's shapes is penalised.
 */
final class NoiseRegularizer {
    /** Scales stop once a map is this small. */
    private static final int SMALLEST = 8;

    private NoiseRegularizer() {
    }

    /**
     * The penalty's gradient w.r.t. {@code maps [m, 1, s, s]}; adds each row's penalty to {@code penalty[row]}.
     */
    static INDArray gradient(INDArray maps, double[] penalty) {
        int m = (int) maps.size(0);
        return scale(maps.reshape(m, maps.size(2), maps.size(3)), penalty).reshape(maps.shape());
    }

    /** Penalty and gradient at this scale and all coarser ones, for {@code v [m, s, s]}. */
    private static INDArray scale(INDArray v, double[] penalty) {
        int m = (int) v.size(0);
        long s = v.size(1);
        long pixels = s * s;
        INDArray grad = Nd4j.zeros(v.dataType(), v.shape());
        for (int axis = 1; axis <= 2; axis++) {
            INDArray forward = roll(v, axis, 1);
            INDArray backward = roll(v, axis, -1);
            INDArray c = v.mul(forward).reshape(m, pixels).mean(1);
            double[] cs = c.toDoubleVector();
            for (int r = 0; r < m; r++) {
                penalty[r] += cs[r] * cs[r];
            }
            // d(c²)/dv = 2c · (roll(v, +1) + roll(v, −1)) / pixels
            grad.addi(forward.addi(backward).reshape(m, pixels).muliColumnVector(c.reshape(m, 1).mul(2.0 / pixels))
                    .reshape(v.shape()));
        }
        if (s > SMALLEST && s % 2 == 0) {
            long h = s / 2;
            INDArray coarse = v.reshape(m, h, 2, h, 2).mean(2, 4);
            INDArray coarseGrad = scale(coarse, penalty);
            // the gradient of a 2×2 mean: a quarter of the coarse gradient at each of the four pixels
            INDArray up = coarseGrad.reshape(m, h, 1, h, 1).repeat(2, 2).repeat(4, 2).reshape(m, s, s).divi(4);
            grad.addi(up);
        }
        return grad;
    }

    /** {@code v} rolled by {@code shift} (±1) along {@code axis} (1 = rows, 2 = columns), wrapping around. */
    private static INDArray roll(INDArray v, int axis, int shift) {
        long s = v.size(axis);
        long split = shift > 0 ? s - 1 : 1;
        INDArray head = v.get(index(axis, split, s));
        INDArray tail = v.get(index(axis, 0, split));
        return Nd4j.concat(axis, head, tail);
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex[] index(int axis, long from, long to) {
        org.nd4j.linalg.indexing.INDArrayIndex[] idx = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
        idx[axis] = NDArrayIndex.interval(from, to);
        return idx;
    }

    /** Re-normalises each map of {@code maps [m, 1, s, s]} in place to mean 0 and standard deviation 1. */
    static void normalise(INDArray maps) {
        int m = (int) maps.size(0);
        INDArray flat = maps.reshape(m, -1);
        INDArray mean = flat.mean(true, 1);
        INDArray std = flat.std(false, 1).reshape(m, 1).addi(1e-8);
        maps.assign(flat.subColumnVector(mean).diviColumnVector(std).reshape(maps.shape()));
    }
}
