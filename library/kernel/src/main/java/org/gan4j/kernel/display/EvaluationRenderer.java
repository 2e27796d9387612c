package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.eval.EvaluationReport;
import org.gan4j.eval.RunComparison;

/**
 * Shows an {@link EvaluationReport} (metrics beside their real floors) and a {@link RunComparison} (configuration
 * differences, final metrics, overlaid curves) as the HTML they make themselves, and their {@code toString()} as text.
 */
public final class EvaluationRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, EvaluationReport.class, EvaluationReport::toHtml);
        Registrations.html(renderer, RunComparison.class, RunComparison::toHtml);
    }
}
