package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.synth.RingMetrics;

/** Shows a {@link RingMetrics} as an HTML summary ({@link Summaries#ring}) and its {@code toString()} as text. */
public final class RingMetricsRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, RingMetrics.class, Summaries::ring);
    }
}
