package org.gan4j.viz;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Scatter plots of two-dimensional samples over the real data: how a generator's points sit on (or miss) the data
 * distribution, e.g. the Gaussian ring of the first-GAN notebook.
 *
 * <pre>{@code
 * ScatterPlots.of(real, generated, "step 800")                       // one XYChart
 * ScatterPlots.sequence(real, List.of(s1, s2, s3), List.of("100", "400", "800"))  // small multiples, one image
 * }</pre>
 */
public final class ScatterPlots {

    /** Width and height of one plot of {@link #of}, in pixels. */
    public static final int SIZE = 420;
    /** Width and height of one panel of {@link #sequence}, in pixels. */
    public static final int PANEL_SIZE = 260;

    private static final Color REAL = new Color(0x9e, 0x9e, 0x9e);
    private static final Color GENERATED = new Color(0xd6, 0x27, 0x28);

    private ScatterPlots() {
    }

    /**
     * Real points in grey, generated points in red, equal axes covering both.
     *
     * @param real      {@code [n, 2]} real samples
     * @param generated {@code [m, 2]} generated samples
     * @param title     the chart's title
     * @return the chart, {@value #SIZE}×{@value #SIZE}
     * @throws IllegalArgumentException if either array is not {@code [n, 2]}
     */
    public static XYChart of(INDArray real, INDArray generated, String title) {
        return chart(real, generated, title, SIZE, true);
    }

    /**
     * Small multiples: one panel per generated set, side by side (wrapping after four), all on the same axes, so
     * that the generator's progress reads left to right.
     *
     * @param real      {@code [n, 2]} real samples, drawn under every panel
     * @param generated the generated sets, each {@code [m, 2]}
     * @param titles    a title per panel (e.g. {@code "step 400"})
     * @return one image
     * @throws IllegalArgumentException if the lists' sizes differ, are empty, or an array is not {@code [n, 2]}
     */
    public static BufferedImage sequence(INDArray real, List<INDArray> generated, List<String> titles) {
        if (generated.isEmpty() || generated.size() != titles.size()) {
            throw new IllegalArgumentException("expected as many titles as generated sets (at least one), got "
                    + generated.size() + " sets and " + titles.size() + " titles");
        }
        double limit = limit(real);
        for (INDArray g : generated) {
            limit = Math.max(limit, limit(g));
        }
        int columns = Math.min(4, generated.size());
        int rows = (generated.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * PANEL_SIZE, rows * PANEL_SIZE, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g2 = sheet.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int i = 0; i < generated.size(); i++) {
                XYChart chart = chart(real, generated.get(i), titles.get(i), PANEL_SIZE, false);
                chart.getStyler().setXAxisMin(-limit).setXAxisMax(limit).setYAxisMin(-limit).setYAxisMax(limit);
                g2.drawImage(BitmapEncoder.getBufferedImage(chart), (i % columns) * PANEL_SIZE,
                        (i / columns) * PANEL_SIZE, null);
            }
        } finally {
            g2.dispose();
        }
        return sheet;
    }

    private static XYChart chart(INDArray real, INDArray generated, String title, int size, boolean legend) {
        double[][] r = columns(real, "real");
        double[][] g = columns(generated, "generated");
        double limit = Math.max(limit(real), limit(generated));
        XYChart chart = new XYChartBuilder().width(size).height(size).title(title).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        chart.getStyler().setLegendVisible(legend);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setXAxisMin(-limit).setXAxisMax(limit).setYAxisMin(-limit).setYAxisMax(limit);
        chart.getStyler().setAxisTicksVisible(legend);
        chart.getStyler().setSeriesColors(new Color[] {REAL, GENERATED});
        chart.addSeries("real", r[0], r[1]).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("generated", g[0], g[1]).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    private static double[][] columns(INDArray points, String name) {
        if (points == null || points.rank() != 2 || points.size(1) != 2 || points.size(0) == 0) {
            throw new IllegalArgumentException("expected " + name + " points of shape [n, 2], got "
                    + (points == null ? "null" : java.util.Arrays.toString(points.shape())));
        }
        int n = (int) points.size(0);
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            xy[0][i] = points.getDouble(i, 0);
            xy[1][i] = points.getDouble(i, 1);
        }
        return xy;
    }

    /** Half-width of square axes that hold every point with a 10% margin (at least 1). */
    private static double limit(INDArray points) {
        double max = 1;
        if (points != null && points.length() > 0) {
            max = Math.max(max, Math.abs(points.maxNumber().doubleValue()));
            max = Math.max(max, Math.abs(points.minNumber().doubleValue()));
        }
        double limit = Math.min(max, 50) * 1.1;
        return Math.ceil(limit * 2) / 2;
    }

}
