package org.gan4j.kernel.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.gan4j.data.ImageDataset;
import org.gan4j.eval.CoverageReport;
import org.gan4j.nn.MlpDiscriminator;
import org.gan4j.nn.MlpGenerator;
import org.gan4j.synth.GaussianRing;
import org.gan4j.synth.RingMetrics;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanResult;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.TrainingHistory;
import org.gan4j.train.TrainingSession;
import org.gan4j.viz.AnimatedGif;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.nd4j.linalg.factory.Nd4j;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The gan4j display registrations, installed as the extension installs them (every line of the services file). */
class Gan4jRenderersTest {
    private static final String HOSTILE = "<script>alert('x')</script>&\"";
    private static Renderer renderer;
    private static TrainingSession session;
    private static GanResult result;

    @BeforeAll
    static void setUp() {
        renderer = new Renderer();
        for (DisplayRenderer r : ServiceLoader.load(DisplayRenderer.class)) {
            r.register(renderer);
        }
        GanConfig config = GanConfig.mlp(2).toBuilder()
                .generator(MlpGenerator.builder().latentSize(4).hiddenWidths(8).build())
                .discriminator(MlpDiscriminator.builder().hiddenWidths(8).build())
                .batchSize(16).seed(1).build();
        session = new GanTrainer(config).session(GaussianRing.standard().sample(200, 1));
        result = session.fit(4);
    }

    private static DisplayData render(Object value) {
        DisplayData data = renderer.render(value);
        assertNotNull(data, "no renderer for " + value.getClass());
        assertTrue(data.hasDataForType(MIMEType.TEXT_PLAIN), "text/plain for " + value.getClass());
        return data;
    }

    private static String html(Object value) {
        DisplayData data = render(value);
        assertTrue(data.hasDataForType(MIMEType.TEXT_HTML), "text/html for " + value.getClass());
        return (String) data.getData(MIMEType.TEXT_HTML);
    }

    private static BufferedImage firstInlinePng(String html) throws IOException {
        Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        assertTrue(m.find(), "an inline PNG");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
    }

    @Test
    void configListsEveryHyperParameter() {
        GanConfig config = result.config();
        String html = html(config);
        for (String name : List.of("generator", "discriminator", "loss", "batchSize", "nCritic", "seed",
                "emaDecay")) {
            assertTrue(html.contains(">" + name + "<"), name + " in " + html);
        }
        assertEquals(config.toString(), render(config).getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void resultShowsOutcomeProvenanceAndA2xLossChart() throws IOException {
        String html = html(result);
        assertTrue(html.contains("COMPLETED") && html.contains("fingerprint") && html.contains("DL4J"), html);
        BufferedImage chart = firstInlinePng(html);
        assertEquals(2 * 720, chart.getWidth(), "chart drawn at 2×");
        assertTrue(html.contains("width=\"720\""), "shown at 1×");
    }

    @Test
    void historyShowsChartAndLastRows() throws IOException {
        String html = html(session.history());
        assertEquals(800, firstInlinePng(html).getHeight());
        assertTrue(html.contains("<table") && html.contains("lossD"), html);
        assertTrue(html.contains("last 4 of 4 steps"), html);
        assertTrue(html(session).contains("TrainingSession"));
        assertTrue(html(new TrainingHistory(session.history().table().emptyCopy())).contains("no steps"));
    }

    @Test
    void ringMetricsAndGenerator() {
        RingMetrics m = GaussianRing.standard().evaluate(session.generator().sample(100, 2));
        String html = html(m);
        assertTrue(html.contains("modes covered"), html);
        assertTrue(html(session.generator()).contains("MlpGenerator"));
    }

    @Test
    void hostileStringsAreEscaped() throws IOException {
        ImageDataset d = ImageDataset.of(Nd4j.zeros(2, 1, 4, 4), new int[] {0, 1}, List.of(HOSTILE, "b"), HOSTILE);
        String html = html(d);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"), html);
        assertNotNull(firstInlinePng(html), "preview grid");

        String coverage = html(new CoverageReport(10, List.of(HOSTILE, "b"), new int[] {4, 6}, 0.01, 0.9));
        assertFalse(coverage.contains("<script>"), coverage);
        assertTrue(coverage.contains("classes covered"), coverage);

        Table t = Table.create(HOSTILE, IntColumn.create(HOSTILE, new int[] {1}));
        String table = html(t);
        assertFalse(table.contains("<script>"), table);
    }

    @Test
    void tablesShowAtMostTheRowLimit() {
        int[] values = new int[500];
        Table t = Table.create("long", IntColumn.create("i", values));
        String html = html(t);
        int rows = html.split("<tr>", -1).length - 1;
        assertEquals(TableDisplay.MAX_ROWS + 2, rows, "header + MAX_ROWS + the … row");
        assertTrue(html.contains("500 rows"), html);
    }

    @Test
    void chartsArePngAt2xWithTextAndSvgOnRequest() throws IOException {
        XYChart chart = new XYChartBuilder().width(300).height(200).title(HOSTILE).build();
        chart.addSeries("s", new double[] {0, 1}, new double[] {1, 0});
        DisplayData data = render(chart);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                (String) data.getData(MIMEType.IMAGE_PNG))));
        assertEquals(600, png.getWidth());
        assertEquals(400, png.getHeight());
        DisplayData svg = renderer.renderAs(chart, "image/svg+xml");
        assertTrue(((String) svg.getData(MIMEType.IMAGE_SVG)).contains("<svg"));
    }

    @Test
    void imagesArePngWithTheirSizeAsText() throws IOException {
        BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        DisplayData data = render(image);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                (String) data.getData(MIMEType.IMAGE_PNG))));
        assertEquals(6, png.getWidth());
        assertEquals("BufferedImage 6x4", data.getData(MIMEType.TEXT_PLAIN));
        assertTrue(renderer.renderAs(image, "image/jpeg").hasDataForType(MIMEType.IMAGE_JPEG), "JPEG on request");
    }

    @Test
    void gifsAreTheirBytesWithASummary() {
        BufferedImage a = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        b.setRGB(1, 1, 0xFFFFFF);
        AnimatedGif gif = AnimatedGif.of(List.of(a, b), 100);
        DisplayData data = render(gif);
        assertArrayEquals(gif.bytes(), Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_GIF)));
        assertTrue(String.valueOf(data.getData(MIMEType.TEXT_PLAIN)).startsWith("AnimatedGif[2 frames"),
                String.valueOf(data.getData(MIMEType.TEXT_PLAIN)));
    }

    @Test
    void everyTypeIsRegisteredOnce() {
        Set<Class<?>> types = new HashSet<>();
        for (Gan4jRenderers.Registration<?> r : Gan4jRenderers.registrations()) {
            assertTrue(types.add(r.type()), r.type() + " registered twice");
            assertTrue(r.mimeTypes().contains(MIMEType.TEXT_PLAIN), r.type() + " offers text/plain");
        }
    }
}
