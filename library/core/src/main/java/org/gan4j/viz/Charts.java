package org.gan4j.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.gan4j.data.DataSummary;
import org.gan4j.data.Histogram;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.PixelScale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * XChart charts of datasets, sized for a notebook ({@value #WIDTH}×{@value #HEIGHT}) with readable fonts. They
 * are returned, never shown: a notebook renders them, {@link BitmapEncoder} saves them.
 *
 * <pre>{@code
 * Charts.classBalance(train)                          // bar chart: images per class
 * Charts.pixelHistogram(train, PixelScale.RAW)        // bytes 0..255 as stored
 * Charts.pixelHistogram(train, PixelScale.NORMALISED) // the same pixels in [-1, 1], as the networks see them
 * Charts.pixelHistograms(train)                       // both side by side, one image
 * }</pre>
 *
 * The charts are ordinary XChart objects: change titles, sizes and styles further through their setters and
 * {@code getStyler()}.
 */
public final class Charts {

    /** Default chart width in pixels. */
    public static final int WIDTH = 720;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 400;
    /** Default number of histogram bins (divides 256: every raw bin holds 8 byte values). */
    public static final int DEFAULT_BINS = 32;

    private static final Color BAR = new Color(0x1f, 0x77, 0xb4);
    private static final Color RAW_COLOUR = new Color(0x7f, 0x7f, 0x7f);
    private static final Color NORMALISED_COLOUR = new Color(0xd6, 0x27, 0x28);

    private Charts() {
    }

    /**
     * Bar chart of images per class, class names on the x axis; series {@code "images"}.
     *
     * @param dataset the images
     * @return the chart
     */
    public static CategoryChart classBalance(ImageDataset dataset) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Class balance: " + dataset.size() + " images, " + dataset.numClasses() + " classes")
                .xAxisTitle("class").yAxisTitle("images").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setSeriesColors(new Color[] {BAR});
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.BLACK);
        chart.getStyler().setLabelsPosition(0.9);
        List<Integer> counts = new ArrayList<>();
        for (int c : dataset.classCounts()) {
            counts.add(c);
        }
        chart.addSeries("images", new ArrayList<>(dataset.classNames()), counts);
        return chart;
    }

    /**
     * Histogram of all pixel values of a dataset, {@value #DEFAULT_BINS} bins.
     *
     * @param dataset the images
     * @param scale   RAW (bytes 0..255 as stored in files) or NORMALISED ([-1, 1], as the networks see them)
     * @return the chart, one series named after the scale
     */
    public static XYChart pixelHistogram(ImageDataset dataset, PixelScale scale) {
        return pixelHistogram(dataset, scale, DEFAULT_BINS);
    }

    /**
     * Histogram of all pixel values of a dataset.
     *
     * @param dataset the images
     * @param scale   RAW or NORMALISED
     * @param bins    number of bins
     * @return the chart, one series named after the scale
     */
    public static XYChart pixelHistogram(ImageDataset dataset, PixelScale scale, int bins) {
        Histogram h = DataSummary.pixelHistogram(dataset, scale, bins);
        XYChart chart = histogram(h, scale == PixelScale.RAW ? RAW_COLOUR : NORMALISED_COLOUR);
        chart.setTitle("Pixel intensities, " + scale.description());
        chart.setXAxisTitle(scale == PixelScale.RAW ? "pixel value (byte)" : "pixel value (x / 127.5 - 1)");
        if (scale == PixelScale.RAW) {
            chart.getStyler().setXAxisMax(255.0);
        }
        return chart;
    }

    /**
     * A histogram as a step-area chart over its bin edges; series named after {@link Histogram#label()}.
     *
     * @param histogram the counts
     * @return the chart
     */
    public static XYChart histogram(Histogram histogram) {
        return histogram(histogram, BAR);
    }

    private static XYChart histogram(Histogram h, Color colour) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(h.label()).xAxisTitle("value")
                .yAxisTitle("count").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(h.lower());
        chart.getStyler().setXAxisMax(h.upper());
        chart.getStyler().setSeriesColors(new Color[] {colour});
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        long[] counts = h.counts();
        double[] x = h.edges();
        double[] y = new double[x.length];
        for (int i = 0; i < counts.length; i++) {
            y[i] = counts[i];
        }
        y[y.length - 1] = counts[counts.length - 1];
        XYSeries series = chart.addSeries(h.label(), x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        return chart;
    }

    /** Charts of more points than this average consecutive rows into this many points. */
    public static final int MAX_LINE_POINTS = 1000;

    /**
     * Line chart of numeric columns of a table against one of its columns, e.g. the losses of a training history:
     * {@code Charts.lines(history, "step", "lossD", "lossG")}. Longer tables are averaged over consecutive rows down
     * to {@value #MAX_LINE_POINTS} points, so drawing stays cheap and noisy curves readable; an empty table gives an
     * empty chart with the same series.
     *
     * @param table   the data
     * @param x       the column for the x axis (numeric)
     * @param columns the columns to draw (numeric), one series each
     * @return the chart, titled with the table's name
     * @throws IllegalArgumentException if a column is missing or not numeric
     */
    public static XYChart lines(Table table, String x, String... columns) {
        return lines(table == null ? null : table.name(), table, x, columns);
    }

    /**
     * {@link #lines(Table, String, String...)} with a title of your own, e.g. to compare runs side by side:
     * {@code Charts.sideBySide(Charts.lines("hinge", a.history(), "step", "lossD", "lossG"), ...)}.
     *
     * @param title   the chart's title
     * @param table   the data
     * @param x       the column for the x axis (numeric)
     * @param columns the columns to draw (numeric), one series each
     * @return the chart
     * @throws IllegalArgumentException if a column is missing or not numeric
     */
    public static XYChart lines(String title, Table table, String x, String... columns) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("columns must name at least one column to draw");
        }
        double[] xs = numeric(table, x);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x)
                .yAxisTitle(columns.length == 1 ? columns[0] : "value").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        chart.getStyler().setMarkerSize(0);
        int bucket = Math.max(1, (xs.length + MAX_LINE_POINTS - 1) / MAX_LINE_POINTS);
        double[] bx = buckets(xs, bucket);
        if (bx.length >= 2 && bx[1] > bx[0]) {
            // XChart puts a tick on every k-th point of equally spaced x values, packed until the labels touch; an
            // axis that starts half a spacing early is not on that grid, so it gets round tick values instead
            chart.getStyler().setXAxisMin(bx[0] - 0.5 * (bx[1] - bx[0]));
        }
        for (String c : columns) {
            double[] ys = buckets(numeric(table, c), bucket);
            XYSeries s = chart.addSeries(c, bx.length == 0 ? new double[] {0} : bx,
                    ys.length == 0 ? new double[] {Double.NaN} : ys);
            s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        return chart;
    }

    private static double[] numeric(Table table, String name) {
        if (!table.containsColumn(name)) {
            throw new IllegalArgumentException("table " + table.name() + " has no column \"" + name + "\" (columns: "
                    + table.columnNames() + ")");
        }
        Column<?> column = table.column(name);
        if (!(column instanceof NumericColumn)) {
            throw new IllegalArgumentException("column \"" + name + "\" of table " + table.name()
                    + " is not numeric but " + column.type());
        }
        return ((NumericColumn<?>) column).asDoubleArray();
    }

    private static double[] buckets(double[] v, int size) {
        if (size == 1) {
            return v;
        }
        double[] out = new double[(v.length + size - 1) / size];
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            int from = b * size;
            int to = Math.min(v.length, from + size);
            for (int i = from; i < to; i++) {
                sum += v[i];
            }
            out[b] = sum / (to - from);
        }
        return out;
    }

    /**
     * The raw and the normalised pixel histogram of a dataset side by side, as one image: the shape is the
     * same, only the axis changes — normalisation is a relabelling of the values, not a change of the data.
     *
     * @param dataset the images
     * @return an image of the two charts
     */
    public static BufferedImage pixelHistograms(ImageDataset dataset) {
        XYChart raw = pixelHistogram(dataset, PixelScale.RAW);
        XYChart normalised = pixelHistogram(dataset, PixelScale.NORMALISED);
        for (XYChart c : List.of(raw, normalised)) {
            c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        }
        return sideBySide(WIDTH / 2 + 120, HEIGHT, raw, normalised);
    }

    /**
     * Renders charts next to each other into one image, each at its own size.
     *
     * @param charts the charts
     * @return the image
     */
    public static BufferedImage sideBySide(Chart<?, ?>... charts) {
        List<BufferedImage> images = new ArrayList<>();
        for (Chart<?, ?> c : charts) {
            images.add(BitmapEncoder.getBufferedImage(c));
        }
        return join(images);
    }

    private static BufferedImage sideBySide(int width, int height, XYChart... charts) {
        List<BufferedImage> images = new ArrayList<>();
        for (XYChart c : charts) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                c.paint(g, width, height);
            } finally {
                g.dispose();
            }
            images.add(img);
        }
        return join(images);
    }

    private static BufferedImage join(List<BufferedImage> images) {
        int w = images.stream().mapToInt(BufferedImage::getWidth).sum();
        int h = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = new BufferedImage(Math.max(1, w), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), h);
            int x = 0;
            for (BufferedImage img : images) {
                g.drawImage(img, x, 0, null);
                x += img.getWidth();
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void style(AxesChartStyler s) {
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
        s.setAntiAlias(true);
    }
}
