package org.gan4j.synth;

import org.gan4j.train.TrainingSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A distribution of points in the plane to train a GAN on and to look at: the ring, a grid, a spiral, two moons. */
public interface PlaneData {

    /**
     * @param n    number of points, {@code > 0}
     * @param seed the random seed
     * @return {@code n} points {@code [n, 2]} (float32), reproducible from {@code seed}
     */
    TrainingSet sample(int n, long seed);

    /** @return a short name for menus and titles */
    String name();

    /** @return a half-width {@code L} such that the square [-L, L]² shows all of the data with a margin */
    double extent();

    /**
     * @param n a requested number of points
     * @throws IllegalArgumentException unless {@code n > 0}
     */
    static void checkCount(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
    }

    /**
     * @param xy interleaved coordinates {@code x0, y0, x1, y1, ...}
     * @return the points {@code [n, 2]} as float32
     */
    static INDArray points(double[] xy) {
        return Nd4j.create(xy, new long[] {xy.length / 2, 2}, DataType.DOUBLE).castTo(DataType.FLOAT);
    }
}
