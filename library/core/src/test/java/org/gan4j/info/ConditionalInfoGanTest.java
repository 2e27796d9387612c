package org.gan4j.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;
import org.gan4j.eval.ConditionalReport;
import org.gan4j.eval.JudgeClassifier;
import org.gan4j.nn.Generator;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanResult;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.TrainingSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Issue 11's conditional InfoGAN on the embedded Fashion-MNIST subset, fixed seeds: with 2 continuous codes beside the
 * label, {@linkplain GanConfig#quickConditionalInfoGan(int) the quick preset} still draws the requested class (the
 * judge labels ≥ 60 % of 500 images, 50 per class, as requested; the untrained generator stays below). The most
 * monotonic code's sweeps (ink and width, 50 sweeps of 5 points across [−1, 1]) are printed for the CI log with the
 * untrained generator's beside them; no bar is asserted on them, because they depend on the seed and the thread count
 * (seed 1: 74-84 %, seed 42: 24-48 %; see {@code docs/figures.md}).
 */
class ConditionalInfoGanTest {
    private static final int SWEEPS = 50;
    private static final int POINTS = 5;

    @Test
    void theLabelStillDecidesTheClassBesideTheCodes() {
        JudgeClassifier judge = JudgeClassifier.fashionMnist();
        ImageDataset train = FashionMnist.embedded(Split.TRAIN);
        TrainingSet data = TrainingSet.labelled(train.features(), train.labels(), train.numClasses());
        GanConfig config = GanConfig.quickConditionalInfoGan(10).toBuilder().seed(1).build();
        long t0 = System.nanoTime();
        GanResult result = new GanTrainer(config).train(data);
        System.out.printf(Locale.ROOT, "quick conditional InfoGAN: %d steps in %.1f s%n", result.steps(),
                (System.nanoTime() - t0) / 1e9);
        assertEquals(config.steps(), result.steps());

        int[] requested = new int[500];
        for (int i = 0; i < requested.length; i++) {
            requested[i] = i % 10;
        }
        INDArray z = config.info().latent(result.emaGenerator(), requested.length, 7);
        ConditionalReport labels = judge.judge(result.emaGenerator().generate(z, requested), requested);
        System.out.printf(Locale.ROOT, "quick conditional InfoGAN: label accuracy %.1f %%%n",
                100 * labels.labelAccuracy());
        Generator untrained = new GanTrainer(config).session(data).emaGenerator();
        ConditionalReport untrainedLabels = judge.judge(untrained.generate(z, requested), requested);
        System.out.printf(Locale.ROOT, "untrained conditional InfoGAN: label accuracy %.1f %%%n",
                100 * untrainedLabels.labelAccuracy());
        System.out.println("quick conditional InfoGAN, most monotonic code: " + InfoProbe.mostMonotonic(
                result.emaGenerator(), config.info(), SWEEPS, POINTS, 3));
        System.out.println("untrained conditional InfoGAN, most monotonic code: " + InfoProbe.mostMonotonic(
                untrained, config.info(), SWEEPS, POINTS, 3));

        assertTrue(labels.labelAccuracy() >= 0.6, "label accuracy: " + labels);
        assertTrue(untrainedLabels.labelAccuracy() < 0.6, "an untrained generator must not pass: " + untrainedLabels);
    }
}
