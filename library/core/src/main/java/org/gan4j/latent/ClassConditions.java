package org.gan4j.latent;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Condition vectors for a class-conditional generator, which reads {@code [z, c]} with {@code c} the
 * one-hot vector of a class (see {@link org.gan4j.nn.Conditioning}). Blending two classes' vectors,
 * {@code c(t) = (1 - t)·onehot(a) + t·onehot(b)}, interpolates between the two classes' embeddings: the generator's
 * first layer is linear in its input, so a blended condition is exactly a blend of the two classes' learned
 * embeddings (the first layer's weight columns of the two classes). Generate from these with
 * {@link org.gan4j.nn.Generator#generateConditioned(INDArray, INDArray)}.
 *
 * <pre>{@code
 * INDArray c = ClassConditions.blend(7, 9, 0.5, 10);  // half Sneaker, half Ankle boot: [1, 10]
 * INDArray cs = ClassConditions.path(7, 9, 8, 10);    // [8, 10], from onehot(7) to onehot(9)
 * generator.generateConditioned(z, cs);               // z: [8, latentSize]
 * }</pre>
 */
public final class ClassConditions {
    private ClassConditions() {
    }

    /**
     * @param label      the class, in [0, numClasses)
     * @param numClasses number of classes, &gt; 0
     * @return the one-hot row {@code [1, numClasses]} (float)
     */
    public static INDArray oneHot(int label, int numClasses) {
        checkLabel("label", label, numClasses);
        INDArray c = Nd4j.zeros(DataType.FLOAT, 1, numClasses);
        c.putScalar(0, label, 1.0);
        return c;
    }

    /**
     * @param from       the class at t = 0
     * @param to         the class at t = 1
     * @param t          the mix, in [0, 1]
     * @param numClasses number of classes, &gt; 0
     * @return {@code (1 - t)·onehot(from) + t·onehot(to)} as a row {@code [1, numClasses]} (float)
     */
    public static INDArray blend(int from, int to, double t, int numClasses) {
        checkLabel("from", from, numClasses);
        checkLabel("to", to, numClasses);
        Interpolation.checkT(t);
        INDArray c = Nd4j.zeros(DataType.FLOAT, 1, numClasses);
        c.putScalar(0, from, 1 - t);
        c.putScalar(0, to, c.getDouble(0, to) + t);
        return c;
    }

    /**
     * @param from       the class of the first row
     * @param to         the class of the last row
     * @param steps      rows, at least 2
     * @param numClasses number of classes, &gt; 0
     * @return {@code [steps, numClasses]}: evenly spaced blends from {@code onehot(from)} to {@code onehot(to)}
     */
    public static INDArray path(int from, int to, int steps, int numClasses) {
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2 (the path includes both classes), got " + steps);
        }
        INDArray out = Nd4j.zeros(DataType.FLOAT, steps, numClasses);
        for (int i = 0; i < steps; i++) {
            out.putRow(i, blend(from, to, i / (double) (steps - 1), numClasses));
        }
        return out;
    }

    /**
     * @param labels     one class per row
     * @param numClasses number of classes, &gt; 0
     * @return one-hot rows {@code [labels.length, numClasses]} (float)
     */
    public static INDArray oneHot(int[] labels, int numClasses) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must hold at least one class, got "
                    + (labels == null ? "null" : "none"));
        }
        INDArray out = Nd4j.zeros(DataType.FLOAT, labels.length, numClasses);
        for (int i = 0; i < labels.length; i++) {
            checkLabel("labels[" + i + "]", labels[i], numClasses);
            out.putScalar(i, labels[i], 1.0);
        }
        return out;
    }

    static void checkLabel(String name, int label, int numClasses) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("numClasses must be > 0, got " + numClasses);
        }
        if (label < 0 || label >= numClasses) {
            throw new IllegalArgumentException(name + " must be a class in [0, " + numClasses + "), got " + label);
        }
    }
}
