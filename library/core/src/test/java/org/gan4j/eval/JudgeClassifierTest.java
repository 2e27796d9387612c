package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.tribuo.classification.evaluation.LabelEvaluator;

import tech.tablesaw.api.Table;

/** The judge of {@link TestJudge}, checked on the embedded Fashion-MNIST test split. */
class JudgeClassifierTest {

    static final double ACCURACY_FLOOR = TestJudge.ACCURACY_FLOOR;

    static ImageDataset train;
    static ImageDataset test;
    static JudgeClassifier judge;

    @BeforeAll
    static void trainJudge() {
        train = TestJudge.TRAIN;
        test = TestJudge.TEST;
        judge = TestJudge.JUDGE;
    }

    @Test
    void judgeReachesTheAccuracyFloorOnTheTestSplit() {
        assertTrue(judge.testAccuracy() >= ACCURACY_FLOOR, judge.toString());
        JudgeEvaluation e = judge.testEvaluation();
        assertEquals(test.size(), e.total());
        for (int k = 0; k < 10; k++) {
            assertEquals(FashionMnist.EMBEDDED_TEST_PER_CLASS, e.support(k));
        }
        assertEquals(10, judge.numClasses());
        assertEquals(784 + 7 * 7 * 9 + 4 * 4 * 9 + 1, judge.featureCount());
        assertEquals(train.size(), judge.trainingImages());
        assertEquals(train.fingerprint(), judge.trainingFingerprint());
        assertTrue(judge.trainingTime().toNanos() > 0);
    }

    @Test
    void evaluationAgreesWithTribuosOwnEvaluator() {
        JudgeEvaluation e = judge.evaluate(test);
        assertEquals(judge.testEvaluation().accuracy(), e.accuracy(), 1e-12);
        // the same judgement through Tribuo directly, on the examples the judge builds
        var features = new JudgeFeatures(1, 28, 28, judge.config());
        var data = new org.tribuo.MutableDataset<>(new org.tribuo.provenance.SimpleDataSourceProvenance("test",
                new org.tribuo.classification.LabelFactory()), new org.tribuo.classification.LabelFactory());
        for (int i = 0; i < test.size(); i++) {
            data.add(features.example(test.image(i),
                    new org.tribuo.classification.Label(test.className(test.label(i)))));
        }
        assertEquals(new LabelEvaluator().evaluate(judge.model(), data).accuracy(), e.accuracy(), 1e-12);
        for (int k = 0; k < 10; k++) {
            assertTrue(e.precision(k) > 0.5 && e.recall(k) > 0.4, e.toString());
        }
    }

    @Test
    void realTestImagesAsSamplesCoverAllClassesAndMatchTheirLabels() {
        ImageDataset samples = test.shuffled(7).take(500);
        CoverageReport coverage = judge.judge(samples);
        assertEquals(10, coverage.coveredClasses(), coverage.toString());
        assertEquals(500, coverage.samples());
        assertEquals(500, Arrays.stream(coverage.counts()).sum());
        assertEquals(5, coverage.minCount());
        assertTrue(coverage.meanConfidence() > 0.7 && coverage.meanConfidence() <= 1, coverage.toString());

        ConditionalReport report = judge.judge(samples, samples.labels());
        assertTrue(report.labelAccuracy() >= ACCURACY_FLOOR - 0.03, report.toString());
        assertEquals(500, report.samples());
        assertEquals(coverage, report.coverage());
        assertTrue(report.toString().startsWith("ConditionalReport[label accuracy "));
    }

    @Test
    void generatorOutputAsAnArrayIsJudgedLikeADataset() {
        ImageDataset samples = test.take(50);
        CoverageReport fromArray = judge.judge(samples.features());
        assertArrayEquals(judge.judge(samples).counts(), fromArray.counts());
        ConditionalReport r = judge.judge(samples.features(), samples.labels());
        assertEquals(judge.judge(samples, samples.labels()).labelAccuracy(), r.labelAccuracy());
    }

    @Test
    void copiesOfOneImageCoverOneClass() {
        ImageDataset copies = test.subset(new int[500]);
        CoverageReport coverage = judge.judge(copies);
        assertEquals(1, coverage.coveredClasses(), coverage.toString());
        assertEquals(500, coverage.counts()[judge.predict(test.take(1))[0]]);
    }

