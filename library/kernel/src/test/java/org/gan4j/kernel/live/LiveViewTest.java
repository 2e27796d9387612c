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

    @Test
    void throttlesByWallTime() {
        Recording sink = new Recording();
        // 10 000 days: longer than any System.nanoTime() reading since boot, so "never shown" must not be inferred
        // from a zero initial time (with one hour this failed on machines up for less than an hour)
        LiveView view = LiveView.builder().textEvery(Duration.ofDays(10_000)).chartEvery(Duration.ofDays(10_000))
                .sink(sink).build();
        session().fit(6, view);
        // during the run: the first progress, chart and samples outputs, no updates; at the end one update each
        assertEquals(3, sink.shown.size());
        assertEquals(List.of("d0", "d1", "d2"), sink.updated, "only the final updates: " + sink.updated);
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
}
