package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.eval.ConditionalReport;

/** Shows a {@link ConditionalReport} as an HTML summary ({@link Summaries#conditional}) and its {@code toString()} as text. */
public final class ConditionalReportRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, ConditionalReport.class, Summaries::conditional);
    }
}
