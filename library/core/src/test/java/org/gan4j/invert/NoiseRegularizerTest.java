package org.gan4j.invert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The noise maps' autocorrelation penalty in float64: its gradient against central differences along random
 * directions (relative error below 1e-7) for 28×28 maps (three scales: 28, 14, 7) and 7×7 maps (one), its value on a
 * map whose pixels repeat in pairs (large) against white noise (small), and the re-normalisation to mean 0, std 1.
 */
class NoiseRegularizerTest {

    private static double penalty(INDArray maps) {
        double[] p = new double[(int) maps.size(0)];
        NoiseRegularizer.gradient(maps, p);
        return Arrays.stream(p).sum();
    }

    @Test
    void gradientMatchesCentralDifferencesAtEveryScale() {
        for (int s : new int[]{28, 7}) {
            INDArray maps = RandomStream.seeded(s).gaussian(DataType.DOUBLE, 3, s * s).reshape(3, 1, s, s);
            double[] unused = new double[3];
            INDArray grad = NoiseRegularizer.gradient(maps, unused);
            for (long seed = 1; seed <= 3; seed++) {
                INDArray u = RandomStream.seeded(100 + seed).gaussian(DataType.DOUBLE, 3, s * s).reshape(maps.shape());
                double h = 1e-5;
                double numeric = (penalty(maps.add(u.mul(h))) - penalty(maps.sub(u.mul(h)))) / (2 * h);
                double exact = grad.mul(u).sumNumber().doubleValue();
                double err = Math.abs(numeric - exact) / (Math.abs(numeric) + Math.abs(exact));
                assertTrue(err < 1e-7, s + "×" + s + ": relative error " + err);
            }
        }
    }

    @Test
    void mapsThatCopyStructureCostFarMoreThanWhiteNoise() {
        INDArray white = RandomStream.seeded(5).gaussian(DataType.DOUBLE, 1, 28 * 28).reshape(1, 1, 28, 28);
        INDArray blocky = white.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 14),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 14)).dup()
                .reshape(1, 14, 1, 14, 1).repeat(2, 2).repeat(4, 2).reshape(1, 1, 28, 28);
        double p0 = penalty(white);
        double p1 = penalty(blocky);
        assertTrue(p0 < 0.02, "white noise: " + p0);
        assertTrue(p1 > 0.2, "2×2 blocks: " + p1);
    }

    @Test
    void normaliseGivesEachMapMeanZeroAndStdOne() {
        INDArray maps = RandomStream.seeded(6).gaussian(DataType.DOUBLE, 2, 49).reshape(2, 1, 7, 7).muli(3).addi(2);
        NoiseRegularizer.normalise(maps);
        INDArray flat = maps.reshape(2, 49);
        for (int r = 0; r < 2; r++) {
            assertEquals(0, flat.getRow(r).meanNumber().doubleValue(), 1e-12);
            assertEquals(1, flat.getRow(r).stdNumber().doubleValue() * Math.sqrt(48.0 / 49), 1e-7);
        }
    }
}
