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
import org.gan4j.train.AdamSettings;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanResult;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.StopReason;
import org.junit.jupiter.api.Test;

/** The live view shows the loop's collapse warning while training and a divergence at the end. */
class LiveViewWarningTest {

    /** Keeps the plain text of every progress display (the first display shown). */
    private static final class ProgressTexts implements LiveView.Sink {
        final List<String> texts = new ArrayList<>();

        @Override
        public String show(DisplayData data) {
            String id = "d" + texts.size();
            if (id.equals("d0")) {
                texts.add((String) data.getData(MIMEType.TEXT_PLAIN));
            }
            return id;
        }

        @Override
        public void update(String id, DisplayData data) {
            if (id.equals("d0")) {
                texts.add((String) data.getData(MIMEType.TEXT_PLAIN));
            }
        }
    }

    /** The tiny MLP of the core tests with one learning rate for G and D. */
    private static GanConfig tinyWithLearningRate(double learningRate) {
        return GanConfig.mlp(2).toBuilder()
                .generator(MlpGenerator.builder().latentSize(4).hiddenWidths(16, 16).build())
                .discriminator(MlpDiscriminator.builder().hiddenWidths(16, 16).build())
                .batchSize(32).seed(5).emaDecay(0.9).optimizer(AdamSettings.of(learningRate)).build();
    }

    @Test
    void aCollapseWarningIsShownDuringAndAfterTheRun() {
        ProgressTexts sink = new ProgressTexts();
        LiveView view = LiveView.builder().textEvery(Duration.ZERO).chartEvery(Duration.ofHours(1)).sink(sink)
                .build();
        // learning rate 10 collapses G to one point; the core's detector warns from step 24 on (20-step window)
        GanResult r = new GanTrainer(tinyWithLearningRate(10)).session(GaussianRing.standard().sample(200, 11))
                .fit(30, view);
        assertEquals(StopReason.COMPLETED, r.stopReason());
        assertTrue(sink.texts.stream().anyMatch(t -> t.contains(" · WARNING: mode collapse")), sink.texts.toString());
        String end = sink.texts.get(sink.texts.size() - 1);
        assertTrue(end.contains(" · done · WARNING: mode collapse"), end);
    }

    @Test
    void aDivergenceIsShownWithItsCause() {
        ProgressTexts sink = new ProgressTexts();
        LiveView view = LiveView.builder().sink(sink).build();
        GanResult r = new GanTrainer(tinyWithLearningRate(1e6)).session(GaussianRing.standard().sample(200, 11))
                .fit(10, view);
        assertEquals(StopReason.DIVERGED, r.stopReason());
        String end = sink.texts.get(sink.texts.size() - 1);
        assertTrue(end.contains(" · diverged: diverged at step ") && end.contains("learning rate too high"), end);
    }
}
