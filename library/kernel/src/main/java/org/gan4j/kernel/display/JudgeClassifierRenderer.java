package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.eval.JudgeClassifier;

/** Shows a {@link JudgeClassifier} as an HTML summary ({@link Summaries#judge}) and its {@code toString()} as text. */
public final class JudgeClassifierRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, JudgeClassifier.class, Summaries::judge);
    }
}
