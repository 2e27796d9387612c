package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Training refuses garbage: non-finite data, a diverging learning rate, and a collapse. */
@ExtendWith(SingleNd4jThread.class)
class TrainingGuardTest {
    @TempDir
    Path tmp;

    private static float[] raw(INDArray a) {
        return a.dup().data().asFloat();
    }

    private static boolean finite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void nonFiniteDataIsRejectedWithTheIndexOfTheFirstBadSample() {
        INDArray nan = TrainingFixtures.ring(100).features().dup();
        nan.putScalar(new long[] {37, 1}, Float.NaN);
        nan.putScalar(new long[] {60, 0}, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingSet.of(nan));
        assertTrue(e.getMessage().contains("sample 37 (the first bad one) holds NaN or infinite values"),
                e.getMessage());

        INDArray inf = TrainingFixtures.ring(100).features().dup();
        inf.putScalar(new long[] {4, 0}, Float.NEGATIVE_INFINITY);
        e = assertThrows(IllegalArgumentException.class, () -> TrainingSet.of(inf));
        assertTrue(e.getMessage().contains("sample 4 "), e.getMessage());
    }

    /**
     * Adam with learning rate 1e6 on the tiny MLP: step 1 is finite, step 2 overflows (measured: |gradG| = Infinity).
     * The run ends DIVERGED with the state after step 1, bit-for-bit that of a run of one step, and blames the
     * learning rate; saved and resumed, the same step diverges again.
     */
    @Test
    void aDivergingLearningRateStopsWithTheLastGoodStateKept() throws IOException {
        GanConfig config = TrainingFixtures.tiny(50).toBuilder().optimizer(AdamSettings.of(1e6)).build();
        TrainingSet data = TrainingFixtures.ring(100);
        TrainingSession session = new GanTrainer(config).session(data);
        GanResult r = session.fit(50);
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertEquals(1, r.steps(), "the bad step 2 was undone");
        assertTrue(r.message().startsWith("diverged at step 2: non-finite values"), r.message());
        assertTrue(r.message().contains("likely cause is a learning rate too high for this model (G 1000000.0"),
                r.message());
        assertFalse(r.message().contains("training data holds NaN"), r.message());
        assertEquals(1, r.history().size(), "no history row for the undone step");

        TrainingSession oneStep = new GanTrainer(config).session(data);
        oneStep.fit(1);
        assertArrayEquals(raw(oneStep.loop.g.net.params()), raw(session.loop.g.net.params()), "G as after step 1");
        assertArrayEquals(raw(oneStep.loop.d.net.params()), raw(session.loop.d.net.params()), "D as after step 1");
        assertArrayEquals(raw(oneStep.loop.g.net.updaterState()),
                raw(session.loop.g.net.updaterState()), "G's Adam state as after step 1");
        assertArrayEquals(raw(oneStep.loop.d.net.updaterState()),
                raw(session.loop.d.net.updaterState()), "D's Adam state as after step 1");
        assertArrayEquals(raw(oneStep.loop.ema), raw(session.loop.ema), "EMA as after step 1");
        assertEquals(oneStep.loop.latent.state(), session.loop.latent.state(), "latent stream as after step 1");
        assertTrue(finite(raw(session.loop.g.net.params())) && finite(raw(session.loop.ema)));

        Path dir = session.save(tmp.resolve("diverged"));
        TrainingSession resumed = GanTrainer.fromCheckpoint(dir).resumeSession(dir, data);
        assertEquals(1, resumed.step());
        GanResult again = resumed.fit(5);
        assertEquals(StopReason.DIVERGED, again.stopReason());
        assertEquals(r.message(), again.message(), "resumed exactly: the same step diverges the same way");
    }

    @Test
    void dataMadeNonFiniteAfterTheCheckIsBlamedNotTheLearningRate() {
        INDArray features = TrainingFixtures.ring(100).features().dup();
        TrainingSet data = TrainingSet.of(features);
        features.get(NDArrayIndex.interval(5, 100), NDArrayIndex.all()).assign(Float.NaN);
        GanResult r = new GanTrainer(TrainingFixtures.tiny(10)).train(data);
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertEquals(0, r.steps());
        assertTrue(r.message().contains("the training data holds NaN or infinite values (first at sample 5)"),
                r.message());
        assertFalse(r.message().contains("learning rate"), r.message());
    }

    /**
     * Adam with learning rate 10 on the tiny MLP: G maps every latent to the same point within a few steps
     * (measured: spread 0.00 of the data's 1.42 from step 5 on), so the default detector warns after its 20-step
     * window; {@link EarlyStopOnDivergence} turns the warning into a stop with a finite, resumable state.
     */
    @Test
    void aCollapseWarnsByDefaultAndStopsWhenAsked() throws IOException {
        GanConfig config = TrainingFixtures.tiny(60).toBuilder().optimizer(AdamSettings.of(10)).build();
        TrainingSet data = TrainingFixtures.ring(200);
        List<StepStats> warned = new ArrayList<>();
        TrainingListener collect = new TrainingListener() {
            @Override
            public void onStep(StepStats s) {
                if (s.warning() != null) {
                    warned.add(s);
                }
            }
        };
        GanResult warnOnly = new GanTrainer(config).train(data, collect);
        assertEquals(StopReason.COMPLETED, warnOnly.stopReason(), "by default a collapse is only warned about");
        assertFalse(warned.isEmpty(), "a warning was given");
        long first = warned.get(0).step();
        assertTrue(first >= CollapseDetector.DEFAULT_WINDOW && first <= 40, "first warning at step " + first);
        assertTrue(warned.get(0).warning().startsWith("mode collapse: the generated samples are nearly identical"),
                warned.get(0).warning());
        assertTrue(warned.get(0).warning().contains("learning rate too high"), warned.get(0).warning());

        TrainingSession session = new GanTrainer(config).session(data);
        GanResult stopped = session.fit(60, new EarlyStopOnDivergence());
        assertEquals(StopReason.STOPPED_BY_LISTENER, stopped.stopReason());
        assertEquals(first, stopped.steps(), "stopped at the first warned step");
        assertEquals(warned.get(0).warning(), stopped.message());
        assertTrue(finite(raw(session.loop.g.net.params())) && finite(raw(session.loop.d.net.params())));
        Path dir = session.save(tmp.resolve("collapsed"));
        TrainingSession resumed = GanTrainer.fromCheckpoint(dir).resumeSession(dir, data);
        assertEquals(first, resumed.step());
        assertEquals(first + 1, resumed.fit(1).steps(), "resumable");
    }

    @Test
    void aHealthyRunGetsNoWarning() {
        List<String> warnings = new ArrayList<>();
        GanResult r = new GanTrainer(TrainingFixtures.tiny(80)).train(TrainingFixtures.ring(300),
                new TrainingListener() {
                    @Override
                    public void onStep(StepStats s) {
                        if (s.warning() != null) {
                            warnings.add(s.step() + ": " + s.warning());
                        }
                    }
                });
        assertEquals(StopReason.COMPLETED, r.stopReason());
        assertEquals(List.of(), warnings);
    }
}
