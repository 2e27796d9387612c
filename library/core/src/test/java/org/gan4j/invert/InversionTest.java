package org.gan4j.invert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;
import org.gan4j.eval.JudgeClassifier;
import org.gan4j.nn.Generator;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.TrainingSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Issue 11's inversion and re-classing checks on real images, fixed seeds: the {@linkplain
 * GanConfig#quickConditional quick conditional DCGAN} is trained here on the embedded training split, and the first
 * 100 images of the embedded <em>test</em> split (never trained on) are projected into z under their own labels.
 * The judge is gan4j's shipped classifier, independent of the generator and of the projector's loss.
 * <ul>
 *   <li>the judge gives the reconstruction the original's class in ≥ 70 % of the images;</li>
 *   <li>the reconstruction is closer in pixels than the best of 1 000 random samples for ≥ 90 % of the images;</li>
 *   <li>re-rendered under each other class, ≥ 70 % of the renderings are judged as that class, and they keep the
 *       structure of their own image: a rendering's pixel correlation with its own reconstruction beats its mean
 *       correlation with the other images' reconstructions in ≥ 60 % of the renderings (a rendering that ignored
 *       its latent would do so in about half), and on average.</li>
 * </ul>
 * The figures are printed for the CI log and listed in {@code docs/figures.md}.
 */
class InversionTest {
    private static final int IMAGES = 100;
    private static final int RANDOM_SAMPLES = 1000;

    private static JudgeClassifier judge;
    private static Generator generator;
    private static INDArray targets;
    private static int[] labels;
    private static Projection projection;

    @BeforeAll
    static void trainAndProject() {
        ImageDataset train = FashionMnist.embedded(Split.TRAIN);
        ImageDataset test = FashionMnist.embedded(Split.TEST);
        judge = JudgeClassifier.fashionMnist();
        GanConfig config = GanConfig.quickConditional(10).toBuilder().seed(1).build();
        generator = new GanTrainer(config).train(TrainingSet.labelled(train.features(), train.labels(), 10))
                .emaGenerator();
        targets = test.features().get(NDArrayIndex.interval(0, IMAGES));
        labels = Arrays.copyOf(test.labels(), IMAGES);
        long t0 = System.nanoTime();
        projection = Projector.of(generator, ProjectorOptions.defaults().withSteps(100)).project(targets, labels);
        System.out.printf(Locale.ROOT, "projected %d test images in %.1f s: %s%n", IMAGES,
                (System.nanoTime() - t0) / 1e9, projection);
    }

    @Test
    void reconstructionsKeepTheJudgedClassOfTheOriginal() {
        int same = InversionChecks.judgedClassKept(judge, targets, projection);
        System.out.printf(Locale.ROOT, "inversion: judged class kept in %d of %d test images%n", same, IMAGES);
        assertTrue(same >= 70, same + " of " + IMAGES);
    }

    @Test
    void reconstructionsAreCloserThanTheBestOfAThousandRandomSamples() {
        int closer = InversionChecks.closerThanBestRandomSample(generator, targets, projection, RANDOM_SAMPLES, 99);
        System.out.printf(Locale.ROOT, "inversion: closer than the best of %d random samples for %d of %d%n",
                RANDOM_SAMPLES, closer, IMAGES);
        assertTrue(closer >= 90, closer + " of " + IMAGES);
    }

    @Test
    void reClassedImagesTakeTheNewClassAndKeepTheirStructure() {
        StyleTransfer.ReclassReport report = StyleTransfer.reclassReport(generator, projection, judge);
        System.out.println("inversion: " + report);
        assertTrue(report.classAccuracy() >= 0.7, report.toString());
        assertTrue(report.structureKept() >= 0.6, report.toString());
        assertTrue(report.ownCorrelation() > report.otherCorrelation(), report.toString());
    }
}
