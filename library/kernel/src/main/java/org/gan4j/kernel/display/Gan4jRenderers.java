package org.gan4j.kernel.display;

import static org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_GIF;
import static org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_JPEG;
import static org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG;
import static org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_SVG;
import static org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML;
import static org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.RenderFunction;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.gan4j.data.ImageDataset;
import org.gan4j.eval.ConditionalReport;
import org.gan4j.eval.CoverageReport;
import org.gan4j.eval.EvaluationReport;
import org.gan4j.eval.JudgeClassifier;
import org.gan4j.eval.RunComparison;
import org.gan4j.nn.Generator;
import org.gan4j.synth.RingMetrics;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanResult;
import org.gan4j.train.TrainingHistory;
import org.gan4j.train.TrainingSession;
import org.gan4j.viz.AnimatedGif;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import tech.tablesaw.api.Table;

/**
 * Every type the gan4j kernel displays, one registration each ({@link #registrations()}):
 * <ul>
 *   <li>a {@link BufferedImage} as PNG (JPEG or GIF on request), with its size as text;</li>
 *   <li>any XChart chart as PNG drawn at 2× and shown at the chart's size, crisp on high-DPI screens
 *       ({@link Png#putChart}), or as SVG on request ({@code display(chart, "image/svg+xml")}), with its kind,
 *       title and size as text;</li>
 *   <li>a Tablesaw {@link Table} as HTML and text, each with a row limit ({@link TableDisplay});</li>
 *   <li>an {@link AnimatedGif} as {@code image/gif}, which animates in the notebook, with its {@code toString()};</li>
 *   <li>gan4j's configurations, results, sessions, histories, ring metrics, judge reports, datasets and generators as
 *       HTML summaries ({@link Summaries}), evaluation reports and run comparisons as the HTML they make themselves,
 *       each with its {@code toString()} as text.</li>
 * </ul>
 * Showing one more type is one more line there: {@link #html(Class, Function)} for a type shown as HTML,
 * {@link #of(Class, RenderFunction, MIMEType, MIMEType...)} for any other output.
 */
public final class Gan4jRenderers implements DisplayRenderer {

    /** Creates the table (the extension instantiates it through {@link java.util.ServiceLoader}). */
    public Gan4jRenderers() {
    }

    @Override
    public void register(Renderer renderer) {
        for (Registration<?> registration : registrations()) {
            registration.addTo(renderer);
        }
    }

    /** @return the registrations, one per type, in the order they are added to a renderer */
    static List<Registration<?>> registrations() {
        return List.of(
                of(BufferedImage.class, Gan4jRenderers::image, IMAGE_PNG, IMAGE_JPEG, IMAGE_GIF, TEXT_PLAIN),
                of(charts(), Gan4jRenderers::chart, IMAGE_PNG, IMAGE_SVG, TEXT_PLAIN),
                html(Table.class, TableDisplay::html, TableDisplay::text),
                of(AnimatedGif.class, Gan4jRenderers::gif, IMAGE_GIF, TEXT_PLAIN),
                html(GanConfig.class, Summaries::config),
                html(GanResult.class, Summaries::result),
                html(TrainingHistory.class, Summaries::history),
                html(TrainingSession.class, Summaries::session),
                html(RingMetrics.class, Summaries::ring),
                html(CoverageReport.class, Summaries::coverage),
                html(ConditionalReport.class, Summaries::conditional),
                html(JudgeClassifier.class, Summaries::judge),
                html(ImageDataset.class, Summaries::dataset),
                html(Generator.class, Summaries::generator),
                html(EvaluationReport.class, EvaluationReport::toHtml),
                html(RunComparison.class, RunComparison::toHtml));
    }

    /**
     * How one type is displayed.
     *
     * @param type      the type (its subtypes too)
     * @param mimeTypes what it can be shown as: the first is shown by default, the others when a display asks for them
     * @param render    fills each requested MIME type
     * @param <T>       the type
     */
    record Registration<T>(Class<T> type, List<MIMEType> mimeTypes, RenderFunction<T> render) {

        /** @param renderer the renderer that learns to show {@link #type()} */
        void addTo(Renderer renderer) {
            renderer.createRegistration(type)
                    .preferring(mimeTypes.get(0))
                    .supporting(mimeTypes.subList(1, mimeTypes.size()).toArray(MIMEType[]::new))
                    .register(render);
        }
    }

    /**
     * @param type      the type
     * @param render    fills each requested MIME type
     * @param preferred shown by default
     * @param onRequest shown when a display asks for them
     * @return the registration
     */
    static <T> Registration<T> of(Class<T> type, RenderFunction<T> render, MIMEType preferred,
            MIMEType... onRequest) {
        List<MIMEType> mimeTypes = new ArrayList<>();
        mimeTypes.add(preferred);
        mimeTypes.addAll(List.of(onRequest));
        return new Registration<>(type, List.copyOf(mimeTypes), render);
    }

    /**
     * @param type the type
     * @param html its HTML
     * @return a registration showing {@code html} and {@code toString()} as text
     */
    static <T> Registration<T> html(Class<T> type, Function<? super T, String> html) {
        return html(type, html, String::valueOf);
    }

    /**
     * @param type the type
     * @param html its HTML
     * @param text its text
     * @return a registration showing {@code html}, and {@code text} as {@code text/plain}
     */
    static <T> Registration<T> html(Class<T> type, Function<? super T, String> html,
            Function<? super T, String> text) {
        return of(type, (value, context) -> {
            context.renderIfRequested(TEXT_HTML, () -> html.apply(value));
            context.renderIfRequested(TEXT_PLAIN, () -> text.apply(value));
        }, TEXT_HTML, TEXT_PLAIN);
    }

    private static void image(BufferedImage image, RenderContext context) {
        Image.renderImage(image, context);
        context.renderIfRequested(TEXT_PLAIN, () -> "BufferedImage " + image.getWidth() + "x" + image.getHeight());
    }

    private static void chart(Chart<?, ?> chart, RenderContext context) {
        if (context.wantsDataRenderedAs(IMAGE_PNG)) {
            Png.putChart(context.getOutputContainer(), chart);
        }
        context.renderIfRequested(IMAGE_SVG, () -> svg(chart));
        context.renderIfRequested(TEXT_PLAIN, () -> describe(chart));
    }

    private static void gif(AnimatedGif gif, RenderContext context) {
        context.renderIfRequested(IMAGE_GIF, () -> Base64.getEncoder().encodeToString(gif.bytes()));
        context.renderIfRequested(TEXT_PLAIN, gif::toString);
    }

    /** XChart's chart base class, whose type parameters a class literal cannot carry. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Class<Chart<?, ?>> charts() {
        return (Class) Chart.class;
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
