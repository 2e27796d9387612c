package org.gan4j.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.PixelScale;
import org.gan4j.data.Split;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartsTest {

    @Test
    void classBalanceHasOneBarPerClass() {
        ImageDataset ds = ImageGridTest.sample(5);
        CategoryChart chart = Charts.classBalance(ds);
        assertEquals(1, chart.getSeriesMap().size());
        CategorySeries s = chart.getSeriesMap().get("images");
        List<Object> x = new ArrayList<>(s.getXData());
        List<Number> y = new ArrayList<>(s.getYData());
        assertEquals(List.of("first", "second", "third"), x);
        assertEquals(List.of(2, 2, 1), y);
        assertEquals(Charts.WIDTH, chart.getWidth());
        assertTrue(chart.getTitle().contains("5 images"), chart.getTitle());
        BufferedImage img = BitmapEncoder.getBufferedImage(chart); // renders headless
        assertEquals(Charts.HEIGHT, img.getHeight());
    }

    @Test
    void pixelHistogramsCountEveryPixel() {
        ImageDataset test = FashionMnist.embedded(Split.TEST);
        long pixels = (long) test.size() * 28 * 28;
        for (PixelScale scale : PixelScale.values()) {
            XYChart chart = Charts.pixelHistogram(test, scale);
            assertEquals(1, chart.getSeriesMap().size());
            XYSeries s = chart.getSeriesMap().values().iterator().next();
            double[] x = s.getXData();
            double[] y = s.getYData();
            assertEquals(Charts.DEFAULT_BINS + 1, x.length); // bin edges
            assertEquals(scale.lower(), x[0]);
            assertEquals(scale.upper(), x[x.length - 1], 1e-9);
            double total = 0;
            for (int i = 0; i < y.length - 1; i++) {
                total += y[i];
            }
            assertEquals(pixels, (long) total, scale.name());
            assertTrue(y[0] > y[1], "the black background dominates the first bin");
            assertTrue(chart.getTitle().contains(scale.description()), chart.getTitle());
        }
    }

    @Test
    void rawAndNormalisedSideBySide() {
        BufferedImage img = Charts.pixelHistograms(ImageGridTest.sample(3));
        assertEquals(2 * (Charts.WIDTH / 2 + 120), img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
    }
}
