package org.gan4j.eval;

/**
 * Improved precision and recall of a generative model (Kynkäänniemi, Karras, Laine, Lehtinen, Aila, "Improved
 * Precision and Recall Metric for Assessing Generative Models", NeurIPS 2019).
 *
 * <p>Each set's manifold is estimated as the union of balls around its feature vectors, each ball reaching that
 * vector's k-th nearest neighbour in its own set (k = {@value #DEFAULT_K}, as in the paper). <em>Precision</em> is the
 * share of generated vectors inside the real manifold (are the samples realistic?); <em>recall</em> the share of real
 * vectors inside the generated manifold (is the variety of the real data reproduced?).
 *
 * <p>How it fails: k-NN balls are inflated by outliers (one stray real image makes a large ball that accepts bad
 * samples), and in high dimension two samples of the same distribution do not fill each other's balls: precision and
 * recall of two independent samples of one distribution are well below 1 (the lesson of Naeem et al. 2020, see
 * {@link DensityCoverage}). Compare with the real-vs-real value at the same sample count.
 *
 * @param precision      share of generated vectors inside the real manifold, in [0, 1]
 * @param recall         share of real vectors inside the generated manifold, in [0, 1]
 * @param k              the neighbour rank of the balls
 * @param realCount      number of real vectors used
 * @param generatedCount number of generated vectors used
 */
public record PrecisionRecall(double precision, double recall, int k, int realCount, int generatedCount) {

    /** The paper's neighbour rank. */
    public static final int DEFAULT_K = 3;

    /**
     * Precision and recall with k = {@value #DEFAULT_K}.
     *
     * @param real      real feature vectors {@code [n][d]}, n &gt; k
     * @param generated generated feature vectors {@code [m][d]}, m &gt; k
     * @return the two shares
     */
    public static PrecisionRecall of(double[][] real, double[][] generated) {
        return of(real, generated, DEFAULT_K);
    }

    /**
     * Precision and recall with neighbour rank k.
     *
     * @param real      real feature vectors {@code [n][d]}, n &gt; k
     * @param generated generated feature vectors {@code [m][d]}, m &gt; k
     * @param k         neighbour rank, ≥ 1
     * @return the two shares
     * @throws IllegalArgumentException if a set has k or fewer vectors, or the dimensions differ
     */
    public static PrecisionRecall of(double[][] real, double[][] generated, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        FeatureMatrices.checkPair(real, generated, k + 1);
        double[] realRadius = FeatureMatrices.kthNeighbour(FeatureMatrices.squaredDistances(real, real), k);
        double[] genRadius = FeatureMatrices.kthNeighbour(FeatureMatrices.squaredDistances(generated, generated), k);
        double[][] cross = FeatureMatrices.squaredDistances(real, generated);
        int inReal = 0;
        for (int j = 0; j < generated.length; j++) {
            for (int i = 0; i < real.length; i++) {
                if (cross[i][j] <= realRadius[i]) {
                    inReal++;
                    break;
                }
            }
        }
        int inGenerated = 0;
        for (int i = 0; i < real.length; i++) {
            for (int j = 0; j < generated.length; j++) {
                if (cross[i][j] <= genRadius[j]) {
                    inGenerated++;
                    break;
                }
            }
        }
        return new PrecisionRecall(inReal / (double) generated.length, inGenerated / (double) real.length, k,
                real.length, generated.length);
    }
}
