package org.gan4j.kernel.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Shows any XChart chart as a PNG image drawn at 2× and shown at the chart's size (crisp on high-DPI screens), or as SVG when asked
 * ({@code display(chart, "image/svg+xml")}).
 */
public final class XChartRenderer implements DisplayRenderer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void register(Renderer renderer) {
        renderer.createRegistration((Class) Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
                .register((chart, context) -> {
                    Chart<?, ?> c = (Chart<?, ?>) chart;
                    if (context.wantsDataRenderedAs(MIMEType.IMAGE_PNG)) {
                        Png.putChart(context.getOutputContainer(), c);
                    }
                    context.renderIfRequested(MIMEType.IMAGE_SVG, () -> svg(c));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(c));
                });
    }

    private static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"";
        return chart.getClass().getSimpleName() + title + " " + chart.getWidth() + "x" + chart.getHeight();
    }
}