    @Test
    void uniformNoiseCoversFewClassesOrIsReportedAsUnsure() {
        Random random = new Random(5);
        float[] noise = new float[500 * 784];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextFloat() * 2 - 1;
        }
        ImageDataset samples = ImageDataset.of(Nd4j.create(noise, new long[] {500, 1, 28, 28}, DataType.FLOAT),
                "uniform noise");
        CoverageReport coverage = judge.judge(samples);
        assertTrue(coverage.coveredClasses() <= 3, coverage.toString());
    }

    @Test
    void blankAndSaturatedImagesAreJudgedWithoutError() {
        float[] blank = new float[20 * 784];
        Arrays.fill(blank, -1f);
        CoverageReport r = judge.judge(Nd4j.create(blank, new long[] {20, 1, 28, 28}, DataType.FLOAT));
        assertEquals(1, r.coveredClasses(), r.toString());
        float[] wild = new float[20 * 784];
        for (int i = 0; i < wild.length; i++) {
            wild[i] = (i % 7) - 3f; // outside [-1, 1]: clamped
        }
        assertEquals(20, judge.judge(Nd4j.create(wild, new long[] {20, 1, 28, 28}, DataType.FLOAT)).samples());
    }

    @Test
    void aStraySampleDoesNotMakeAClassCovered() {
        int[] counts = {495, 1, 4, 0, 0, 0, 0, 0, 0, 0};
        CoverageReport r = new CoverageReport(500, FashionMnist.CLASS_NAMES, counts, 0.01, 0.9);
        assertEquals(1, r.coveredClasses());
        assertEquals(2, new CoverageReport(500, FashionMnist.CLASS_NAMES, counts, 0.008, 0.9).coveredClasses());
        assertEquals(3, new CoverageReport(500, FashionMnist.CLASS_NAMES, counts, 0.002, 0.9).coveredClasses());
    }

    @Test
    void tablesHaveOneRowPerClass() {
        Table confusion = judge.testEvaluation().confusionTable();
        assertEquals(10, confusion.rowCount());
        assertEquals(11, confusion.columnCount());
        assertEquals(test.size(), confusion.intColumn("Trouser").sum() + sumOtherColumns(confusion, "Trouser"));
        Table perClass = judge.testEvaluation().perClassTable();
        assertEquals(10, perClass.rowCount());
        assertEquals(List.of("class", "support", "predicted", "precision", "recall", "f1"), perClass.columnNames());
        Table histogram = judge.judge(test.take(100)).histogram();
        assertEquals(10, histogram.rowCount());
        assertEquals(100, (int) histogram.intColumn("count").sum());
    }

    private static int sumOtherColumns(Table t, String except) {
        int sum = 0;
        for (String name : t.columnNames().subList(1, t.columnCount())) {
            if (!name.equals(except)) {
                sum += (int) t.intColumn(name).sum();
            }
        }
        return sum;
    }

    @Test
    void toStringIsReadable() {
        String s = judge.toString();
        assertTrue(s.startsWith("JudgeClassifier[multinomial logistic regression (Tribuo LinearSGDModel) on pixels"
                + " + HOG(cells 4,7 px; 9 bins) = 1370 features"), s);
        assertTrue(s.contains("trained on 10000 images"), s);
        assertTrue(s.contains("test: JudgeEvaluation[accuracy "), s);
        assertTrue(judge.provenance().toString().contains("LinearSGDTrainer"));
    }

    // ------------------------------------------------------------------------------------------- bad input

    @Test
    void wrongImageSizeIsRejectedNamingTheParameter() {
        ImageDataset big = ImageDataset.of(Nd4j.zeros(DataType.FLOAT, 5, 1, 32, 32), "32x32");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> judge.judge(big));
        assertEquals("samples has images of 1x32x32 (CxHxW), expected 1x28x28 as the judge was trained on",
                e.getMessage());
        assertEquals("samples must be an array of shape [n, channels, height, width], got shape [5, 784]",
                assertThrows(IllegalArgumentException.class,
                        () -> judge.judge(Nd4j.zeros(DataType.FLOAT, 5, 784))).getMessage());
        ImageDataset rgb = ImageDataset.of(Nd4j.zeros(DataType.FLOAT, 5, 3, 28, 28), "rgb");
        assertThrows(IllegalArgumentException.class, () -> judge.judge(rgb, new int[5]));
    }

    @Test
    void emptySampleSetIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> judge.judge(test.take(0)));
        assertEquals("samples must hold at least one image, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> judge.judge(test.take(0), new int[0]));
    }

    @Test
    void labelCountMismatchIsRejected() {
        ImageDataset samples = test.take(500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> judge.judge(samples, new int[499]));
        assertEquals("requestedLabels has 499 entries, expected one per sample (500)", e.getMessage());
        int[] labels = new int[500];
        labels[3] = 10;
        e = assertThrows(IllegalArgumentException.class, () -> judge.judge(samples, labels));
        assertEquals("requestedLabels[3] is 10, expected a class index in 0..9", e.getMessage());
    }

    @Test
    void otherBadInputIsRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> judge.judge(test.take(10), 0.0))
                .getMessage().startsWith("minShare must be in (0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JudgeConfig.defaults().withEpochs(0))
                .getMessage().startsWith("epochs must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JudgeConfig.defaults().withHogCells(4, 1))
                .getMessage().startsWith("hogCellSizes must all be >= 2"));
        ImageDataset relabelled = ImageDataset.of(test.take(3).features(), new int[3], List.of("a"), "other");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> judge.evaluate(relabelled))
                .getMessage().startsWith("labelled has classes [a], expected the judge's classes"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JudgeClassifier.train(train.take(0), test)).getMessage()
                .equals("train must hold at least one image, got 0"));
    }

    // ------------------------------------------------------------------------------------------- determinism

    @Test
    void sameSeedGivesIdenticalPredictions() {
        ImageDataset small = train.shuffled(11).take(1500);
        JudgeConfig config = JudgeConfig.defaults().withEpochs(2).withSeed(42);
        JudgeClassifier a = JudgeClassifier.train(small, test.take(200), config);
        JudgeClassifier b = JudgeClassifier.train(small, test.take(200), config);
        ImageDataset probe = test.take(300);
        assertArrayEquals(a.predict(probe), b.predict(probe));
        double[][] pa = a.probabilities(probe);
        double[][] pb = b.probabilities(probe);
        for (int i = 0; i < pa.length; i++) {
            assertArrayEquals(pa[i], pb[i]);
            assertEquals(1.0, Arrays.stream(pa[i]).sum(), 1e-9);
        }
        assertEquals(a.testEvaluation(), b.testEvaluation());
    }

    // ------------------------------------------------------------------------------------------- files

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("judge.bin");
        judge.save(file);
        judge.save(file); // overwrite works
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        JudgeClassifier loaded = JudgeClassifier.load(file);
        ImageDataset probe = test.take(200);
        assertArrayEquals(judge.predict(probe), loaded.predict(probe));
        double[][] p = judge.probabilities(probe);
        double[][] q = loaded.probabilities(probe);
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], q[i]);
        }
        assertEquals(judge.testEvaluation(), loaded.testEvaluation());
        assertEquals(judge.config(), loaded.config());
        assertEquals(judge.classNames(), loaded.classNames());
        assertEquals(judge.trainingFingerprint(), loaded.trainingFingerprint());
        assertEquals(judge.provenance(), loaded.provenance());
        assertEquals(judge.toString(), loaded.toString());
    }

    @Test
    void loadingSomethingElseFailsClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not-a-judge.bin");
        Files.writeString(file, "hello");
        IOException e = assertThrows(IOException.class, () -> JudgeClassifier.load(file));
        assertTrue(e.getMessage().contains("is not a saved gan4j judge"), e.getMessage());
    }

    @Test
    void loadOrTrainTrainsOnceThenLoadsTheSavedJudge(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cache").resolve("judge.bin");
        ImageDataset small = train.shuffled(5).take(600);
        ImageDataset probe = test.take(100);
        JudgeConfig config = JudgeConfig.defaults().withEpochs(1);
        JudgeClassifier first = JudgeClassifier.loadOrTrain(file, small, probe, config);
        assertTrue(Files.isRegularFile(file), "the trained judge is saved, its folder created");
        byte[] saved = Files.readAllBytes(file);
        JudgeClassifier second = JudgeClassifier.loadOrTrain(file, small, probe, config);
        // loaded, not trained again: the recorded training time (nanoseconds) is the first run's, the file unchanged
        assertEquals(first.trainingTime(), second.trainingTime());
        assertArrayEquals(saved, Files.readAllBytes(file));
        double[][] p = first.probabilities(probe);
        double[][] q = second.probabilities(probe);
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], q[i], "bit-for-bit equal probabilities of image " + i);
        }
    }

    @Test
    void loadOrTrainReplacesAJudgeOfOtherDataOrSettings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("judge.bin");
        ImageDataset small = train.shuffled(5).take(600);
        ImageDataset probe = test.take(100);
        JudgeConfig config = JudgeConfig.defaults().withEpochs(1);
        JudgeClassifier.loadOrTrain(file, small, probe, config);
        JudgeClassifier otherSeed = JudgeClassifier.loadOrTrain(file, small, probe, config.withSeed(99));
        assertEquals(config.withSeed(99), otherSeed.config());
        assertEquals(config.withSeed(99), JudgeClassifier.load(file).config(), "the file now holds the new judge");
        ImageDataset otherImages = train.shuffled(6).take(600);
        JudgeClassifier otherData = JudgeClassifier.loadOrTrain(file, otherImages, probe, config.withSeed(99));
        assertEquals(otherImages.fingerprint(), otherData.trainingFingerprint());
        assertEquals(otherImages.fingerprint(), JudgeClassifier.load(file).trainingFingerprint());
    }

    @Test
    void loadOrTrainLeavesAFileThatIsNoJudgeUntouched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "my notes");
        IOException e = assertThrows(IOException.class, () -> JudgeClassifier.loadOrTrain(file,
                train.take(100), test.take(50), JudgeConfig.defaults().withEpochs(1)));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("is not a saved gan4j judge"),
                e.getMessage());
        assertEquals("my notes", Files.readString(file));
    }
}
