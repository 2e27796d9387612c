package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.train.GanResult;

/** Shows a {@link GanResult} as an HTML summary ({@link Summaries#result}) and its {@code toString()} as text. */
public final class GanResultRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, GanResult.class, Summaries::result);
    }
}
