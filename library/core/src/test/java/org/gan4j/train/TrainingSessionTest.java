package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SingleNd4jThread.class)
class TrainingSessionTest {
    private static final int N = 8;

    @TempDir
    Path tmp;

    /** Interrupts the training thread once the given step is done, as a notebook's stop button would. */
    private static TrainingListener interruptAfter(long step) {
        return new TrainingListener() {
            @Override
            public void onStep(StepStats stats) {
                if (stats.step() == step) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Test
    void fitInterruptFitEqualsOneUninterruptedRun() {
        GanConfig config = TrainingFixtures.tiny(2 * N).toBuilder().snapshotEvery(3).snapshotSize(4).build();
        TrainingSet data = TrainingFixtures.ring(200);
        GanResult straight = new GanTrainer(config).train(data);

        TrainingSession session = new GanTrainer(config).session(data);
        assertEquals(0, session.step());
        GanResult stopped = session.fit(1000, interruptAfter(N));
        assertTrue(Thread.interrupted(), "the interrupt flag is set again for the caller");
        assertEquals(StopReason.INTERRUPTED, stopped.stopReason());
        assertEquals(N, session.step());
        assertTrue(session.usable());
        GanResult continued = session.fit(N);

        assertEquals(2 * N, session.step());
        assertEquals(StopReason.COMPLETED, continued.stopReason());
        assertEquals(straight.generator().network().params(), continued.generator().network().params(),
                "N steps + interrupt + N steps gives the parameters of 2N steps");
        assertEquals(straight.emaGenerator().network().params(), continued.emaGenerator().network().params(), "EMA");
        assertEquals(straight.history().table().doubleColumn("lossD").asList(),
                continued.history().table().doubleColumn("lossD").asList(), "identical loss history");
        assertEquals(2 * N, session.history().size());
        assertEquals(2 * N, session.history().lastStep());
    }

    @Test
    void fitBeyondConfiguredStepsAndResumeFromCheckpoint() throws IOException {
        GanConfig config = TrainingFixtures.tiny(N);
        TrainingSet data = TrainingFixtures.ring(200);
        GanResult straight = new GanTrainer(config.toBuilder().steps(3 * N).build()).train(data);

        TrainingSession session = new GanTrainer(config).session(data);
        session.fit(2 * N);
        assertEquals(2 * N, session.step(), "config.steps() does not limit a session");
        Path dir = session.save(tmp.resolve("ckpt"));
        double wall = session.wallSeconds();
        assertEquals(wall, session.wallSeconds(), "no wall time passes between fits");

        TrainingSession resumed = new GanTrainer(config).resumeSession(dir, data);
        assertEquals(2 * N, resumed.step());
        GanResult end = resumed.fit(N);
        assertEquals(3 * N, end.steps());
        assertEquals(straight.generator().network().params(), end.generator().network().params());
        assertEquals(3 * N, resumed.history().size());
    }

    @Test
    void aListenerFailureBetweenStepsLeavesTheSessionUsable() {
        TrainingSession session = new GanTrainer(TrainingFixtures.tiny(N)).session(TrainingFixtures.ring(100));
        TrainingListener failing = new TrainingListener() {
            @Override
            public void onStep(StepStats stats) {
                if (stats.step() == 2) {
                    throw new IllegalStateException("display failed");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> session.fit(5, failing));
        assertEquals(2, session.step());
        assertTrue(session.usable());
        session.fit(1);
        assertEquals(3, session.step());
    }

    @Test
    void resultAndValidation() {
        TrainingSession session = new GanTrainer(TrainingFixtures.tiny(N)).session(TrainingFixtures.ring(100));
        assertEquals(0, session.result().steps());
        assertEquals(0, session.history().size());
        assertFalse(session.history().toString().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> session.fit(-1));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
        session.fit(3);
        assertEquals(3, session.result().steps());
        assertTrue(session.toString().contains("step 3"), session.toString());
        assertTrue(session.history().toString().contains("lossD"), session.history().toString());
        assertEquals(3, session.history().lossChart().getSeriesMap().get("lossD").getXData().length);
    }

    /**
     * fitOrLoad trains and saves when nothing is there, reuses a checkpoint of the same run without a step more
     * (parameters bit for bit), continues one that stopped short to exactly the uninterrupted run, and trains anew
     * over a checkpoint of another configuration.
     */
    @Test
    void fitOrLoadReusesContinuesOrRetrains() throws IOException {
        GanConfig config = TrainingFixtures.tiny(2 * N);
        TrainingSet data = TrainingFixtures.ring(200);
        Path dir = tmp.resolve("reused");
        TrainingSession first = new GanTrainer(config).fitOrLoad(dir, data, N);
        assertEquals(N, first.step());
        TrainingSession again = new GanTrainer(config).fitOrLoad(dir, data, N);
        assertEquals(N, again.step());
        assertArrayEquals(first.generator().network().params().data().asFloat(),
                again.generator().network().params().data().asFloat(), "reused bit for bit");
        TrainingSession longer = new GanTrainer(config).fitOrLoad(dir, data, 2 * N);
        GanResult straight = new GanTrainer(config).train(data);
        assertEquals(2 * N, longer.step());
        assertArrayEquals(straight.generator().network().params().data().asFloat(),
                longer.generator().network().params().data().asFloat(), "continued = uninterrupted, bit for bit");
        GanConfig other = config.toBuilder().seed(config.seed() + 1).build();
        TrainingSession retrained = new GanTrainer(other).fitOrLoad(dir, data, N);
        assertEquals(N, retrained.step());
        assertArrayEquals(new GanTrainer(other).fitOrLoad(tmp.resolve("fresh"), data, N).generator().network()
                .params().data().asFloat(), retrained.generator().network().params().data().asFloat(),
                "another configuration trains anew");
    }
}
