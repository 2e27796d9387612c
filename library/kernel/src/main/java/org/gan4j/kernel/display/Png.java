package org.gan4j.kernel.display;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;

/** PNG output for display data: charts drawn at 2× and shown at 1× size, so they stay crisp on high-DPI screens. */
public final class Png {

    /** Charts are drawn at this multiple of their size. */
    public static final int CHART_SCALE = 2;

    private Png() {
    }

    /**
     * @param chart an XChart chart
     * @return the chart drawn at {@value #CHART_SCALE}× its width and height
     */
    public static BufferedImage chart(Chart<?, ?> chart) {
        int w = chart.getWidth();
        int h = chart.getHeight();
        BufferedImage image = new BufferedImage(w * CHART_SCALE, h * CHART_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(CHART_SCALE, CHART_SCALE);
            chart.paint(g, w, h);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Puts {@code image} as base64 PNG into {@code data}, with width/height metadata when it should show smaller
     * than its pixel size.
     *
     * @param data          the display data
     * @param image         the image
     * @param displayWidth  width to show in CSS pixels (0 = pixel width)
     * @param displayHeight height to show in CSS pixels (0 = pixel height)
     */
    public static void put(DisplayData data, BufferedImage image, int displayWidth, int displayHeight) {
        data.putData(MIMEType.IMAGE_PNG, base64(image));
        if (displayWidth > 0 && displayHeight > 0
                && (displayWidth != image.getWidth() || displayHeight != image.getHeight())) {
            data.putMetaData(MIMEType.IMAGE_PNG, Map.of("width", displayWidth, "height", displayHeight));
        }
    }

    /**
     * Puts a chart as a 2× PNG shown at the chart's size.
     *
     * @param data  the display data
     * @param chart the chart
     */
    public static void putChart(DisplayData data, Chart<?, ?> chart) {
        put(data, chart(chart), chart.getWidth(), chart.getHeight());
    }

    /**
     * @param image an image
     * @return its PNG bytes in base64, as Jupyter expects for {@code image/png}
     */
    public static String base64(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
