package org.gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DataSummaryTest {

    @Test
    void classBalanceTable() {
        ImageDataset ds = ImageDatasetTest.sample(5); // labels 0,1,2,0,1
        Table t = DataSummary.classBalance(ds);
        assertEquals(List.of("class", "name", "count", "share"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals("y", t.stringColumn("name").get(1));
        assertEquals(2, t.intColumn("count").get(1));
        assertEquals(1, t.intColumn("count").get(2));
        assertEquals(0.2, t.doubleColumn("share").get(2), 1e-12);
        assertTrue(t.print().contains("20.0%"), t.print());
    }

    @Test
    void pixelStatsOnBothScales() {
        // two 1x1x2 images: bytes 0, 255 | 255, 255 -> mean byte 191.25
        float[] p = {Pixels.normalise(0), Pixels.normalise(255), Pixels.normalise(255), Pixels.normalise(255)};
        ImageDataset ds = ImageDataset.of(p, new int[] {0, 0}, List.of("a"), 1, 1, 2, "t");
        Table t = DataSummary.pixelStats(ds);
        assertEquals(2, t.rowCount());
        assertEquals(0.0, t.doubleColumn("min").get(0), 1e-4);
        assertEquals(255.0, t.doubleColumn("max").get(0), 1e-4);
        assertEquals(191.25, t.doubleColumn("mean").get(0), 1e-3);
        assertEquals(0.5, t.doubleColumn("mean").get(1), 1e-6);
        assertEquals(-1.0, t.doubleColumn("min").get(1), 1e-6);
        assertEquals(Math.sqrt(0.75), t.doubleColumn("std").get(1), 1e-6);
        assertEquals(0.25, t.doubleColumn("black").get(1), 1e-12);
    }

    @Test
    void histogramShapeIsTheSameOnBothScales() {
        float[] p = new float[256 * 3];
        for (int b = 0; b < 256; b++) {
            p[b] = Pixels.normalise(b);
            p[256 + b] = Pixels.normalise(b);
            p[512 + b] = Pixels.normalise(b / 16);
        }
        ImageDataset ds = ImageDataset.of(p, new int[] {0, 0, 0}, List.of("a"), 1, 16, 16, "t");
        Histogram raw = DataSummary.pixelHistogram(ds, PixelScale.RAW, 32);
        Histogram norm = DataSummary.pixelHistogram(ds, PixelScale.NORMALISED, 32);
        assertArrayEquals(raw.counts(), norm.counts());
        assertEquals(768, raw.total());
        assertEquals(0.0, raw.lower());
        assertEquals(-1.0, norm.lower());
        assertEquals(16 + 128, raw.counts()[0]); // bytes 0..7 twice, plus the 128 values 0..7 of the third image
        assertEquals(16, raw.counts()[31]);
        assertEquals(33, raw.edges().length);
        assertEquals(1.0, norm.edges()[32], 1e-12);
    }
}
