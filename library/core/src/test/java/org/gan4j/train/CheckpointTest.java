package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.nn.MlpDiscriminator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.gan4j.train.listeners.CheckpointSaver;

@ExtendWith(SingleNd4jThread.class)
class CheckpointTest {
    private static final int N = 8;

    @TempDir
    Path tmp;

    @Test
    void resumeContinuesExactly() throws IOException {
        for (GanConfig config : List.of(TrainingFixtures.tiny(2 * N), TrainingFixtures.tinyWassersteinGp(2 * N),
                TrainingFixtures.tinyConditional(2 * N), TrainingFixtures.tinyProjection(2 * N))) {
            TrainingSet data = config.numClasses() > 0 ? TrainingFixtures.ring(200) : TrainingSet.of(
                    TrainingFixtures.ring(200).features());
            Path straight = Files.createDirectory(tmp.resolve("straight-" + config.hashCode()));
            Path split = Files.createDirectory(tmp.resolve("split-" + config.hashCode()));

            CheckpointSaver a = new CheckpointSaver(straight, 2 * N, 5);
            GanResult uninterrupted = new GanTrainer(config).train(data, a);

            CheckpointSaver b = new CheckpointSaver(split, N, 5);
            GanResult first = new GanTrainer(config.toBuilder().steps(N).build()).train(data, b);
            assertEquals(N, first.steps());
            GanResult resumed = new GanTrainer(config).resume(b.directoryFor(N), data, b);

            assertEquals(2 * N, resumed.steps());
            assertEquals(uninterrupted.generator().network().params(), resumed.generator().network().params(),
                    "G after N + N steps equals G after 2N steps for " + config.loss());
            assertEquals(uninterrupted.emaGenerator().network().params(),
                    resumed.emaGenerator().network().params(), "EMA");
            assertEquals(uninterrupted.history().size(), resumed.history().size());
            assertEquals(uninterrupted.history().table().doubleColumn("lossD").asList(),
                    resumed.history().table().doubleColumn("lossD").asList(), "identical loss history");
            for (String net : List.of("generator.zip", "discriminator.zip")) {
                MultiLayerNetwork x = ModelSerializer.restoreMultiLayerNetwork(
                        Checkpoint.contents(a.directoryFor(2 * N)).resolve(net).toFile(), true);
                MultiLayerNetwork y = ModelSerializer.restoreMultiLayerNetwork(
                        Checkpoint.contents(b.directoryFor(2 * N)).resolve(net).toFile(), true);
                assertEquals(x.params(), y.params(), net + " parameters");
                assertEquals(x.getUpdater().getStateViewArray(), y.getUpdater().getStateViewArray(),
                        net + " optimiser state");
                assertEquals(x.getIterationCount(), y.getIterationCount(), net + " iteration count");
            }
        }
    }

