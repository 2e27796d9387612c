package org.gan4j.eval;

import java.util.Random;

/** Feature sets drawn from an isotropic Gaussian, where the metrics' answers are known: the tests' shared fixture. */
final class GaussianFeatures {

    private GaussianFeatures() {
    }

    /**
     * @param n    vectors
     * @param d    dimensions
     * @param mean every coordinate's mean
     * @param sd   every coordinate's standard deviation
     * @param seed seed of {@link Random}: one seed, one set
     * @return {@code n} independent draws of N(mean, sd² I) in {@code d} dimensions
     */
    static double[][] draw(int n, int d, double mean, double sd, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = mean + sd * r.nextGaussian();
            }
        }
        return x;
    }
}
