package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.train.GanConfig;

/** Shows a {@link GanConfig} as an HTML summary ({@link Summaries#config}) and its {@code toString()} as text. */
public final class GanConfigRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, GanConfig.class, Summaries::config);
    }
}
