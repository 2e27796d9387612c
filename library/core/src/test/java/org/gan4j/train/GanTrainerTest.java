package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.info.InfoCodes;
import org.gan4j.loss.GanLoss;
import org.gan4j.nn.DcganDiscriminator;
import org.gan4j.nn.DcganGenerator;
import org.gan4j.nn.MlpDiscriminator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;
import org.gan4j.train.listeners.CheckpointSaver;

@ExtendWith(SingleNd4jThread.class)
class GanTrainerTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() {
        TrainingSet data = TrainingFixtures.ring(100);
        GanResult a = new GanTrainer(TrainingFixtures.tiny(5)).train(data);
        GanResult b = new GanTrainer(TrainingFixtures.tiny(5)).train(data);
        GanResult c = new GanTrainer(TrainingFixtures.tiny(5).toBuilder().seed(6).build()).train(data);
        assertEquals(a.generator().network().params(), b.generator().network().params());
        assertFalse(a.generator().network().params().equals(c.generator().network().params()));
        assertEquals(a.generator().sample(10, 3), b.generator().sample(10, 3));
    }

    @Test
    void historyAndResult() {
        GanResult r = new GanTrainer(TrainingFixtures.tiny(7)).train(TrainingFixtures.ring(100));
        Table h = r.history().table();
        assertEquals(7, h.rowCount());
        assertEquals(List.of("step", "epoch", "lossD", "lossG", "D(x)", "D(G(z))", "gradNormG", "gradNormD",
                "imagesPerSecond", "wallSeconds"), h.columnNames());
        assertEquals(1L, h.longColumn("step").get(0));
        assertTrue(h.intColumn("epoch").get(6) >= 2, "100 samples / 32 per batch: 3 batches per epoch");
        h.clear();
        assertEquals(7, r.history().size(), "history is a copy");
        assertTrue(r.completed());
        assertEquals(5, r.provenance().seed());
        assertEquals(TrainingFixtures.ring(100).fingerprint(), r.provenance().datasetFingerprint());
        assertTrue(r.provenance().dl4jVersion().startsWith("1.0.0"), r.provenance().dl4jVersion());
        assertTrue(r.toString().contains("COMPLETED"), r.toString());
    }

    @Test
    void listenersSeeStepsEpochsSnapshotsAndTheEnd() {
        List<String> events = new ArrayList<>();
        GanConfig config = TrainingFixtures.tinyConditional(6).toBuilder().snapshotEvery(3).snapshotSize(16).build();
        GanResult r = new GanTrainer(config).train(TrainingFixtures.ring(64), new TrainingListener() {
            @Override
            public void onStart(TrainingRun run) {
                events.add("start@" + run.step());
            }

            @Override
            public void onStep(StepStats s) {
                events.add("step" + s.step());
            }

            @Override
            public void onEpoch(int epoch, long step) {
                events.add("epoch" + epoch);
            }

            @Override
            public void onSnapshot(Snapshot s) {
                assertArrayEquals(new long[]{16, 2}, s.samples().shape());
                assertEquals(3, s.labels()[3]);
                events.add("snap" + s.step());
            }

            @Override
            public void onEnd(GanResult result) {
                events.add("end");
            }
        });
        assertEquals(List.of("start@0", "step1", "step2", "epoch0", "step3", "snap3", "step4", "epoch1",
                "step5", "step6", "epoch2", "snap6", "end"), events);
        assertEquals(6, r.steps());
    }

    @Test
    void interruptStopsCleanlyAndResumably() throws Exception {
        CheckpointSaver saver = new CheckpointSaver(tmp, 100, 1);
        TrainingSet data = TrainingFixtures.ring(100);
        GanResult r = new GanTrainer(TrainingFixtures.tiny(50)).train(data, saver, new TrainingListener() {
            @Override
            public void onStep(StepStats s) {
                if (s.step() == 4) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertTrue(Thread.interrupted(), "the interrupt flag is restored for the caller");
        assertEquals(StopReason.INTERRUPTED, r.stopReason());
        assertEquals(4, r.steps());
        assertEquals(saver.directoryFor(4), saver.latest(), "final checkpoint written on interrupt");
        GanResult resumed = new GanTrainer(TrainingFixtures.tiny(8)).resume(saver.latest(), data);
        GanResult straight = new GanTrainer(TrainingFixtures.tiny(8)).train(data);
        assertEquals(straight.generator().network().params(), resumed.generator().network().params());
    }

    @Test
    void earlyStopOnNonFiniteValuesAndCollapse() {
        List<String> stops = new ArrayList<>();
        TrainingRun run = new TrainingRun() {
            public GanConfig config() {
                return TrainingFixtures.tiny(10);
            }

            public long step() {
                return 0;
            }

            public int epoch() {
                return 0;
            }

            public void requestStop(String reason) {
                stops.add(reason);
            }

            public org.gan4j.nn.Generator generator() {
                return null;
            }

            public org.gan4j.nn.Generator emaGenerator() {
                return null;
            }

            public TrainingHistory history() {
                return null;
            }

            public Path saveCheckpoint(Path directory) {
                return directory;
            }
        };
        EarlyStopOnDivergence stop = new EarlyStopOnDivergence(3, 0.01);
        stop.onStart(run);
        stop.onStep(new StepStats(1, 0, 0.1, 5, 0.999, 0.001, 1, 1, 1, 1));
        stop.onStep(new StepStats(2, 0, 0.1, 5, 0.999, 0.001, 1, 1, 1, 1));
        assertTrue(stops.isEmpty());
        stop.onStep(new StepStats(3, 0, 0.1, 5, 0.999, 0.001, 1, 1, 1, 1));
        assertEquals(1, stops.size());
        assertTrue(stops.get(0).startsWith("discriminator collapsed"), stops.get(0));
        stop.onStep(new StepStats(4, 0, Double.NaN, 5, 0.5, 0.5, 1, 1, 1, 1));
        assertTrue(stops.get(1).startsWith("diverged at step 4: non-finite"), stops.get(1));
    }

    @Test
    void listenerStopRequestEndsTheRun() {
        GanResult r = new GanTrainer(TrainingFixtures.tiny(50)).train(TrainingFixtures.ring(100),
                new TrainingListener() {
                    TrainingRun run;

                    @Override
                    public void onStart(TrainingRun run) {
                        this.run = run;
                    }

                    @Override
                    public void onStep(StepStats s) {
                        if (s.step() == 2) {
                            run.requestStop("enough");
                        }
                    }
                });
        assertEquals(StopReason.STOPPED_BY_LISTENER, r.stopReason());
        assertEquals("enough", r.message());
        assertEquals(2, r.steps());
    }

    @Test
    void badConfigurationAndDataFailClearly() {
        assertMessage(() -> TrainingFixtures.tiny(0), "steps must be >= 1, got 0");
        assertMessage(() -> TrainingFixtures.tiny(5).toBuilder().batchSize(-1).build(), "batchSize must be > 0");
        assertMessage(() -> TrainingFixtures.tiny(5).toBuilder().nCritic(0).build(), "nCritic must be >= 1");
        assertMessage(() -> TrainingFixtures.tiny(5).toBuilder().emaDecay(1).build(), "emaDecay must be in [0, 1)");
        assertMessage(() -> TrainingFixtures.tiny(5).toBuilder().loss(GanLoss.wasserstein()).build(),
                "Wasserstein needs a Lipschitz constraint");
        assertMessage(() -> TrainingFixtures.tiny(5).toBuilder()
                        .discriminator(MlpDiscriminator.builder().inputSize(3).build()).build(),
                "disagree on the sample shape: generator makes [2], discriminator reads [3]");
        assertMessage(() -> TrainingFixtures.tiny(5).toBuilder()
                        .discriminator(MlpDiscriminator.builder().numClasses(8).build()).build(),
                "same number of classes");
        assertMessage(() -> GanConfig.dcgan(28, 1).toBuilder()
                        .discriminator(DcganDiscriminator.builder().imageSize(32).build()).build(),
                "[1, 28, 28], discriminator reads [1, 32, 32]");
        assertMessage(() -> GanConfig.quickStyleGan().toBuilder().info(new InfoCodes(10, 2, 1)).build(),
                "info codes with the style-based generator need mixingProbability 0");
        assertMessage(() -> GanConfig.quickDcgan().toBuilder().info(new InfoCodes(30, 2, 1)).build(),
                "info codes take the last 32 latent entries: generator.latentSize must be larger, got 32");

        GanTrainer t = new GanTrainer(TrainingFixtures.tiny(5));
        assertMessage(() -> t.train(TrainingSet.of(Nd4j.zeros(DataType.FLOAT, 50, 3))),
                "data samples have shape [3] but the networks expect [2]");
        assertMessage(() -> t.train(TrainingSet.of(Nd4j.zeros(DataType.FLOAT, 10, 2))),
                "batchSize (32) is larger than the training data (10 samples)");
        assertMessage(() -> new GanTrainer(TrainingFixtures.tinyConditional(5))
                .train(TrainingSet.of(Nd4j.zeros(DataType.FLOAT, 50, 2))), "the data has no labels");
        GanTrainer images = new GanTrainer(GanConfig.dcgan(28, 1));
        assertMessage(() -> images.train(TrainingSet.of(Nd4j.zeros(DataType.FLOAT, 70, 28, 28, 1))),
                "images are NCHW");
        assertMessage(() -> TrainingSet.labelled(Nd4j.zeros(DataType.FLOAT, 3, 2), new int[]{0, 1, 5}, 3),
                "labels must be in [0, 3), got 5 at index 2");
        assertMessage(() -> TrainingSet.of(Nd4j.zeros(DataType.FLOAT, 3, 2, 2)), "features must be [n, d] or");
    }

    @Test
    void presetsAreValidAndReadable() {
        GanConfig c = GanConfig.conditional(10);
        assertEquals(10, c.numClasses());
        assertEquals(DcganGenerator.builder().numClasses(10).build(), c.generator());
        assertEquals(AdamSettings.dcgan(), c.generatorOptimizer());
        assertTrue(c.toString().contains("batchSize=64") && c.toString().contains("NonSaturating"), c.toString());
        assertNull(GanConfig.dcgan(32, 3).regularizer());
    }

    @Test
    void conditionalDcganTrainsAStepOnImages() {
        GanConfig config = GanConfig.conditional(3).toBuilder()
                .generator(DcganGenerator.builder().numClasses(3).latentSize(8).baseWidth(4).build())
                .discriminator(DcganDiscriminator.builder().numClasses(3).baseWidth(4).build())
                .batchSize(4).steps(2).snapshotEvery(0).build();
        INDArray images = Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28).muli(2).subi(1);
        GanResult r = new GanTrainer(config).train(TrainingSet.labelled(images, new int[]{0, 1, 2, 0, 1, 2, 0, 1}, 3));
        assertEquals(2, r.steps());
        assertTrue(r.history().table().doubleColumn("lossD").asList().stream().allMatch(v -> Double.isFinite(v)));
        assertArrayEquals(new long[]{5, 1, 28, 28}, r.emaGenerator().sample(2, 5, 1).shape());
    }

    private static void assertMessage(Runnable r, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
