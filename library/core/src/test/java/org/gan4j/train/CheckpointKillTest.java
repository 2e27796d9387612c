package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.gan4j.io.FileSteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Kills a checkpoint save before each of its file-system steps in turn (an {@link Error} thrown from the
 * {@link FileSteps} hook, so no clean-up code runs, as with {@code kill -9}) and checks that the directory always
 * holds exactly one loadable checkpoint, bit-for-bit equal to the old or the new state, and that the next save leaves
 * nothing behind.
 */
@ExtendWith(SingleNd4jThread.class)
class CheckpointKillTest {
    @TempDir
    Path tmp;

    /** Stands for the process dying: not an IOException or RuntimeException, so no catch block cleans up. */
    private static final class SimulatedKill extends Error {
        SimulatedKill(String step) {
            super("killed before " + step);
        }
    }

    /** The part of a training state a checkpoint must restore exactly, as raw values. */
    private record Saved(long step, int epoch, int cursor, long latentState, float[] g, float[] d, float[] ema,
                         float[] gUpdater, float[] dUpdater, int historyRows) {
        static Saved of(TrainingLoop loop) {
            return new Saved(loop.step, loop.batches.epoch(), loop.batches.cursor(), loop.latent.state(),
                    raw(loop.g.net.params()), raw(loop.d.net.params()), raw(loop.ema),
                    raw(loop.g.net.updaterState()), raw(loop.d.net.updaterState()),
                    loop.history.rows().size());
        }

        private static float[] raw(INDArray a) {
            return a.dup().data().asFloat();
        }

        boolean same(Saved o) {
            return step == o.step && epoch == o.epoch && cursor == o.cursor && latentState == o.latentState
                    && Arrays.equals(g, o.g) && Arrays.equals(d, o.d) && Arrays.equals(ema, o.ema)
                    && Arrays.equals(gUpdater, o.gUpdater) && Arrays.equals(dUpdater, o.dUpdater)
                    && historyRows == o.historyRows;
        }
    }

    @Test
    void aKillBeforeAnyStepOfAReplacementLeavesTheOldOrTheNewCheckpoint() throws IOException {
        GanConfig config = TrainingFixtures.tiny(100);
        TrainingSet data = TrainingFixtures.ring(100);
        TrainingSession session = new GanTrainer(config).session(data);
        session.fit(3);
        Path original = tmp.resolve("original");
        session.save(original);
        Saved old = Saved.of(session.loop);
        session.fit(2);
        Saved now = Saved.of(session.loop);

        List<String> steps = new ArrayList<>();
        Path dry = tmp.resolve("dry");
        copyTree(original, dry);
        Checkpoint.write(dry, session.loop.state(), (step, path) -> steps.add(step + " " + path.getFileName()));
        assertTrue(steps.size() >= 20, "a replacement takes many steps: " + steps);

        int sawOld = 0;
        int sawNew = 0;
        for (int kill = 0; kill < steps.size(); kill++) {
            Path dir = tmp.resolve("kill-" + kill);
            copyTree(original, dir);
            int target = kill;
            int[] count = {0};
            FileSteps killer = (step, path) -> {
                if (count[0]++ == target) {
                    throw new SimulatedKill(step + " " + path);
                }
            };
            assertThrows(SimulatedKill.class, () -> Checkpoint.write(dir, session.loop.state(), killer));

            Saved loaded = Saved.of(TrainingLoop.restore(Checkpoint.read(dir, config, data, true), data));
            String where = "killed before step " + kill + " (" + steps.get(kill) + ")";
            assertTrue(loaded.same(old) || loaded.same(now), where + ": loaded step " + loaded.step()
                    + " equals neither the old (step 3) nor the new (step 5) checkpoint");
            if (loaded.same(old)) {
                sawOld++;
            } else {
                sawNew++;
            }

            Checkpoint.write(dir, session.loop.state());
            assertEquals(1, listing(dir).size(), where + ": the next save leaves one version and no leftovers: "
                    + listing(dir));
            assertTrue(Saved.of(TrainingLoop.restore(Checkpoint.read(dir, config, data, true), data)).same(now), where);
        }
        assertTrue(sawOld > 0 && sawNew > 0, "kills early give the old, kills late the new checkpoint: " + sawOld
                + " old, " + sawNew + " new");
    }

    @Test
    void aKillDuringTheFirstSaveLeavesNoCheckpointOrTheComplete() throws IOException {
        GanConfig config = TrainingFixtures.tiny(100);
        TrainingSet data = TrainingFixtures.ring(100);
        TrainingSession session = new GanTrainer(config).session(data);
        session.fit(2);
        Saved now = Saved.of(session.loop);
        int[] total = {0};
        Checkpoint.write(tmp.resolve("dry"), session.loop.state(), (step, path) -> total[0]++);
        for (int kill = 0; kill < total[0]; kill++) {
            Path dir = tmp.resolve("first-" + kill);
            int target = kill;
            int[] count = {0};
            assertThrows(SimulatedKill.class, () -> Checkpoint.write(dir, session.loop.state(), (step, path) -> {
                if (count[0]++ == target) {
                    throw new SimulatedKill(step + " " + path);
                }
            }));
            try {
                TrainingLoop loaded = TrainingLoop.restore(Checkpoint.read(dir, config, data, true), data);
                assertTrue(Saved.of(loaded).same(now), "kill " + kill);
            } catch (NoSuchFileException e) {
                assertTrue(e.getMessage().contains("not a gan4j checkpoint"), e.getMessage());
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
