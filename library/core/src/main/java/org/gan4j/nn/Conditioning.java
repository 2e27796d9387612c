package org.gan4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Conditioning by concatenation: how a class label enters the generator and the discriminator.
 *
 * <ul>
 *   <li>generator input: {@code [z, onehot(y)]};</li>
 *   <li>discriminator input: {@code [x, onehot(y)]} for vectors, or the image with {@code numClasses} constant
 *       channels holding the one-hot label for images (NCHW).</li>
 * </ul>
 */
public final class Conditioning {
    private Conditioning() {
    }

    /** One-hot rows {@code [labels.length, numClasses]} in the data type of {@code like}. */
    public static INDArray oneHot(int[] labels, int numClasses, INDArray like) {
        INDArray out = Nd4j.zeros(like.dataType(), labels.length, numClasses);
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y < 0 || y >= numClasses) {
                throw new IllegalArgumentException("label must be in [0, " + numClasses + "), got " + y
                        + " at index " + i);
            }
            out.putScalar(i, y, 1.0);
        }
        return out;
    }

    /** The generator input {@code [z, onehot(y)]}; {@code z} itself when {@code numClasses == 0}. */
    public static INDArray generatorInput(INDArray z, int[] labels, int numClasses) {
        if (numClasses == 0) {
            return z;
        }
        requireLabels(labels, z.size(0));
        return Nd4j.hstack(z, oneHot(labels, numClasses, z));
    }

    /** The discriminator input: the sample with the label appended as features or as constant channels. */
    public static INDArray discriminatorInput(INDArray x, int[] labels, int numClasses) {
        if (numClasses == 0) {
            return x;
        }
        requireLabels(labels, x.size(0));
        INDArray oneHot = oneHot(labels, numClasses, x);
        if (x.rank() == 2) {
            return Nd4j.hstack(x, oneHot);
        }
        if (x.rank() == 4) {
            long h = x.size(2);
            long w = x.size(3);
            INDArray maps = oneHot.reshape(x.size(0), numClasses, 1, 1).broadcast(x.size(0), numClasses, h, w);
            return Nd4j.concat(1, x, maps.dup());
        }
        throw new IllegalArgumentException("samples must be rank 2 [n, features] or rank 4 [n, c, h, w], got shape "
                + java.util.Arrays.toString(x.shape()));
    }

    /** The part of a gradient w.r.t. the discriminator input that belongs to the sample (drops label parts). */
    public static INDArray sampleGradient(INDArray inputGradient, long sampleWidth, int numClasses) {
        if (numClasses == 0) {
            return inputGradient;
        }
        if (inputGradient.rank() == 2) {
            return inputGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, sampleWidth)).dup();
        }
        return inputGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, sampleWidth), NDArrayIndex.all(),
                NDArrayIndex.all()).dup();
    }

    private static void requireLabels(int[] labels, long n) {
        if (labels == null) {
            throw new IllegalArgumentException("labels are required for a conditional network, got null");
        }
        if (labels.length != n) {
            throw new IllegalArgumentException("labels must have one entry per sample: expected " + n + ", got "
                    + labels.length);
        }
    }
}
