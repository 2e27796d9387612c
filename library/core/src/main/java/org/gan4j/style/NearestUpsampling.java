package org.gan4j.style;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Nearest-neighbour up-sampling by 2 (each pixel becomes a 2×2 block), NCHW, and its backward pass (2×2 sums). */
final class NearestUpsampling {
    private NearestUpsampling() {
    }

    /** {@code [n, c, h, w]} → {@code [n, c, 2h, 2w]}. */
    static INDArray forward(INDArray x) {
        long n = x.size(0);
        long c = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        return x.reshape('c', n, c, h, 1, w, 1).broadcast(n, c, h, 2, w, 2).dup('c').reshape('c', n, c, 2 * h, 2 * w);
    }

    /** {@code [n, c, 2h, 2w]} → {@code [n, c, h, w]}: the gradient of each input pixel sums its 2×2 block. */
    static INDArray backward(INDArray outputGradient) {
        long n = outputGradient.size(0);
        long c = outputGradient.size(1);
        long h = outputGradient.size(2) / 2;
        long w = outputGradient.size(3) / 2;
        return outputGradient.dup('c').reshape('c', n, c, h, 2, w, 2).sum(3, 5);
    }
}