    @Test
    void aCheckpointDirectoryAloneIsEnoughToContinue() throws IOException {
        GanConfig config = TrainingFixtures.tinyConditional(2 * N);
        TrainingSet data = TrainingFixtures.ring(200);
        GanResult uninterrupted = new GanTrainer(config).train(data);
        CheckpointSaver saver = new CheckpointSaver(tmp, N, 1);
        new GanTrainer(config.toBuilder().steps(N).build()).train(data, saver);

        GanTrainer trainer = GanTrainer.fromCheckpoint(saver.latest());
        assertEquals(config.toBuilder().steps(N).build(), trainer.config(), "config.json reads back equal");
        TrainingSession session = trainer.resumeSession(saver.latest(), data);
        session.fit(N);
        assertEquals(uninterrupted.generator().network().params(), session.generator().network().params(),
                "N steps, checkpoint, N more from the directory alone = 2N steps");

        IOException e = assertThrows(IOException.class, () -> GanTrainer.fromCheckpoint(tmp));
        assertTrue(e.getMessage().contains("is not a gan4j checkpoint: it has no config.json"), e.getMessage());

        Path never = tmp.resolve("never-saved");
        IOException missing = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> GanTrainer.fromCheckpoint(never));
        assertTrue(missing.getMessage().contains(never.toString())
                && missing.getMessage().contains("the folder does not exist"), missing.getMessage());
        assertFalse(Files.exists(never), "reading a missing checkpoint creates nothing");
    }

    @Test
    void checkpointDirectoryHoldsEveryPart() throws IOException {
        CheckpointSaver saver = new CheckpointSaver(tmp, 5, 1);
        new GanTrainer(TrainingFixtures.tiny(10)).train(TrainingFixtures.ring(100), saver);
        Path dir = saver.latest();
        assertEquals(saver.directoryFor(10), dir);
        for (String f : List.of("config.json", "state.properties", "generator.zip", "discriminator.zip", "ema.bin",
                "history.csv")) {
            assertTrue(Files.isRegularFile(Checkpoint.contents(dir).resolve(f)), f);
        }
        assertEquals(List.of("v-00000001"), listing(dir), "one complete version, nothing else");
        assertFalse(Files.exists(saver.directoryFor(5)), "keep = 1 deletes older checkpoints");
        String json = Files.readString(Checkpoint.contents(dir).resolve("config.json"));
        assertTrue(json.contains("\"type\": \"MlpGenerator\"") && json.contains("\"batchSize\": 32"), json);
    }

    @Test
    void incompatibleConfigurationFailsClearly() throws IOException {
        CheckpointSaver saver = new CheckpointSaver(tmp, 5, 1);
        TrainingSet data = TrainingFixtures.ring(100);
        new GanTrainer(TrainingFixtures.tiny(5)).train(data, saver);
        GanConfig other = TrainingFixtures.tiny(10).toBuilder()
                .discriminator(MlpDiscriminator.builder().hiddenWidths(32).build()).batchSize(16).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GanTrainer(other).resume(saver.latest(), data));
        assertTrue(e.getMessage().contains("incompatible configuration")
                && e.getMessage().contains("discriminator: checkpoint has MlpDiscriminator[inputSize=2, numClasses=0, "
                + "hiddenWidths=[16, 16]")
                && e.getMessage().contains("batchSize: checkpoint has 32, configuration has 16"), e.getMessage());

        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> new GanTrainer(TrainingFixtures.tiny(10)).resume(saver.latest(), TrainingFixtures.ring(120)));
        assertTrue(d.getMessage().contains("different data"), d.getMessage());
        assertThrows(IOException.class, () -> new GanTrainer(TrainingFixtures.tiny(10)).resume(tmp, data));
    }

    @Test
    void aFailedSaveLeavesTheOldCheckpointAndNoTemporaryFiles() throws IOException {
        TrainingLoop loop = TrainingFixtures.loopAfter(TrainingFixtures.tiny(3), TrainingFixtures.ring(100));
        Path target = tmp.resolve("ckpt");
        TrainingState state = loop.state();
        IOException crash = assertThrows(IOException.class, () -> Checkpoint.write(target, state, (step, path) -> {
            if (step.equals("move")) {
                throw new IOException("simulated failure before the rename");
            }
        }));
        assertEquals("simulated failure before the rename", crash.getMessage());
        assertEquals(List.of(), listing(target), "no version and no temporary directory after a failed first save");
        assertThrows(IOException.class, () -> Checkpoint.contents(target));

        Checkpoint.write(target, loop.state());
        String before = Files.readString(Checkpoint.contents(target).resolve("state.properties"));
        assertThrows(IOException.class, () -> Checkpoint.write(target, loop.state(), (step, path) -> {
            if (step.equals("move")) {
                throw new IOException("crash while replacing");
            }
        }));
        assertEquals(before, Files.readString(Checkpoint.contents(target).resolve("state.properties")),
                "old checkpoint intact");
        assertEquals(List.of("v-00000001"), listing(target));
        Checkpoint.write(target, loop.state());
        assertEquals(List.of("v-00000002"), listing(target), "replacing leaves one version");
        assertEquals(List.of("ckpt"), listing(tmp), "nothing beside the checkpoint directory");
    }

    /** A directory in the earlier format (the six files directly inside) loads, and the next save converts it. */
    @Test
    void theEarlierSingleDirectoryFormatStillLoadsAndIsConverted() throws IOException {
        GanConfig config = TrainingFixtures.tiny(20);
        TrainingSet data = TrainingFixtures.ring(100);
        TrainingLoop loop = TrainingFixtures.loopAfter(config.toBuilder().steps(3).build(), data);
        Path dir = tmp.resolve("legacy");
        Checkpoint.write(dir, loop.state());
        Path version = Checkpoint.contents(dir);
        for (String f : listing(version)) {
            Files.move(version.resolve(f), dir.resolve(f));
        }
        Files.delete(version);
        Files.createDirectory(tmp.resolve(".legacy.tmp-123"));
        assertEquals(dir.toAbsolutePath().normalize(), Checkpoint.contents(dir), "the files directly inside");
        TrainingLoop read = TrainingLoop.restore(Checkpoint.read(dir, config, data), data);
        assertEquals(3, read.step);
        assertEquals(loop.g.net.params(), read.g.net.params());

        Checkpoint.write(dir, read.state());
        assertEquals(List.of("v-00000001"), listing(dir), "converted: one version, the old files gone");
        assertEquals(List.of("legacy"), listing(tmp), "the earlier format's temporary sibling is gone");
        assertEquals(3, TrainingLoop.restore(Checkpoint.read(dir, config, data), data).step);
    }

    /**
     * A checkpoint written before InfoGAN's codes existed — no "info" in its config.json, no config.info in its
     * state — resumes a plain run, bit for bit.
     */
    @Test
    void aCheckpointFromBeforeInfoCodesStillResumes() throws IOException {
        GanConfig config = TrainingFixtures.tiny(20);
        TrainingSet data = TrainingFixtures.ring(100);
        TrainingLoop loop = TrainingFixtures.loopAfter(config.toBuilder().steps(3).build(), data);
        Path dir = tmp.resolve("older");
        Checkpoint.write(dir, loop.state());
        Path version = Checkpoint.contents(dir);
        Path json = version.resolve("config.json");
        Files.writeString(json, Files.readString(json).replaceAll(",\\s*\"info\": null", ""));
        Path state = version.resolve("state.properties");
        Files.writeString(state, Files.readString(state).replaceAll("(?m)^config\\.info=.*\\R", ""));
        assertFalse(Files.readString(json).contains("info") || Files.readString(state).contains("config.info"));
        TrainingLoop read = TrainingLoop.restore(Checkpoint.read(dir, config, data), data);
        assertEquals(3, read.step);
        org.junit.jupiter.api.Assertions.assertArrayEquals(loop.g.net.params().data().asFloat(),
                read.g.net.params().data().asFloat());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void emaFileHoldsTheAverage() throws IOException {
        CheckpointSaver saver = new CheckpointSaver(tmp, 4, 1);
        GanResult r = new GanTrainer(TrainingFixtures.tiny(4)).train(TrainingFixtures.ring(100), saver);
        INDArray ema = Nd4j.readBinary(Checkpoint.contents(saver.latest()).resolve("ema.bin").toFile());
        assertEquals(r.emaGenerator().network().params(), ema.reshape(r.emaGenerator().network().params().shape()));
    }
}
