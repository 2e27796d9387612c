package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    @Test
    void identicalSetsAreAtDistanceZero() {
        double[][] a = GaussianFeatures.draw(200, 5, 0, 1, 1);
        assertEquals(0, FrechetDistance.between(a, a), 1e-9);
    }

    @Test
    void shiftAddsTheSquaredMeanDifference() {
        double[][] a = GaussianFeatures.draw(300, 4, 0, 1, 2);
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
            for (int j = 0; j < 4; j++) {
                b[i][j] += 0.5;
            }
        }
        assertEquals(4 * 0.25, FrechetDistance.between(a, b), 1e-9);
    }

    @Test
    void scalingMatchesTheClosedFormForOneDimension() {
        double[][] a = GaussianFeatures.draw(500, 1, 0, 1, 3);
        double[][] b = new double[a.length][1];
        for (int i = 0; i < a.length; i++) {
            b[i][0] = 3 * a[i][0];
        }
        double mean = 0;
        for (double[] row : a) {
            mean += row[0];
        }
        mean /= a.length;
        double var = 0;
        for (double[] row : a) {
            var += (row[0] - mean) * (row[0] - mean);
        }
        var /= a.length - 1;
        // (μa − μb)² + (σa − σb)² with μb = 3 μa, σb = 3 σa
        double expected = 4 * mean * mean + 4 * var;
        assertEquals(expected, FrechetDistance.between(a, b), 1e-9);
    }

    @Test
    void symmetricEigenReconstructsTheMatrix() {
        double[][] m = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 1}};
        SymmetricEigen e = SymmetricEigen.of(m);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += e.vectors()[i][k] * e.values()[k] * e.vectors()[j][k];
                }
                assertEquals(m[i][j], v, 1e-12);
            }
        }
    }

    @Test
    void badInputIsRejected() {
        double[][] a = GaussianFeatures.draw(10, 3, 0, 1, 4);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(a, new double[1][3])).getMessage()
                .equals("b must hold at least 2 vectors, got 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(a, new double[4][2])).getMessage()
                .startsWith("b[0] has 2 values, expected 3"));
    }

    @Test
    void inJudgeSpaceRealVersusRealIsSmallAndOneClassIsFar() {
        JudgeClassifier judge = TestJudge.JUDGE;
        var test = TestJudge.TEST;
        double same = FrechetDistance.inJudgeSpace(judge, test.take(1000), test.shuffled(1).take(1000));
        double oneClass = FrechetDistance.inJudgeSpace(judge, test, test.ofClass(0));
        assertTrue(same < 0.02, "real vs real: " + same);
        assertTrue(oneClass > 0.5, "real vs one class: " + oneClass);
        assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.inJudgeSpace(judge, test.take(1), test.take(10)));
    }
}
