package org.gan4j.eval;

import org.gan4j.random.RandomStream;

/**
 * Kernel distance between feature sets, KID (Bińkowski, Sutherland, Arbel, Gretton, "Demystifying MMD GANs", ICLR
 * 2018): the unbiased estimate of the squared maximum mean discrepancy with the cubic polynomial kernel
 * {@code k(x, y) = (x·y / d + 1)³}, averaged over random subsets of both sets; reported as mean ± standard deviation
 * over the subsets.
 *
 * <p>Unlike the {@link FrechetDistance}, the estimate is unbiased: its expectation does not depend on the sample
 * count, it is 0 on average for two samples of one distribution (single subsets may be negative), and values
 * measured with different sample counts are comparable. Here it is computed on the features of a
 * {@link FeatureNetwork}, not Inception-v3: not comparable with KIDs in papers.
 *
 * <p>With m vectors per subset: {@code MMD² = Σ_{i≠j} k(x_i,x_j)/(m(m−1)) + Σ_{i≠j} k(y_i,y_j)/(m(m−1))
 * − 2 Σ_{i,j} k(x_i,y_j)/m²}.
 *
 * @param mean           mean of the subset estimates of MMD²
 * @param std            standard deviation of the subset estimates (population), 0 for one subset
 * @param subsets        number of subsets
 * @param subsetSize     vectors drawn from each set per subset (without replacement within a subset)
 * @param realCount      number of real vectors available
 * @param generatedCount number of generated vectors available
 */
public record KernelInceptionDistance(double mean, double std, int subsets, int subsetSize, int realCount,
                                      int generatedCount) {

    /** Default number of subsets (as StyleGAN2-ADA's {@code metrics/kernel_inception_distance.py}). */
    public static final int DEFAULT_SUBSETS = 100;
    /** Default largest subset size (as StyleGAN2-ADA). */
    public static final int DEFAULT_MAX_SUBSET_SIZE = 1000;

    /**
     * KID with {@value #DEFAULT_SUBSETS} subsets of {@code min(1000, min(n, m) / 2)} vectors, seed 0. Half the smaller
     * set (StyleGAN2-ADA takes all of it when it is below 1 000) so that the subsets differ in both sets and their
     * spread shows the sampling variability of the estimate.
     *
     * @param real      real feature vectors {@code [n][d]}, n ≥ 2
     * @param generated generated feature vectors {@code [m][d]}, m ≥ 2
     * @return mean and standard deviation of the subset estimates
     */
    public static KernelInceptionDistance of(double[][] real, double[][] generated) {
        int size = Math.max(2, Math.min(DEFAULT_MAX_SUBSET_SIZE, Math.min(real.length, generated.length) / 2));
        return of(real, generated, DEFAULT_SUBSETS, size, 0);
    }

    /**
     * KID over random subsets.
     *
     * @param real       real feature vectors {@code [n][d]}
     * @param generated  generated feature vectors {@code [m][d]}
     * @param subsets    number of subsets, ≥ 1
     * @param subsetSize vectors per subset from each set, 2 ≤ subsetSize ≤ min(n, m)
     * @param seed       seed of the subset draws
     * @return mean and standard deviation of the subset estimates
     * @throws IllegalArgumentException if a count is out of range or the dimensions differ
     */
    public static KernelInceptionDistance of(double[][] real, double[][] generated, int subsets, int subsetSize,
                                             long seed) {
        int d = FeatureMatrices.checkPair(real, generated, 2);
        if (subsets < 1) {
            throw new IllegalArgumentException("subsets must be >= 1, got " + subsets);
        }
        if (subsetSize < 2 || subsetSize > Math.min(real.length, generated.length)) {
            throw new IllegalArgumentException("subsetSize must be in [2, " + Math.min(real.length, generated.length)
                    + "] (the smaller set), got " + subsetSize);
        }
        double[][] kxx = kernel(FeatureMatrices.dot(real, real), d);
        double[][] kyy = kernel(FeatureMatrices.dot(generated, generated), d);
        double[][] kxy = kernel(FeatureMatrices.dot(real, generated), d);
        RandomStream random = RandomStream.seeded(seed);
        double[] estimates = new double[subsets];
        int m = subsetSize;
        for (int s = 0; s < subsets; s++) {
            int[] x = java.util.Arrays.copyOf(random.permutation(real.length), m);
            int[] y = java.util.Arrays.copyOf(random.permutation(generated.length), m);
            estimates[s] = mmd2(kxx, kyy, kxy, x, y);
        }
        double mean = 0;
        for (double e : estimates) {
            mean += e;
        }
        mean /= subsets;
        double var = 0;
        for (double e : estimates) {
            var += (e - mean) * (e - mean);
        }
        return new KernelInceptionDistance(mean, Math.sqrt(var / subsets), subsets, subsetSize, real.length,
                generated.length);
    }

    /**
     * The unbiased MMD² of two whole sets (one "subset" of everything), the value a reference computation checks.
     *
     * @param x first set {@code [m][d]}, m ≥ 2
     * @param y second set {@code [m][d]}, same size
     * @return the estimate (may be negative)
     */
    public static double unbiasedMmd2(double[][] x, double[][] y) {
        int d = FeatureMatrices.checkPair(x, y, 2);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must hold as many vectors, got " + x.length + " and "
                    + y.length);
        }
        int[] all = java.util.stream.IntStream.range(0, x.length).toArray();
        return mmd2(kernel(FeatureMatrices.dot(x, x), d), kernel(FeatureMatrices.dot(y, y), d),
                kernel(FeatureMatrices.dot(x, y), d), all, all);
    }

    private static double[][] kernel(double[][] dots, int d) {
        for (double[] row : dots) {
            for (int j = 0; j < row.length; j++) {
                double v = row[j] / d + 1;
                row[j] = v * v * v;
            }
        }
        return dots;
    }

    private static double mmd2(double[][] kxx, double[][] kyy, double[][] kxy, int[] x, int[] y) {
        int m = x.length;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                if (a != b) {
                    sxx += kxx[x[a]][x[b]];
                    syy += kyy[y[a]][y[b]];
                }
                sxy += kxy[x[a]][y[b]];
            }
        }
        return sxx / ((double) m * (m - 1)) + syy / ((double) m * (m - 1)) - 2 * sxy / ((double) m * m);
    }
}
