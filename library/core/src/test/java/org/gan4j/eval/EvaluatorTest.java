package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;
import org.gan4j.random.RandomStream;
import org.gan4j.train.SingleNd4jThread;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/**
 * Sanity of the metric suite on real images (issue 12): real against real scores like the real floor, a set with
 * three classes removed loses recall and coverage, noise is worst on every metric. 1 000 samples each, against the
 * 2 000 embedded test images, with the shipped feature network.
 */
@ExtendWith(SingleNd4jThread.class)
class EvaluatorTest {

    private static final int N = 1000;
    private static Evaluator evaluator;
    private static EvaluationReport real;

    @BeforeAll
    static void evaluateRealImages() {
        evaluator = Evaluator.fashionMnist();
        real = evaluator.evaluate(FashionMnist.embedded(Split.TRAIN).shuffled(99).take(N));
    }

    @Test
    void realTrainImagesAgainstRealTestImagesScoreLikeTheRealFloor() {
        assertEquals(N, real.samples());
        assertEquals(2000, real.referenceCount());
        assertTrue(real.frechetDistance() <= 2 * real.frechetFloor(), real.toString());
        assertTrue(Math.abs(real.kid().mean()) <= 2 * real.kid().std(), real.kid().toString());
        assertTrue(real.density() > 0.85 && real.density() < 1.15, "density " + real.density());
        assertTrue(real.coverage() >= 0.9, "coverage " + real.coverage());
        assertEquals(10, real.classesCovered());
        assertTrue(real.labelAccuracy() >= 0.9, "label accuracy " + real.labelAccuracy());
        assertEquals(N / 2, real.kid().subsetSize());
        assertEquals(KernelInceptionDistance.DEFAULT_SUBSETS, real.kid().subsets());
    }

    @Test
    void removingThreeClassesLowersRecallAndCoverage() {
        ImageDataset pool = FashionMnist.embedded(Split.TRAIN).shuffled(5);
        int[] keep = IntStream.range(0, pool.size()).filter(i -> pool.label(i) != 0 && pool.label(i) != 5
                && pool.label(i) != 8).limit(N).toArray();
        EvaluationReport seven = evaluator.evaluate(pool.subset(keep));
        System.out.println("real: " + real + "\nthree classes removed: " + seven);
        assertTrue(seven.recall() < real.recall() - 0.1, seven + " vs " + real);
        assertTrue(seven.coverage() < real.coverage() - 0.1, seven + " vs " + real);
        // the head files some Shirts as T-shirts (a removed class), so one removed class may still count as covered
        assertTrue(seven.classesCovered() <= 8, seven.toString());
        assertTrue(seven.frechetDistance() > 3 * real.frechetDistance(), seven + " vs " + real);
    }

    @Test
    void uniformNoiseIsWorstOnEveryMetric() {
        RandomStream random = RandomStream.seeded(4);
        float[] pixels = new float[N * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) (2 * random.nextDouble() - 1);
        }
        INDArray noise = org.nd4j.linalg.factory.Nd4j.create(pixels, new long[] {N, 1, 28, 28}, DataType.FLOAT);
        EvaluationReport worst = evaluator.evaluate(noise);
        assertTrue(worst.frechetDistance() > 10 * real.frechetDistance(), worst.toString());
        assertTrue(worst.kid().mean() > real.kid().mean() + 10 * real.kid().std(), worst.toString());
        // precision is the weakest here: real outliers have large k-NN balls that take in noise (measured 0.44 for
        // noise against 0.86 for real images); density, which counts balls, is not fooled
        assertTrue(worst.precision() < real.precision() - 0.2, worst.toString());
        assertTrue(worst.recall() < real.recall() - 0.5, worst.toString());
        assertTrue(worst.density() < real.density() - 0.5, worst.toString());
        assertTrue(worst.coverage() < real.coverage() - 0.5, worst.toString());
        assertTrue(worst.classesCovered() < real.classesCovered(), worst.toString());
        assertTrue(Double.isNaN(worst.labelAccuracy()), "unlabelled samples have no label accuracy");
    }

    @Test
    void reportIsATableAndJsonThatReadsBack() {
        Table t = real.table();
        assertEquals(8, t.rowCount());
        assertEquals("Fréchet distance", t.stringColumn("metric").get(0));
        assertEquals(real.frechetFloor(), t.doubleColumn("real floor").get(0));
        EvaluationReport back = EvaluationReport.fromJson(real.toJson());
        assertEquals(real, back);
        assertTrue(real.toHtml().contains("real floor"));
    }

    @Test
    void sampleCountsOutOfRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(FashionMnist.embedded(Split.TRAIN).take(5)));
        assertEquals("sample count must be in [10, 5000] (at most 5000 and the size of the real floor pool), got 5",
                e.getMessage());
    }
}
