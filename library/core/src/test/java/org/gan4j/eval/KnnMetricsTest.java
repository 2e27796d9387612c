package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Precision/recall (k = 3) and density/coverage (k = 5) on Gaussian feature sets, where the answers are known.
 * Ranges from numpy on the same construction (independent N(0, I) samples, n = 1000, d = 64: precision 0.61,
 * recall 0.64, density 0.96, coverage 0.969; coverage's expectation is 1 − 2^−5 ≈ 0.969).
 */
class KnnMetricsTest {

    /**
     * The lesson of Naeem et al. 2020: two independent samples of one distribution in high dimension ("identical
     * sets" in distribution) get precision and recall far below 1, while density stays near 1 and coverage near
     * 0.97.
     */
    @Test
    void identicalDistributionsInHighDimensionLowerPrecisionRecallButNotDensityCoverage() {
        double[][] real = GaussianFeatures.draw(1000, 64, 0, 1, 1);
        double[][] fake = GaussianFeatures.draw(1000, 64, 0, 1, 2);
        PrecisionRecall pr = PrecisionRecall.of(real, fake);
        DensityCoverage dc = DensityCoverage.of(real, fake);
        assertTrue(pr.precision() > 0.45 && pr.precision() < 0.8, "precision " + pr.precision());
        assertTrue(pr.recall() > 0.45 && pr.recall() < 0.8, "recall " + pr.recall());
        assertTrue(dc.density() > 0.85 && dc.density() < 1.15, "density " + dc.density());
        assertTrue(dc.coverage() > 0.93, "coverage " + dc.coverage());
        assertEquals(3, pr.k());
        assertEquals(5, dc.k());
        assertEquals(1000, dc.generatedCount());
    }

    @Test
    void theSameSetIsInsideItsOwnManifold() {
        double[][] x = GaussianFeatures.draw(300, 16, 0, 1, 3);
        PrecisionRecall pr = PrecisionRecall.of(x, x);
        assertEquals(1.0, pr.precision());
        assertEquals(1.0, pr.recall());
        assertEquals(1.0, DensityCoverage.of(x, x).coverage());
    }

    @Test
    void shiftedSamplesLoseFidelityAndDiversity() {
        double[][] real = GaussianFeatures.draw(800, 32, 0, 1, 4);
        double[][] shifted = GaussianFeatures.draw(800, 32, 0.5, 1, 5);
        double[][] same = GaussianFeatures.draw(800, 32, 0, 1, 6);
        PrecisionRecall prShifted = PrecisionRecall.of(real, shifted);
        PrecisionRecall prSame = PrecisionRecall.of(real, same);
        DensityCoverage dcShifted = DensityCoverage.of(real, shifted);
        DensityCoverage dcSame = DensityCoverage.of(real, same);
        assertTrue(prShifted.precision() < prSame.precision() - 0.1, prShifted + " vs " + prSame);
        assertTrue(prShifted.recall() < prSame.recall() - 0.1, prShifted + " vs " + prSame);
        assertTrue(dcShifted.density() < dcSame.density() - 0.2, dcShifted + " vs " + dcSame);
        assertTrue(dcShifted.coverage() < dcSame.coverage() - 0.1, dcShifted + " vs " + dcSame);
    }

    /** Samples collapsed onto a quarter of the real set keep their realism (density) but lose coverage and recall. */
    @Test
    void modeCollapseLowersCoverageAndRecallNotPrecision() {
        double[][] real = GaussianFeatures.draw(800, 8, 0, 1, 7);
        double[][] fresh = GaussianFeatures.draw(800, 8, 0, 1, 8);
        double[][] collapsed = new double[800][];
        for (int i = 0; i < collapsed.length; i++) {
            collapsed[i] = fresh[i % 200].clone();
            collapsed[i][0] += 1e-3 * (i / 200);
        }
        PrecisionRecall full = PrecisionRecall.of(real, fresh);
        PrecisionRecall few = PrecisionRecall.of(real, collapsed);
        assertTrue(few.recall() < full.recall() - 0.2, few + " vs " + full);
        assertTrue(few.precision() > full.precision() - 0.1, few + " vs " + full);
        assertTrue(DensityCoverage.of(real, collapsed).coverage() < DensityCoverage.of(real, fresh).coverage() - 0.2);
    }
}
