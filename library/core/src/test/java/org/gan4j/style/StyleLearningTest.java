package org.gan4j.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;
import org.gan4j.eval.CoverageReport;
import org.gan4j.eval.JudgeClassifier;
import org.gan4j.eval.JudgeConfig;
import org.gan4j.eval.StyleProbe;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanResult;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.SingleNd4jThread;
import org.gan4j.train.TrainingSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.gan4j.invert.InversionChecks;
import org.gan4j.invert.Projection;
import org.gan4j.invert.Projector;
import org.gan4j.invert.ProjectorOptions;
import org.gan4j.invert.StyleTransfer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Issue 10's acceptance on the embedded Fashion-MNIST subset, fixed seeds, CPU, with the independent judge trained
 * on real images only: the {@linkplain GanConfig#quickStyleGan() quick style preset}'s 500 EMA samples cover ≥ 6
 * classes (an untrained one does not); one style under 8 noise draws keeps its judged class in ≥ 90 % of 100 cases
 * while the pixels do vary (and do not at all without noise); and in mixed images the coarse source (the 7×7 and
 * 14×14 layers) decides the judged class more often than the fine source (the 28×28 layers). The measured figures
 * are printed for the CI log and listed in {@code docs/figures.md}.
 */
@ExtendWith(SingleNd4jThread.class)
class StyleLearningTest {
    private static final long TRAINING_SEED = 1;
    private static final int SAMPLES = 500;
    private static final long SAMPLE_SEED = 2026;

    private static JudgeClassifier judge;
    private static GanConfig config;
    private static StyleSpace trained;
    private static GanResult result;

    @BeforeAll
    static void train() {
        ImageDataset data = FashionMnist.embedded(Split.TRAIN);
        judge = JudgeClassifier.train(data, FashionMnist.embedded(Split.TEST), JudgeConfig.defaults().withEpochs(5));
        assertTrue(judge.testAccuracy() >= 0.85, "the judge must be trustworthy first: " + judge.testAccuracy());
        config = GanConfig.quickStyleGan().toBuilder().seed(TRAINING_SEED).build();
        long t0 = System.nanoTime();
        result = new GanTrainer(config).train(TrainingSet.of(data.features()));
        System.out.printf(Locale.ROOT, "quick style preset: %d steps in %.1f s%n", result.steps(),
                (System.nanoTime() - t0) / 1e9);
        trained = StyleSpace.of(result.emaGenerator());
    }

    @Test
    void quickStylePresetCoversAtLeastSixClasses() {
        assertEquals(config.steps(), result.steps());
        CoverageReport ema = judge.judge(result.emaGenerator().sample(SAMPLES, SAMPLE_SEED));
        CoverageReport raw = judge.judge(result.generator().sample(SAMPLES, SAMPLE_SEED));
        System.out.printf(Locale.ROOT, "quick style preset: classes covered by %d EMA samples %d (raw G %d); "
                + "counts %s%n",
                SAMPLES, ema.coveredClasses(), raw.coveredClasses(), Arrays.toString(ema.counts()));
        assertTrue(ema.coveredClasses() >= 6, "classes covered: " + ema);
    }

    /** Negative control: the same preset before any training fails the same bar. */
    @Test
    void anUntrainedStyleGeneratorFailsTheCoverageBar() {
        GanTrainer trainer = new GanTrainer(config);
        CoverageReport report = judge.judge(trainer.session(TrainingSet.of(FashionMnist.embedded(Split.TRAIN)
                .features())).emaGenerator().sample(SAMPLES, SAMPLE_SEED));
        System.out.printf(Locale.ROOT, "untrained quick style preset: classes covered %d%n", report.coveredClasses());
        assertTrue(report.coveredClasses() < 6, "an untrained generator must not pass: " + report);
    }

    @Test
    void noiseVariesPixelsButKeepsTheClass() {
        StyleProbe.NoiseStability noise = StyleProbe.noise(judge, trained, 100, 8, 77);
        System.out.println("quick style preset, noise: " + noise);
        assertTrue(noise.kept() >= 90, "styles whose class survives the noise: " + noise);
        // noise strengths start at 0 and are still small after 500 steps (~0.007): the pixels move a little, and
        // exactly nothing without noise
        assertTrue(noise.meanPixelStd() > 0.001, "noise must move pixels: " + noise);
        INDArray one = trained.sampleStyles(1, 5).repeat(0, 8);
        assertEquals(0.0, trained.synthesize(one, Noise.none()).std(0).maxNumber().doubleValue(), 0.0,
                "without noise the eight images are identical");
    }

    /**
     * Coarse = the layers below the output resolution (7×7 and 14×14, crossover 4), fine = the two 28×28 layers.
     * The shares at crossover 2 (only the 7×7 layers coarse) are printed too: there the finer source decides more
     * often, since the 14×14 layers shape the garment at this size.
     */
    @Test
    void coarseStylesDecideTheClassMoreOftenThanFineStyles() {
        StyleProbe.MixingAgreement seven = StyleProbe.mixing(judge, trained, 300, 2, 11);
        System.out.println("quick style preset, mixing: " + seven);
        StyleProbe.MixingAgreement mixing = StyleProbe.mixing(judge, trained, 300, 4, 11);
        System.out.println("quick style preset, mixing: " + mixing);
        assertTrue(mixing.differing() >= 100, "enough pairs with different classes: " + mixing);
        assertTrue(mixing.fromCoarse() > mixing.fromFine(), mixing.toString());
    }

    /**
     * Issue 11 on the style generator: the first 100 embedded test images (never trained on) projected into W+ keep
     * their judged class in ≥ 70 % and are closer in pixels than the best of 1 000 random samples for ≥ 90 %; and
     * mixing the coarse styles (crossover 4) of image i with the fine styles of image i + 50, among pairs the judge
     * puts in different classes, gives the coarse source's class more often than the fine source's.
     */
    @Test
    void realTestImagesAreInvertedInWPlusAndTheirStylesTransfer() {
        int n = 100;
        ImageDataset test = FashionMnist.embedded(Split.TEST);
        INDArray targets = test.features().get(NDArrayIndex.interval(0, n));
        long t0 = System.nanoTime();
        Projection p = Projector.of(result.emaGenerator(), ProjectorOptions.defaults().withSteps(100).withRestarts(2))
                .project(targets);
        System.out.printf(Locale.ROOT, "quick style preset, W+ projection of %d test images in %.1f s: %s%n", n,
                (System.nanoTime() - t0) / 1e9, p);
        int kept = InversionChecks.judgedClassKept(judge, targets, p);
        int closer = InversionChecks.closerThanBestRandomSample(result.emaGenerator(), targets, p, 1000, 99);
        int half = n / 2;
        StyleTransfer.MixingReport mixing = StyleTransfer.mixingReport(trained, p.slice(0, half), p.slice(half, n), 4,
                judge);
        System.out.printf(Locale.ROOT, "quick style preset, W+: judged class kept %d/%d, closer than the best of "
                + "1000 samples %d/%d; %s%n", kept, n, closer, n, mixing);
        assertTrue(kept >= 70, "judged class kept: " + kept);
        assertTrue(closer >= 90, "closer than random samples: " + closer);
        assertTrue(mixing.fromCoarse() > mixing.fromFine(), mixing.toString());
    }
}
