package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * FD and KID against values computed once with numpy by {@code library/core/src/test/python/eval_reference.py}
 * (numpy 2.4.6, 2026-11-30), on closed-form inputs: {@code a[i][j] = sin(0.37 i + 1.3 j) + 0.1 j},
 * {@code b[i][j] = 1.5 cos(0.23 i + 0.7 j) − 0.2}. The tolerance is relative 1e-8: the two implementations sum in
 * different orders and take the matrix root differently (numpy: eigenvalues of Σ_a Σ_b; here: Jacobi
 * eigendecompositions of symmetric matrices, which agree to about 1e-9 relative), so bit equality is not expected, but any formula difference (biased instead of unbiased MMD, n instead of n−1 in the covariance, another
 * kernel) moves the values by far more.
 */
class MetricReferenceTest {

    /** numpy: frechet(a 40×5, b 30×5). */
    private static final double FRECHET_REFERENCE = 4.077213079605294;
    /** numpy: unbiased MMD² with (x·y/d + 1)³ of a 25×6 against b 25×6. */
    private static final double MMD2_REFERENCE = 2.473904612630254;

    static double[][] a(int n, int d) {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = Math.sin(0.37 * i + 1.3 * j) + 0.1 * j;
            }
        }
        return x;
    }

    static double[][] b(int n, int d) {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = Math.cos(0.23 * i + 0.7 * j) * 1.5 - 0.2;
            }
        }
        return x;
    }

    @Test
    void frechetDistanceMatchesNumpy() {
        double fd = FrechetDistance.between(a(40, 5), b(30, 5));
        assertEquals(FRECHET_REFERENCE, fd, 1e-8 * FRECHET_REFERENCE);
    }

    @Test
    void unbiasedMmd2WithCubicKernelMatchesNumpy() {
        double mmd2 = KernelInceptionDistance.unbiasedMmd2(a(25, 6), b(25, 6));
        assertEquals(MMD2_REFERENCE, mmd2, 1e-8 * MMD2_REFERENCE);
    }

    @Test
    void kidWithOneFullSubsetIsTheUnbiasedMmd2() {
        // one subset holding every vector of both sets: the permutation only reorders the sums
        KernelInceptionDistance kid = KernelInceptionDistance.of(a(25, 6), b(25, 6), 1, 25, 3);
        assertEquals(MMD2_REFERENCE, kid.mean(), 1e-8 * MMD2_REFERENCE);
        assertEquals(0, kid.std());
        assertEquals(25, kid.subsetSize());
    }

    @Test
    void kidRejectsSubsetsLargerThanTheSmallerSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelInceptionDistance.of(a(25, 6), b(20, 6), 10, 21, 0));
        assertEquals("subsetSize must be in [2, 20] (the smaller set), got 21", e.getMessage());
    }

    @Test
    void metricsRejectFeatureSetsOfDifferentDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrecisionRecall.of(a(10, 4), b(10, 5)));
        assertEquals("real has 4 features per vector, generated 5: both must come from the same feature network",
                e.getMessage());
    }
}
