package org.gan4j.kernel.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.gan4j.nn.MlpDiscriminator;
import org.gan4j.nn.MlpGenerator;
import org.gan4j.synth.GaussianRing;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.TrainingSession;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    /** Records what the view shows. */
    private static class Recording implements LiveView.Sink {
        final List<String> shown = new ArrayList<>();
        final List<String> updated = new ArrayList<>();
        final List<DisplayData> last = new ArrayList<>();

        @Override
        public String show(DisplayData data) {
            String id = "d" + shown.size();
            shown.add(id);
            last.add(data);
            return id;
        }

        @Override
        public void update(String id, DisplayData data) {
            updated.add(id);
            last.set(Integer.parseInt(id.substring(1)), data);
        }
    }

    private static TrainingSession session() {
        GanConfig config = GanConfig.mlp(2).toBuilder()
                .generator(MlpGenerator.builder().latentSize(4).hiddenWidths(8).build())
                .discriminator(MlpDiscriminator.builder().hiddenWidths(8).build())
                .batchSize(16).seed(1).snapshotEvery(2).snapshotSize(32).build();
        return new GanTrainer(config).session(GaussianRing.standard().sample(200, 1));
    }

    @Test
    void showsProgressChartAndSamplesAndKeepsTheFinalState() {
        Recording sink = new Recording();
        LiveView view = LiveView.builder().textEvery(Duration.ZERO).chartEvery(Duration.ZERO).sink(sink).build();
        TrainingSession session = session();
        session.fit(4, view);

        assertEquals(3, sink.shown.size(), "progress, loss chart, samples: " + sink.shown);
        assertTrue(sink.updated.contains("d0") && sink.updated.contains("d1"), "updated in place: " + sink.updated);
        String text = (String) sink.last.get(0).getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.startsWith("step 4/4") && text.contains("done") && text.contains("display"), text);
        String html = (String) sink.last.get(0).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<progress value=\"4\" max=\"4\""), html);
        assertTrue(sink.last.get(1).hasDataForType(MIMEType.IMAGE_PNG), "loss chart PNG");
        assertTrue(sink.last.get(2).hasDataForType(MIMEType.IMAGE_PNG), "samples PNG (2-D scatter)");
        for (DisplayData d : sink.last) {
            assertTrue(d.hasDataForType(MIMEType.TEXT_PLAIN));
        }
        double share = view.displayShare();
        assertTrue(share >= 0 && share < 1, "share " + share);

        Recording second = new Recording();
        LiveView again = LiveView.builder().sink(second).build();
        session.fit(2, again);
        String end = (String) second.last.get(0).getData(MIMEType.TEXT_PLAIN);
        assertTrue(end.startsWith("step 6/6"), end);
    }

    /** A clock that stands still unless the test moves it. */
    private static final class ManualClock implements java.util.function.LongSupplier {
        long nanos = 123_456_789L; // an arbitrary origin, like System.nanoTime()'s

        @Override
        public long getAsLong() {
            return nanos;
        }
    }

    @Test
    void withAStoppedClockOnlyTheFirstOutputsAndTheFinalUpdatesAreSent() {
        Recording sink = new Recording();
        ManualClock clock = new ManualClock();
        LiveView view = LiveView.builder().textEvery(Duration.ofSeconds(1)).chartEvery(Duration.ofSeconds(5))
                .clock(clock).sink(sink).build();
        session().fit(6, view);
        // during the run: the first progress, chart and samples outputs, no updates; at the end one update each
        assertEquals(List.of("d0", "d1", "d2"), sink.shown);
        assertEquals(List.of("d0", "d1", "d2"), sink.updated, "only the final updates: " + sink.updated);
    }

    @Test
    void textIsUpdatedEverySecondAndChartAndSamplesEveryFiveSecondsOfTheInjectedClock() {
        Recording sink = new Recording();
        ManualClock clock = new ManualClock();
        LiveView view = LiveView.builder().textEvery(Duration.ofSeconds(1)).chartEvery(Duration.ofSeconds(5))
                .clock(clock).sink(sink).build();
        // every step takes 2 s on the injected clock; snapshots every 2 steps (see session())
        session().fit(10, new org.gan4j.train.TrainingListener() {
            @Override
            public void onStep(org.gan4j.train.StepStats stats) {
                clock.nanos += 2_000_000_000L;
            }
        }, view);
        long textUpdates = sink.updated.stream().filter("d0"::equals).count();
        long chartUpdates = sink.updated.stream().filter("d1"::equals).count();
        long sampleUpdates = sink.updated.stream().filter("d2"::equals).count();
        // text: shown at start, updated at steps 1..10 (2 s apart >= 1 s), plus the final update
        assertEquals(11, textUpdates, "progress updates: " + sink.updated);
        // chart: shown at step 1 (t = 2 s), updated at t = 8, 14, 20 s (steps 4, 7, 10), plus the final update
        assertEquals(4, chartUpdates, "chart updates: " + sink.updated);
        // samples: shown at the first snapshot (step 2, t = 4 s), updated at steps 6 and 10 (t = 12, 20 s), then
        // nothing is pending at the end
        assertEquals(2, sampleUpdates, "sample updates: " + sink.updated);
    }

    @Test
    void interruptEndsWithAResumableMessage() {
        Recording sink = new Recording();
        LiveView view = LiveView.builder().sink(sink).build();
        TrainingSession session = session();
        session.fit(100, new org.gan4j.train.TrainingListener() {
            @Override
            public void onStep(org.gan4j.train.StepStats stats) {
                if (stats.step() == 3) {
                    Thread.currentThread().interrupt();
                }
            }
        }, view);
        assertTrue(Thread.interrupted());
        String text = (String) sink.last.get(0).getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("interrupted: fit again to continue from step 3"), text);
    }
    @Test
    void anInterruptInsideADisplaySendStopsCleanlyAndTheFinalStateIsShown() {
        // as NIO does: the flag stays set and ClosedByInterruptException is thrown (wrapped by the messaging library)
        assertInterruptInsideSendHandled(() -> {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(new java.nio.channels.ClosedByInterruptException());
        });
        // as code that catches InterruptedException and wraps it does: the flag is cleared
        assertInterruptInsideSendHandled(() -> {
            throw new IllegalStateException("send failed", new InterruptedException());
        });
    }

    private static void assertInterruptInsideSendHandled(Runnable failure) {
        Recording sink = new Recording() {
            @Override
            public void update(String id, DisplayData data) {
                if (id.equals("d0") && updated.size() == 4) {
                    updated.add("lost");
                    failure.run();
                }
                super.update(id, data);
            }
        };
        LiveView view = LiveView.builder().textEvery(Duration.ZERO).chartEvery(Duration.ofHours(1)).sink(sink).build();
        TrainingSession session = session();
        session.fit(100, view);
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        long step = session.step();
        assertTrue(step > 0 && step < 100, "stopped early, between steps: " + step);
        String text = (String) sink.last.get(0).getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("interrupted: fit again to continue from step " + step), text);
        assertEquals(step + 10, session.fit(10).steps(), "the session continues");
    }

    @Test
    void aSendFailureThatIsNoInterruptIsNotHidden() {
        Recording sink = new Recording() {
            @Override
            public void update(String id, DisplayData data) {
                throw new IllegalStateException("socket closed");
            }
        };
        LiveView view = LiveView.builder().textEvery(Duration.ZERO).sink(sink).build();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> session().fit(5, view));
        assertEquals("socket closed", e.getMessage());
        assertTrue(!Thread.currentThread().isInterrupted());
    }

    /**
     * A projection in a live view: a progress line, a loss chart and at the end the originals above their
     * reconstructions; with a stopped clock only the first outputs and the final updates are sent, and an interrupt
     * ends with a message that the projection holds what it found.
     */
    @Test
    void showsAProjectionsProgressLossAndReconstructions() {
        org.gan4j.nn.DcganGenerator spec = org.gan4j.nn.DcganGenerator.builder().latentSize(4).baseWidth(2).build();
        org.gan4j.nn.Generator generator = org.gan4j.nn.Generator.of(spec,
                spec.create(1, new org.nd4j.linalg.learning.config.Adam(1e-3),
                        org.nd4j.linalg.api.buffer.DataType.FLOAT));
        org.gan4j.invert.Projector projector = org.gan4j.invert.Projector.of(generator,
                org.gan4j.invert.ProjectorOptions.defaults().withSteps(6).withRestarts(1));
        Recording sink = new Recording();
        ManualClock clock = new ManualClock();
        LiveView view = LiveView.builder().clock(clock).sink(sink).build();
        projector.project(generator.sample(2, 3), null, view);
        assertEquals(List.of("d0", "d1", "d2"), sink.shown, "progress, loss chart, reconstructions");
        // a stopped clock: during the projection only the first progress and chart outputs; at the end their
        // updates, and the reconstructions shown once
        assertEquals(List.of("d0", "d1"), sink.updated, "only the final updates");
        String text = (String) sink.last.get(0).getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.startsWith("projection step 6/6") && text.contains("done"), text);
        assertTrue(sink.last.get(1).hasDataForType(MIMEType.IMAGE_PNG), "loss chart PNG");
        assertTrue(sink.last.get(2).hasDataForType(MIMEType.IMAGE_PNG), "reconstructions PNG");

        Recording interrupted = new Recording();
        org.gan4j.invert.Projection p = projector.project(generator.sample(2, 3), null,
                new org.gan4j.invert.ProjectionListener() {
                    final LiveView inner = LiveView.builder().clock(clock).sink(interrupted).build();

                    @Override
                    public void onStart(int steps) {
                        inner.onStart(steps);
                    }

                    @Override
                    public void onStep(int step, int steps, double loss) {
                        inner.onStep(step, steps, loss);
                        if (step == 2) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void onEnd(org.gan4j.invert.Projection projection) {
                        inner.onEnd(projection);
                    }
                });
        assertTrue(Thread.interrupted(), "the flag stays set for the caller");
        assertEquals(3, p.steps());
        String end = (String) interrupted.last.get(0).getData(MIMEType.TEXT_PLAIN);
        assertTrue(end.startsWith("projection step 3/6") && end.contains("interrupted"), end);
    }
}
