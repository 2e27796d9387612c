package org.gan4j.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gan4j.loss.LossTerm;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * InfoGAN's codes: drawn codes are one-hot categories and uniform values in [−1, 1] in the latent's last columns; the
 * information term's gradient matches central differences in float64 (relative error below 1e-7), and its value is
 * the cross-entropy plus half the squared error, times λ; the best one-to-one matching of the agreement measure equals
 * brute force over all permutations.
 */
class InfoCodesTest {
    private static final InfoCodes CODES = new InfoCodes(4, 2, 0.7);

    @Test
    void drawnCodesAreOneHotAndUniformInTheLastColumns() {
        INDArray z = RandomStream.seeded(1).gaussian(DataType.DOUBLE, 500, 10);
        INDArray noise = z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4)).dup();
        CODES.draw(z, RandomStream.seeded(2));
        assertEquals(noise, z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4)), "the noise columns stay");
        INDArray codes = CODES.codesOf(z);
        INDArray onehot = codes.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4));
        assertEquals(500.0, onehot.sumNumber().doubleValue(), 0.0);
        assertEquals(1.0, onehot.maxNumber().doubleValue(), 0.0);
        assertEquals(0.0, onehot.minNumber().doubleValue(), 0.0);
        for (int c = 0; c < 4; c++) {
            double share = onehot.getColumn(c).sumNumber().doubleValue() / 500;
            assertTrue(share > 0.18 && share < 0.32, "category " + c + " drawn with share " + share);
        }
        INDArray uniform = codes.get(NDArrayIndex.all(), NDArrayIndex.interval(4, 6));
        assertTrue(uniform.maxNumber().doubleValue() <= 1 && uniform.minNumber().doubleValue() >= -1);
        assertTrue(uniform.maxNumber().doubleValue() > 0.9 && uniform.minNumber().doubleValue() < -0.9);
    }

    @Test
    void informationLossGradientMatchesCentralDifferences() {
        assertInformationLoss(CODES, 1.0);
        assertInformationLoss(CODES.withContinuousWeight(0.25), 0.25);
    }

    /** The term's gradient against central differences and its value by hand, continuous term weighted {@code w}. */
    private static void assertInformationLoss(InfoCodes info, double w) {
        INDArray z = info.draw(RandomStream.seeded(3).gaussian(DataType.DOUBLE, 6, 9), RandomStream.seeded(4));
        INDArray codes = info.codesOf(z);
        INDArray q = RandomStream.seeded(5).gaussian(DataType.DOUBLE, 6, 6);
        LossTerm term = info.informationLoss(q, codes);
        for (long seed = 10; seed < 13; seed++) {
            INDArray u = RandomStream.seeded(seed).gaussian(DataType.DOUBLE, 6, 6);
            double h = 1e-6;
            double numeric = (info.informationLoss(q.add(u.mul(h)), codes).value()
                    - info.informationLoss(q.sub(u.mul(h)), codes).value()) / (2 * h);
            double exact = term.gradient().mul(u).sumNumber().doubleValue();
            assertTrue(Math.abs(numeric - exact) / (Math.abs(numeric) + Math.abs(exact)) < 1e-7,
                    numeric + " vs " + exact);
        }
        // value by hand for one row: λ · (−log softmax(q)[c] + w · ½ Σ (q_cont − c_cont)²), averaged over rows
        double expected = 0;
        for (int i = 0; i < 6; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < 4; j++) {
                max = Math.max(max, q.getDouble(i, j));
            }
            double sum = 0;
            int c = -1;
            for (int j = 0; j < 4; j++) {
                sum += Math.exp(q.getDouble(i, j) - max);
                c = codes.getDouble(i, j) == 1 ? j : c;
            }
            expected += -(q.getDouble(i, c) - max - Math.log(sum));
            for (int j = 4; j < 6; j++) {
                double d = q.getDouble(i, j) - codes.getDouble(i, j);
                expected += w * 0.5 * d * d;
            }
        }
        assertEquals(0.7 * expected / 6, term.value(), 1e-12);
    }

    @Test
    void bestMatchingEqualsBruteForce() {
        RandomStream r = RandomStream.seeded(6);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 3 + trial % 4;
            int cols = 5;
            int[][] counts = new int[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    counts[i][j] = r.nextInt(50);
                }
            }
            int[] match = InfoProbe.bestMatching(counts);
            assertEquals(brute(counts, 0, 0), total(counts, match), "trial " + trial);
            assertEquals(Math.min(rows, cols), java.util.Arrays.stream(match).filter(m -> m >= 0).distinct().count(),
                    "one-to-one");
        }
    }

    private static int total(int[][] counts, int[] match) {
        int t = 0;
        for (int i = 0; i < match.length; i++) {
            t += match[i] >= 0 ? counts[i][match[i]] : 0;
        }
        return t;
    }

    private static int brute(int[][] counts, int row, int used) {
        if (row == counts.length) {
            return 0;
        }
        int best = brute(counts, row + 1, used);
        for (int c = 0; c < counts[0].length; c++) {
            if ((used & (1 << c)) == 0) {
                best = Math.max(best, counts[row][c] + brute(counts, row + 1, used | (1 << c)));
            }
        }
        return best;
    }

    @Test
    void badCodesAreRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> new InfoCodes(1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new InfoCodes(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new InfoCodes(10, 2, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CODES.set(RandomStream.seeded(1).gaussian(DataType.DOUBLE, 2, 6), new int[]{0, 0},
                        new double[2][2]));
        assertTrue(e.getMessage().contains("longer than the codes"), e.getMessage());
    }
}
