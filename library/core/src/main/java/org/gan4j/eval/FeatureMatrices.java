package org.gan4j.eval;

import java.util.Objects;

/** Dot products and squared distances between rows of feature matrices, the shared arithmetic of the metrics. */
final class FeatureMatrices {

    private FeatureMatrices() {
    }

    /** Checks a feature set: non-null, at least {@code min} rows, all of one dimension; returns the dimension. */
    static int check(String name, double[][] x, int min) {
        Objects.requireNonNull(x, name);
        if (x.length < min) {
            throw new IllegalArgumentException(name + " must hold at least " + min + " feature vectors, got "
                    + x.length);
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + x[i].length + " values, expected " + d
                        + " (the dimension of " + name + "[0])");
            }
        }
        return d;
    }

    /** Checks that two feature sets have the same dimension. */
    static int checkPair(double[][] real, double[][] generated, int min) {
        int d = check("real", real, min);
        int e = check("generated", generated, min);
        if (d != e) {
            throw new IllegalArgumentException("real has " + d + " features per vector, generated " + e
                    + ": both must come from the same feature network");
        }
        return d;
    }

    /** {@code [a.length][b.length]} matrix of dot products. */
    static double[][] dot(double[][] a, double[][] b) {
        double[][] r = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ri = r[i];
            for (int j = 0; j < b.length; j++) {
                double[] bj = b[j];
                double s = 0;
                for (int k = 0; k < ai.length; k++) {
                    s += ai[k] * bj[k];
                }
                ri[j] = s;
            }
        }
        return r;
    }

    /** {@code [a.length][b.length]} matrix of squared Euclidean distances. */
    static double[][] squaredDistances(double[][] a, double[][] b) {
        double[][] r = dot(a, b);
        double[] na = squaredNorms(a);
        double[] nb = a == b ? na : squaredNorms(b);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                r[i][j] = Math.max(0, na[i] + nb[j] - 2 * r[i][j]);
            }
        }
        if (a == b) {
            for (int i = 0; i < a.length; i++) {
                r[i][i] = 0;
            }
        }
        return r;
    }

    private static double[] squaredNorms(double[][] x) {
        double[] n = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (double v : x[i]) {
                s += v * v;
            }
            n[i] = s;
        }
        return n;
    }

    /**
     * The squared distance of each row of a set to its k-th nearest neighbour in the same set, itself excluded: the
     * radius of the k-NN ball of Kynkäänniemi et al. and Naeem et al.
     *
     * @param within squared distances of the set to itself
     * @param k      neighbour rank, 1 ≤ k &lt; rows
     */
    static double[] kthNeighbour(double[][] within, int k) {
        if (k < 1 || k >= within.length) {
            throw new IllegalArgumentException("k must be in [1, " + (within.length - 1) + "] for " + within.length
                    + " feature vectors, got " + k);
        }
        double[] radius = new double[within.length];
        double[] nearest = new double[k];
        for (int i = 0; i < within.length; i++) {
            java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int j = 0; j < within.length; j++) {
                if (j == i) {
                    continue;
                }
                double v = within[i][j];
                if (v < nearest[k - 1]) {
                    int p = k - 1;
                    while (p > 0 && nearest[p - 1] > v) {
                        nearest[p] = nearest[p - 1];
                        p--;
                    }
                    nearest[p] = v;
                }
            }
            radius[i] = nearest[k - 1];
        }
        return radius;
    }
}
