package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gan4j.data.FashionMnist;
import org.gan4j.data.Split;
import org.gan4j.nn.DcganDiscriminator;
import org.gan4j.nn.DcganGenerator;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.SingleNd4jThread;
import org.gan4j.train.TrainingSession;
import org.gan4j.train.TrainingSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Metrics during training ({@link EvaluationListener}) and runs side by side ({@link RunComparison}), on tiny DCGANs. */
@ExtendWith(SingleNd4jThread.class)
class EvaluationListenerTest {

    private static Evaluator evaluator;
    private static TrainingSet data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        evaluator = Evaluator.fashionMnist();
        var images = FashionMnist.embedded(Split.TRAIN).take(64);
        data = TrainingSet.of(images.features());
    }

    private static GanConfig tiny(int batch, long seed) {
        return GanConfig.dcgan(28, 1).toBuilder()
                .generator(DcganGenerator.builder().latentSize(8).baseWidth(4).build())
                .discriminator(DcganDiscriminator.builder().baseWidth(4).build())
                .batchSize(batch).steps(5).snapshotEvery(0).seed(seed).build();
    }

    @Test
    void evaluatesEveryNStepsAndAfterTheLastWithTheSameSamples() {
        TrainingSession session = new GanTrainer(tiny(8, 1)).session(data);
        EvaluationListener metrics = EvaluationListener.every(2, evaluator, 50, 7);
        session.fit(5, metrics);
        Table t = metrics.table();
        assertEquals(3, t.rowCount());   // steps 2, 4 and the last, 5
        assertEquals(2L, t.longColumn("step").get(0));
        assertEquals(5L, t.longColumn("step").get(2));
        assertEquals(50, metrics.latest().samples());
        // the same latent seed: evaluating the final generator again reproduces the last row exactly
        EvaluationReport again = evaluator.evaluate(session.emaGenerator(), 50, 7);
        assertEquals(again.frechetDistance(), t.doubleColumn("FD").get(2));
        assertEquals(again.frechetFloor(), t.doubleColumn("FD floor").get(2));
    }

    @Test
    void intervalAndSampleCountAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationListener.every(0, evaluator, 50, 1));
        assertEquals("steps must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EvaluationListener.every(5, evaluator, 5, 1));
    }

    @Test
    void comparesRunsFromSessionsAndDirectories() throws IOException {
        TrainingSession a = new GanTrainer(tiny(8, 1)).session(data);
        EvaluationListener ma = EvaluationListener.every(2, evaluator, 50, 7);
        a.fit(4, ma);
        TrainingSession b = new GanTrainer(tiny(16, 2)).session(data);
        EvaluationListener mb = EvaluationListener.every(2, evaluator, 50, 7);
        b.fit(4, mb);
        Path dir = b.save(tmp.resolve("run-b"));
        mb.writeCsv(dir.resolve(RunSummary.METRICS_FILE));
        Files.writeString(dir.resolve(RunSummary.EVALUATION_FILE), mb.latest().toJson());

        RunComparison c = RunComparison.of(RunSummary.of("a", a, ma), RunSummary.fromDirectory(dir));
        Table diff = c.configDifferences();
        assertEquals(java.util.List.of("batchSize", "seed"), diff.stringColumn("setting").asList());
        assertEquals("8", diff.stringColumn("a").get(0));
        assertEquals("16", diff.stringColumn("run-b").get(0));
        Table fin = c.finalMetrics();
        assertEquals(ma.latest().frechetDistance(), fin.doubleColumn("a").get(0));
        assertEquals(mb.latest().frechetDistance(), fin.doubleColumn("run-b").get(0));
        assertEquals(4, c.runs().get(1).history().size());
        assertEquals(2, c.runs().get(1).metrics().rowCount());
        String html = c.toHtml();
        assertEquals(3, html.split("<img ", -1).length - 1, "loss, FD and KID charts");
    }

    @Test
    void aDirectoryWithoutItsConfigIsRefusedNamingTheFile() {
        IOException e = assertThrows(IOException.class, () -> RunSummary.fromDirectory(tmp));
        assertTrue(e.getMessage().startsWith(tmp.resolve("config.json") + ": missing"), e.getMessage());
    }

    @Test
    void twoRunsWithOneNameAreRefused() {
        TrainingSession a = new GanTrainer(tiny(8, 1)).session(data);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunComparison.of(RunSummary.of("x", a, null), RunSummary.of("x", a, null)));
        assertEquals("two runs are named \"x\": names must be distinct", e.getMessage());
    }
}
