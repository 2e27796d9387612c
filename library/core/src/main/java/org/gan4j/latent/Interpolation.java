package org.gan4j.latent;

import java.util.Objects;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Interpolation between two latent vectors: linear (lerp) or spherical (slerp).
 *
 * <p><b>lerp</b>: {@code lerp(a, b, t) = (1 - t)·a + t·b}, the straight line.
 *
 * <p><b>slerp</b> (Shoemake 1985, "Animating rotation with quaternion curves"; proposed for GAN latents by White 2016,
 * "Sampling Generative Networks"): with {@code θ} the angle between {@code a} and {@code b},
 * {@code slerp(a, b, t) = sin((1-t)θ)/sin θ · a + sin(tθ)/sin θ · b}, the great-circle arc. Between vectors of equal
 * norm it keeps the norm; between vectors of different norms the norm changes smoothly from one to the other.
 * A d-dimensional standard Gaussian latent has norm close to √d, so almost every latent the generator saw in training
 * lies near that sphere; the midpoint of a straight line between two such latents has norm near √(d/2) — a region the
 * generator has rarely seen — while slerp stays on the sphere.
 *
 * <p>Nearly parallel vectors ({@code sin θ < }{@value #PARALLEL_TOLERANCE}) are interpolated linearly (the arc and the
 * line coincide there, and the slerp weights are 0/0). Opposite vectors have no unique great circle and are refused.
 *
 * <pre>{@code
 * INDArray mid = Interpolation.slerp(a, b, 0.5);
 * INDArray path = Interpolation.slerp().path(a, b, 9);     // [9, d], a and b included
 * INDArray grid = Interpolation.lerp().grid(c00, c01, c10, c11, 5, 7);   // [35, d], row-major
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/1609.04468">White 2016, Sampling Generative Networks</a>
 */
public enum Interpolation {
    /** Linear interpolation: the straight line from a to b. */
    LERP,
    /** Spherical linear interpolation: the great-circle arc from a to b (norms interpolated linearly along it). */
    SLERP;

    /** Below this {@code sin θ} slerp falls back to lerp (nearly parallel vectors). */
    public static final double PARALLEL_TOLERANCE = 1e-6;

    /** @return {@link #LERP} */
    public static Interpolation lerp() {
        return LERP;
    }

    /** @return {@link #SLERP} */
    public static Interpolation slerp() {
        return SLERP;
    }

    /**
     * {@code (1 - t)·a + t·b}.
     *
     * @param a the start (t = 0), a vector {@code [d]} or a row {@code [1, d]}
     * @param b the end (t = 1), same length as {@code a}
     * @param t the position, in [0, 1]
     * @return a vector of the shape and data type of {@code a}
     */
    public static INDArray lerp(INDArray a, INDArray b, double t) {
        return LERP.between(a, b, t);
    }

    /**
     * The point at {@code t} on the great-circle arc from {@code a} to {@code b} (see the class comment).
     *
     * @param a the start (t = 0), a vector {@code [d]} or a row {@code [1, d]}, not zero
     * @param b the end (t = 1), same length as {@code a}, not zero, not opposite to {@code a}
     * @param t the position, in [0, 1]
     * @return a vector of the shape and data type of {@code a}
     */
    public static INDArray slerp(INDArray a, INDArray b, double t) {
        return SLERP.between(a, b, t);
    }

    /**
     * The point at {@code t} between {@code a} and {@code b} by this method.
     *
     * @param a the start (t = 0), a vector {@code [d]} or a row {@code [1, d]}
     * @param b the end (t = 1), same length as {@code a}
     * @param t the position, in [0, 1]
     * @return a vector of the shape and data type of {@code a}
     */
    public INDArray between(INDArray a, INDArray b, double t) {
        double[] x = vector("a", a);
        double[] y = vector("b", b);
        sameLength(x, y);
        checkT(t);
        double[] out = apply(x, y, t);
        return Nd4j.create(out, a.shape(), DataType.DOUBLE).castTo(a.dataType());
    }

    /**
     * {@code steps} evenly spaced points from {@code a} to {@code b}, both included.
     *
     * @param a     the start, a vector {@code [d]} or a row {@code [1, d]}
     * @param b     the end, same length
     * @param steps number of points, at least 2
     * @return {@code [steps, d]} in the data type of {@code a}
     */
    public INDArray path(INDArray a, INDArray b, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2 (the path includes both ends), got " + steps);
        }
        double[] x = vector("a", a);
        double[] y = vector("b", b);
        sameLength(x, y);
        double[][] rows = new double[steps][];
        for (int i = 0; i < steps; i++) {
            rows[i] = apply(x, y, i / (double) (steps - 1));
        }
        return Nd4j.create(rows).castTo(a.dataType());
    }

    /**
     * A {@code rows × columns} grid of latents spanned by four corners: bilinear for {@link #LERP}. Each row
     * interpolates between the left edge ({@code topLeft → bottomLeft}) and the right edge ({@code topRight →
     * bottomRight}) at the row's height, all with this method.
     *
     * @param topLeft     the corner at row 0, column 0
     * @param topRight    the corner at row 0, the last column
     * @param bottomLeft  the corner at the last row, column 0
     * @param bottomRight the corner at the last row, the last column
     * @param rows        rows, at least 2
     * @param columns     columns, at least 2
     * @return {@code [rows·columns, d]}, row-major (row {@code r}, column {@code c} at index {@code r·columns + c})
     */
    public INDArray grid(INDArray topLeft, INDArray topRight, INDArray bottomLeft, INDArray bottomRight, int rows,
            int columns) {
        if (rows < 2 || columns < 2) {
            throw new IllegalArgumentException("rows and columns must be >= 2 (the grid includes its corners), got rows="
                    + rows + ", columns=" + columns);
        }
        double[] tl = vector("topLeft", topLeft);
        double[] tr = vector("topRight", topRight);
        double[] bl = vector("bottomLeft", bottomLeft);
        double[] br = vector("bottomRight", bottomRight);
        sameLength(tl, tr);
        sameLength(tl, bl);
        sameLength(tl, br);
        double[][] out = new double[rows * columns][];
        for (int r = 0; r < rows; r++) {
            double v = r / (double) (rows - 1);
            double[] left = apply(tl, bl, v);
            double[] right = apply(tr, br, v);
            for (int c = 0; c < columns; c++) {
                out[r * columns + c] = apply(left, right, c / (double) (columns - 1));
            }
        }
        return Nd4j.create(out).castTo(topLeft.dataType());
    }

    /** The angle in radians between {@code a} and {@code b} (vectors or rows of equal length, not zero). */
    public static double angle(INDArray a, INDArray b) {
        double[] x = vector("a", a);
        double[] y = vector("b", b);
        sameLength(x, y);
        return Math.acos(cosine(x, y));
    }

    private double[] apply(double[] a, double[] b, double t) {
        double wa;
        double wb;
        if (this == LERP) {
            wa = 1 - t;
            wb = t;
        } else {
            double cos = cosine(a, b);
            double theta = Math.acos(cos);
            double sin = Math.sin(theta);
            if (sin < PARALLEL_TOLERANCE) {
                if (cos < 0) {
                    throw new IllegalArgumentException("slerp between opposite vectors is not defined (angle "
                            + theta + " rad, no unique great circle): use lerp or move one end");
                }
                wa = 1 - t;
                wb = t;
            } else {
                wa = Math.sin((1 - t) * theta) / sin;
                wb = Math.sin(t * theta) / sin;
            }
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = wa * a[i] + wb * b[i];
        }
        return out;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            throw new IllegalArgumentException("slerp needs non-zero vectors (the angle of a zero vector is not "
                    + "defined), got |a|=" + Math.sqrt(na) + ", |b|=" + Math.sqrt(nb));
        }
        return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
    }

    /** A vector [d] or a row [1, d] as doubles; anything else is a clear error naming the parameter. */
    static double[] vector(String name, INDArray v) {
        Objects.requireNonNull(v, name + " must not be null");
        boolean isVector = v.rank() == 1 || (v.rank() == 2 && v.size(0) == 1);
        if (!isVector || v.length() == 0) {
            throw new IllegalArgumentException(name + " must be one latent vector, shape [d] or [1, d], got "
                    + java.util.Arrays.toString(v.shape()) + " (take one row with getRow(i))");
        }
        double[] x = v.castTo(DataType.DOUBLE).reshape(v.length()).toDoubleVector();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + " must be finite, got " + x[i] + " at index " + i);
            }
        }
        return x;
    }

    private static void sameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors must have the same length, got " + a.length + " and "
                    + b.length);
        }
    }

    static void checkT(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t must be in [0, 1], got " + t);
        }
    }
}
