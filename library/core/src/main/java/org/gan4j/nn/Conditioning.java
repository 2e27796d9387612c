package org.gan4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How a class label enters the generator and the discriminator.
 *
 * <ul>
 *   <li>generator input: {@code [z, onehot(y)]} (the first layer's weights on the one-hot part act as a learned class
 *       embedding added to its pre-activation);</li>
 *   <li>discriminator, {@link LabelConditioning#CONCATENATION}: {@code [x, onehot(y)]} for vectors, or the image with
 *       {@code numClasses} constant channels holding the one-hot label for images (NCHW);</li>
 *   <li>discriminator, {@link LabelConditioning#PROJECTION}: the sample alone goes in, the network gives
 *       {@code 1 + numClasses} columns, and the score of sample i is {@code out[i, 0] + out[i, 1 + y_i]}.</li>
 * </ul>
 */
public final class Conditioning {
    private Conditioning() {
    }

    /**
     * Labels that cycle through the classes, sample i getting class {@code i % numClasses}: how gan4j asks a
     * conditional generator for a balanced sample.
     *
     * @return the labels, or {@code null} when {@code numClasses} is 0 (an unconditional generator)
     */
    public static int[] cyclingLabels(int n, int numClasses) {
        if (numClasses == 0) {
            return null;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % numClasses;
        }
        return labels;
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

    /**
     * Projection scores: {@code out[i, 0] + out[i, 1 + labels[i]]}, shape {@code [n, 1]}; {@code out} itself when
     * {@code numClasses == 0}.
     */
    public static INDArray projectedScores(INDArray out, int[] labels, int numClasses) {
        if (numClasses == 0) {
            return out;
        }
        requireLabels(labels, out.size(0));
        if (out.rank() != 2 || out.size(1) != 1 + numClasses) {
            throw new IllegalArgumentException("a projection discriminator's output must have shape [n, "
                    + (1 + numClasses) + "], got " + java.util.Arrays.toString(out.shape()));
        }
        INDArray mask = oneHot(labels, numClasses, out);
        INDArray classTerm = out.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + numClasses)).mul(mask)
                .sum(true, 1);
        return out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1)).add(classTerm);
    }

    /**
     * The gradient on a projection discriminator's output from a gradient {@code [n, 1]} on its scores: the score
     * gradient in column 0 and in column {@code 1 + labels[i]}, zero elsewhere; the gradient itself when
     * {@code numClasses == 0}.
     */
    public static INDArray projectedScoreGradient(INDArray scoreGradient, int[] labels, int numClasses) {
        if (numClasses == 0) {
            return scoreGradient;
        }
        requireLabels(labels, scoreGradient.size(0));
        INDArray classPart = oneHot(labels, numClasses, scoreGradient).muliColumnVector(scoreGradient);
        return Nd4j.hstack(scoreGradient, classPart);
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
