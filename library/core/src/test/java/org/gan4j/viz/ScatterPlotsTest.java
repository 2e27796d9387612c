package org.gan4j.viz;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScatterPlotsTest {

    private static final INDArray REAL = Nd4j.createFromArray(new float[][] {{2, 0}, {0, 2}, {-2, 0}, {0, -2}});
    private static final INDArray FAKE = Nd4j.createFromArray(new float[][] {{0.1f, 0.2f}, {3, 1}});

    @Test
    void chartHasTheRealAndGeneratedPointsOnEqualAxes() {
        XYChart chart = ScatterPlots.of(REAL, FAKE, "step 10");
        assertEquals(2, chart.getSeriesMap().size());
        double[] xs = chart.getSeriesMap().get("generated").getXData();
        assertArrayEquals(new double[] {0.1, 3}, xs, 1e-6);
        assertEquals(4, chart.getSeriesMap().get("real").getYData().length);
        assertEquals(chart.getStyler().getXAxisMax(), chart.getStyler().getYAxisMax());
        assertTrue(chart.getStyler().getXAxisMax() >= 3, "axes hold every point");
        assertEquals("step 10", chart.getTitle());
    }

    @Test
    void sequenceLaysOutPanelsInRowsOfFour() {
        BufferedImage five = ScatterPlots.sequence(REAL, List.of(FAKE, FAKE, FAKE, FAKE, FAKE),
                List.of("a", "b", "c", "d", "e"));
        assertEquals(4 * ScatterPlots.PANEL_SIZE, five.getWidth());
        assertEquals(2 * ScatterPlots.PANEL_SIZE, five.getHeight());
        BufferedImage two = ScatterPlots.sequence(REAL, List.of(FAKE, FAKE), List.of("a", "b"));
        assertEquals(2 * ScatterPlots.PANEL_SIZE, two.getWidth());
    }

    @Test
    void wrongShapesAndMismatchedTitlesAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScatterPlots.of(REAL, Nd4j.zeros(3, 3), "x"));
        assertTrue(e.getMessage().contains("generated points of shape [n, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ScatterPlots.sequence(REAL, List.of(FAKE), List.of("a", "b")));
        assertTrue(e.getMessage().contains("1 sets and 2 titles"), e.getMessage());
    }
}
