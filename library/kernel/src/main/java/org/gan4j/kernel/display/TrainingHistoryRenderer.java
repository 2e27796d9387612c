package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.train.TrainingHistory;

/** Shows a {@link TrainingHistory} as an HTML summary ({@link Summaries#history}) and its {@code toString()} as text. */
public final class TrainingHistoryRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, TrainingHistory.class, Summaries::history);
    }
}
