package org.gan4j.eval;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.gan4j.viz.Charts;
import org.gan4j.viz.Html;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Several training runs side by side, in one call: what differs in their configurations (only that), their final
 * metrics beside the real floor, and their loss and metric curves overlaid. Shows itself inline in a notebook
 * ({@link #toHtml()}).
 *
 * <pre>{@code
 * RunComparison.of(RunSummary.of("ns", a, metricsA), RunSummary.of("hinge", b, metricsB),
 *                  RunSummary.fromDirectory(Path.of("runs/wgan-gp")));
 * }</pre>
 */
public final class RunComparison {

    private static final String[] METRICS = {"FD", "KID", "precision", "recall", "density", "coverage",
        "classes covered", "label accuracy"};

    private final List<RunSummary> runs;

    private RunComparison(List<RunSummary> runs) {
        this.runs = List.copyOf(runs);
    }

    /**
     * Compares runs.
     *
     * @param runs at least one run, names distinct
     * @return the comparison
     * @throws IllegalArgumentException if there are no runs or two share a name
     */
    public static RunComparison of(RunSummary... runs) {
        Objects.requireNonNull(runs, "runs");
        return of(List.of(runs));
    }

    /**
     * Compares runs.
     *
     * @param runs at least one run, names distinct
     * @return the comparison
     */
    public static RunComparison of(List<RunSummary> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least one run");
        }
        Set<String> names = new LinkedHashSet<>();
        for (RunSummary r : runs) {
            if (!names.add(Objects.requireNonNull(r, "runs must not contain null").name())) {
                throw new IllegalArgumentException("two runs are named \"" + r.name() + "\": names must be distinct");
            }
        }
        return new RunComparison(runs);
    }

    /** @return the runs, in the order given */
    public List<RunSummary> runs() {
        return runs;
    }

    /**
     * The configuration settings whose values differ between the runs (flattened JSON paths such as {@code
     * loss.type}), one column per run. Empty when all configurations are equal.
     *
     * @return the table
     */
    public Table configDifferences() {
        List<Map<String, String>> flat = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (RunSummary r : runs) {
            Map<String, String> m = new LinkedHashMap<>();
            flatten("", JsonParser.parseString(r.config().toJson()), m);
            flat.add(m);
            keys.addAll(m.keySet());
        }
        StringColumn setting = StringColumn.create("setting");
        List<StringColumn> values = new ArrayList<>();
        for (RunSummary r : runs) {
            values.add(StringColumn.create(r.name()));
        }
        for (String key : keys) {
            Set<String> distinct = new LinkedHashSet<>();
            for (Map<String, String> m : flat) {
                distinct.add(m.getOrDefault(key, "–"));
            }
            if (distinct.size() > 1) {
                setting.append(key);
                for (int i = 0; i < runs.size(); i++) {
                    values.get(i).append(flat.get(i).getOrDefault(key, "–"));
                }
            }
        }
        Table t = Table.create("configuration differences", setting);
        values.forEach(t::addColumns);
        return t;
    }

    private static void flatten(String prefix, JsonElement e, Map<String, String> out) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            for (String k : o.keySet()) {
                flatten(prefix.isEmpty() ? k : prefix + "." + k, o.get(k), out);
            }
        } else {
            out.put(prefix, e.isJsonPrimitive() ? e.getAsString() : e.toString());
        }
    }

    /**
     * The final metrics of each run (its final report, else the last row of its metrics table), one column per run,
     * with the real floor of the first run that has a final report.
     *
     * @return the table; NaN where a run has no value
     */
    public Table finalMetrics() {
        StringColumn metric = StringColumn.create("metric", METRICS);
        Table t = Table.create("final metrics", metric);
        EvaluationReport floorSource = null;
        for (RunSummary r : runs) {
            double[] v = new double[METRICS.length];
            java.util.Arrays.fill(v, Double.NaN);
            EvaluationReport e = r.finalReport();
            if (e != null) {
                v = new double[] {e.frechetDistance(), e.kid().mean(), e.precision(), e.recall(), e.density(),
                    e.coverage(), e.classesCovered(), e.labelAccuracy()};
                floorSource = floorSource == null ? e : floorSource;
            } else if (r.metrics().rowCount() > 0) {
                Table m = r.metrics();
                for (int i = 0; i < METRICS.length; i++) {
                    if (m.containsColumn(METRICS[i])) {
                        v[i] = ((NumericColumn<?>) m.column(METRICS[i])).getDouble(m.rowCount() - 1);
                    }
                }
            }
            t.addColumns(DoubleColumn.create(r.name(), v));
        }
        if (floorSource != null) {
            EvaluationReport f = floorSource;
            t.addColumns(DoubleColumn.create("real floor (" + f.samples() + " samples)", new double[] {
                f.frechetFloor(), f.kidFloor().mean(), f.precisionRecallFloor().precision(),
                f.precisionRecallFloor().recall(), f.densityCoverageFloor().density(),
                f.densityCoverageFloor().coverage(), f.classesFloor().coveredClasses(), f.labelAccuracyFloor()}));
        }
        return t;
    }

    /** @return the generator and discriminator losses of every run against the step, one colour per run */
    public XYChart lossChart() {
        XYChart chart = chart("losses (solid: generator, dashed: discriminator)", "loss");
        for (RunSummary r : runs) {
            Table h = r.history().table();
            addSeries(chart, r.name() + " G", h, "lossG", false);
            addSeries(chart, r.name() + " D", h, "lossD", true);
        }
        return chart;
    }

    /**
     * One metric over training, every run that recorded it.
     *
     * @param column a column of {@link EvaluationListener#table()}, e.g. {@code "FD"} or {@code "KID"}
     * @return the chart
     */
    public XYChart metricChart(String column) {
        XYChart chart = chart(column + " over training", column);
        for (RunSummary r : runs) {
            Table m = r.metrics();
            if (m.containsColumn("step") && m.containsColumn(column) && m.rowCount() > 0) {
                addSeries(chart, r.name(), m, column, false);
            }
        }
        return chart;
    }

    private static XYChart chart(String title, String y) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title).xAxisTitle("step")
                .yAxisTitle(y).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        return chart;
    }

    private static void addSeries(XYChart chart, String name, Table t, String column, boolean dashed) {
        if (!t.containsColumn(column) || !t.containsColumn("step") || t.rowCount() == 0) {
            return;
        }
        double[] x = ((NumericColumn<?>) t.column("step")).asDoubleArray();
        double[] y = ((NumericColumn<?>) t.column(column)).asDoubleArray();
        int bucket = Math.max(1, (x.length + Charts.MAX_LINE_POINTS - 1) / Charts.MAX_LINE_POINTS);
        XYSeries s = chart.addSeries(name, average(x, bucket), average(y, bucket));
        s.setMarker(y.length <= 50 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        if (dashed) {
            s.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, new float[] {6f, 4f}, 0f));
        }
    }

    private static double[] average(double[] v, int size) {
        if (size == 1) {
            return v;
        }
        double[] out = new double[(v.length + size - 1) / size];
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            int to = Math.min(v.length, (b + 1) * size);
            for (int i = b * size; i < to; i++) {
                sum += v[i];
            }
            out[b] = sum / (to - b * size);
        }
        return out;
    }

    /** @return configuration differences, final metrics, the loss chart and the FD and KID charts, as HTML */
    public String toHtml() {
        StringBuilder out = new StringBuilder("<div class=\"gan4j-comparison\"><b>Comparison of ")
                .append(runs.size()).append(" runs</b>");
        Table diff = configDifferences();
        out.append(diff.rowCount() == 0 ? "<p>identical configurations</p>" : htmlTable(diff));
        out.append(htmlTable(finalMetrics()));
        List<BufferedImage> charts = new ArrayList<>();
        charts.add(BitmapEncoder.getBufferedImage(lossChart()));
        boolean anyMetrics = runs.stream().anyMatch(r -> r.metrics().containsColumn("FD") && r.metrics().rowCount() > 0);
        if (anyMetrics) {
            charts.add(BitmapEncoder.getBufferedImage(metricChart("FD")));
            charts.add(BitmapEncoder.getBufferedImage(metricChart("KID")));
        }
        for (BufferedImage chart : charts) {
            out.append("<div>").append(Html.png(chart, chart.getWidth())).append("</div>");
        }
        return out.append("</div>").toString();
    }

    /** @return all charts as one image (losses, then FD and KID when recorded), e.g. to save as PNG */
    public BufferedImage chartsImage() {
        boolean anyMetrics = runs.stream().anyMatch(r -> r.metrics().containsColumn("FD") && r.metrics().rowCount() > 0);
        return anyMetrics ? Charts.sideBySide(lossChart(), metricChart("FD"), metricChart("KID"))
                : Charts.sideBySide(lossChart());
    }

    private static String htmlTable(Table t) {
        StringBuilder out = new StringBuilder("<table><caption style=\"caption-side: top; text-align: left\">")
                .append(Html.escape(t.name())).append("</caption><thead><tr>");
        for (String c : t.columnNames()) {
            out.append("<th>").append(Html.escape(c)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (int r = 0; r < t.rowCount(); r++) {
            out.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                Object v = t.column(c).get(r);
                String text = v instanceof Double d ? (Double.isNaN(d) ? "–" : Math.abs(d) < 0.01 && d != 0
                        ? String.format(Locale.ROOT, "%.2e", d) : String.format(Locale.ROOT, "%.3f", d))
                        : String.valueOf(v);
                out.append("<td>").append(Html.escape(text)).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    @Override
    public String toString() {
        return "RunComparison[" + runs.stream().map(RunSummary::name).toList() + "]";
    }
}
