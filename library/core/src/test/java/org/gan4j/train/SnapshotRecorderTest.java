package org.gan4j.train;

import org.gan4j.viz.ScatterPlots;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.gan4j.train.listeners.SnapshotRecorder;

class SnapshotRecorderTest {

    @Test
    void keepsSnapshotsInOrderAndDrawsAtMostTheAskedPanels() {
        SnapshotRecorder recorder = new SnapshotRecorder();
        for (int step = 100; step <= 1000; step += 100) {
            recorder.onSnapshot(new Snapshot(step, 0, Nd4j.rand(16, 2), null));
        }
        assertEquals(10, recorder.snapshots().size());
        assertEquals(1000, recorder.last().step());
        BufferedImage sheet = recorder.scatter(Nd4j.rand(32, 2), 3);
        assertEquals(3 * ScatterPlots.PANEL_SIZE, sheet.getWidth());
        assertTrue(recorder.toString().contains("10 snapshots"), recorder.toString());
    }

    @Test
    void emptyRecorderSaysHowToGetSnapshots() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SnapshotRecorder().last());
        assertTrue(e.getMessage().contains("snapshotEvery"), e.getMessage());
    }
}
