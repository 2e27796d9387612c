package org.gan4j.eval;

/**
 * Density and coverage (Naeem, Oh, Uh, Choi, Yoo, "Reliable Fidelity and Diversity Metrics for Generative Models",
 * ICML 2020): the fixes of {@link PrecisionRecall} that use only the real manifold's k-NN balls (k =
 * {@value #DEFAULT_K}, as in the paper).
 *
 * <p><em>Density</em> counts, for each generated vector, how many real balls contain it, divided by k and averaged:
 * about 1 when the generated distribution matches the real one, above 1 when samples crowd where real data is dense,
 * below 1 for unrealistic samples; outliers in the real set barely move it. <em>Coverage</em> is the share of real
 * balls that contain at least one generated vector: about {@code 1 − 2^−k} ≈ 0.97 for matching distributions, lower
 * when modes are missing.
 *
 * <p>The paper's lesson: for two independent samples of one distribution in high dimension, density ≈ 1 and
 * coverage ≈ 0.97 while precision and recall fall well below 1. Density is not bounded by 1 and is not a share.
 *
 * @param density        mean number of real balls per generated vector, divided by k; ≥ 0, about 1 for a match
 * @param coverage       share of real balls holding a generated vector, in [0, 1]
 * @param k              the neighbour rank of the balls
 * @param realCount      number of real vectors used
 * @param generatedCount number of generated vectors used
 */
public record DensityCoverage(double density, double coverage, int k, int realCount, int generatedCount) {

    /** The paper's neighbour rank. */
    public static final int DEFAULT_K = 5;

    /**
     * Density and coverage with k = {@value #DEFAULT_K}.
     *
     * @param real      real feature vectors {@code [n][d]}, n &gt; k
     * @param generated generated feature vectors {@code [m][d]}, m ≥ 1
     * @return density and coverage
     */
    public static DensityCoverage of(double[][] real, double[][] generated) {
        return of(real, generated, DEFAULT_K);
    }

    /**
     * Density and coverage with neighbour rank k.
     *
     * @param real      real feature vectors {@code [n][d]}, n &gt; k
     * @param generated generated feature vectors {@code [m][d]}, m ≥ 1
     * @param k         neighbour rank, ≥ 1
     * @return density and coverage
     * @throws IllegalArgumentException if the real set has k or fewer vectors, or the dimensions differ
     */
    public static DensityCoverage of(double[][] real, double[][] generated, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        FeatureMatrices.check("real", real, k + 1);
        FeatureMatrices.check("generated", generated, 1);
        FeatureMatrices.checkPair(real, generated, 1);
        double[] radius = FeatureMatrices.kthNeighbour(FeatureMatrices.squaredDistances(real, real), k);
        double[][] cross = FeatureMatrices.squaredDistances(real, generated);
        long inside = 0;
        int covered = 0;
        for (int i = 0; i < real.length; i++) {
            boolean any = false;
            for (int j = 0; j < generated.length; j++) {
                if (cross[i][j] <= radius[i]) {
                    inside++;
                    any = true;
                }
            }
            if (any) {
                covered++;
            }
        }
        return new DensityCoverage(inside / ((double) k * generated.length), covered / (double) real.length, k,
                real.length, generated.length);
    }
}
