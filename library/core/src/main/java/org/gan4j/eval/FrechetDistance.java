package org.gan4j.eval;

import java.util.Objects;

import org.gan4j.data.ImageDataset;

/**
 * Fréchet distance between two sets of feature vectors, each modelled as a Gaussian: <br>
 * {@code d² = |μ₁ − μ₂|² + Tr(Σ₁ + Σ₂ − 2 (Σ₁ Σ₂)^½)}, <br>
 * the measure behind FID (Heusel, Ramsauer, Unterthiner, Nessler, Hochreiter, "GANs Trained by a Two Time-Scale
 * Update Rule Converge to a Local Nash Equilibrium", NeurIPS 2017).
 *
 * <p>{@link #between} takes any features; {@link Evaluator} applies it to the penultimate-layer features of a
 * {@link FeatureNetwork} (the analogue of FID's Inception-v3 pool features, like TF-GAN's {@code
 * mnist_frechet_distance}) and prints the real-vs-real floor beside it. {@link #inJudgeSpace} measures it in the
 * class-probability space of a {@link JudgeClassifier}. <strong>Neither is Inception-FID</strong>: the numbers are on
 * another scale and must not be compared with FIDs in papers, only between runs measured the same way.
 *
 * <p><strong>Bias at small sample counts.</strong> The estimate plugs sample means and covariances into a non-linear
 * formula, so it is biased upwards, and the bias shrinks roughly like 1/N (Chong &amp; Forsyth, "Effectively
 * Unbiased FID and Inception Score and Where to Find Them", CVPR 2020; TF-GAN's documentation notes the same): two
 * samples of the <em>same</em> distribution give d² &gt; 0, more so the fewer they are, and the bias depends on the
 * distribution, so it differs between generators. Compare distances only at equal sample counts, next to the
 * real-vs-real floor at that count (what {@link Evaluator} prints); {@link KernelInceptionDistance} is unbiased.
 *
 * <pre>{@code
 * double fd = FrechetDistance.between(net.features(realImages), net.features(samples));
 * }</pre>
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    /**
     * Fréchet distance (squared, as FID reports it) between real and generated images in the judge's class-probability
     * space.
     *
     * @param judge     the judge whose probabilities are the features
     * @param real      real images, at least 2
     * @param generated generated images, at least 2
     * @return {@code d² ≥ 0}; 0 for identical distributions
     * @throws IllegalArgumentException if a set holds fewer than 2 images or images of another size than the judge's
     */
    public static double inJudgeSpace(JudgeClassifier judge, ImageDataset real, ImageDataset generated) {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(generated, "generated");
        if (real.size() < 2) {
            throw new IllegalArgumentException("real must hold at least 2 images, got " + real.size());
        }
        if (generated.size() < 2) {
            throw new IllegalArgumentException("generated must hold at least 2 images, got " + generated.size());
        }
        return between(judge.probabilities(real), judge.probabilities(generated));
    }

    /**
     * Fréchet distance (squared) between two sets of feature vectors. Meant for low dimensions (up to a few hundred):
     * the matrix square root uses Jacobi eigendecompositions, O(d³) per sweep.
     *
     * @param a first set, {@code [n][d]}, n ≥ 2
     * @param b second set, {@code [m][d]}, m ≥ 2
     * @return {@code d² ≥ 0}
     * @throws IllegalArgumentException if a set holds fewer than 2 vectors or the dimensions differ
     */
    public static double between(double[][] a, double[][] b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length < 2) {
            throw new IllegalArgumentException("a must hold at least 2 vectors, got " + a.length);
        }
        if (b.length < 2) {
            throw new IllegalArgumentException("b must hold at least 2 vectors, got " + b.length);
        }
        int d = a[0].length;
        checkDim("a", a, d);
        checkDim("b", b, d);
        double[] muA = mean(a);
        double[] muB = mean(b);
        double[][] sA = covariance(a, muA);
        double[][] sB = covariance(b, muB);
        double dist = 0;
        for (int i = 0; i < d; i++) {
            dist += (muA[i] - muB[i]) * (muA[i] - muB[i]) + sA[i][i] + sB[i][i];
        }
        // Tr((sA sB)^½) = Σ √λ(√sA · sB · √sA), the inner matrix being symmetric positive semi-definite
        double[][] rootA = sqrtPsd(sA);
        double[][] inner = multiply(multiply(rootA, sB), rootA);
        symmetrise(inner);
        double traceRoot = 0;
        for (double lambda : SymmetricEigen.of(inner).values()) {
            traceRoot += Math.sqrt(Math.max(0, lambda));
        }
        return Math.max(0, dist - 2 * traceRoot);
    }

    private static void checkDim(String name, double[][] x, int d) {
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + x[i].length + " values, expected " + d
                        + " (the dimension of a[0])");
            }
        }
    }

    private static double[] mean(double[][] x) {
        double[] mu = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += row[j];
            }
        }
        for (int j = 0; j < mu.length; j++) {
            mu[j] /= x.length;
        }
        return mu;
    }

    private static double[][] covariance(double[][] x, double[] mu) {
        int d = mu.length;
        double[][] s = new double[d][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                double di = row[i] - mu[i];
                for (int j = i; j < d; j++) {
                    s[i][j] += di * (row[j] - mu[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                s[i][j] /= x.length - 1;
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    private static double[][] sqrtPsd(double[][] s) {
        SymmetricEigen e = SymmetricEigen.of(s);
        int d = s.length;
        double[] l = e.values();
        double[][] v = e.vectors();
        double[][] r = new double[d][d];
        for (int k = 0; k < d; k++) {
            double root = Math.sqrt(Math.max(0, l[k]));
            if (root == 0) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    r[i][j] += v[i][k] * root * v[j][k];
                }
            }
        }
        return r;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int m = y[0].length;
        double[][] r = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < y.length; k++) {
                double xik = x[i][k];
                for (int j = 0; j < m; j++) {
                    r[i][j] += xik * y[k][j];
                }
            }
        }
        return r;
    }

    private static void symmetrise(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double avg = (m[i][j] + m[j][i]) / 2;
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
    }
}
