package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.eval.CoverageReport;

/** Shows a {@link CoverageReport} as an HTML summary ({@link Summaries#coverage}) and its {@code toString()} as text. */
public final class CoverageReportRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, CoverageReport.class, Summaries::coverage);
    }
}
