package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.train.TrainingSession;

/** Shows a {@link TrainingSession} as an HTML summary ({@link Summaries#session}) and its {@code toString()} as text. */
public final class TrainingSessionRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, TrainingSession.class, Summaries::session);
    }
}
