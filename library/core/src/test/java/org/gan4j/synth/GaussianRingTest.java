package org.gan4j.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gan4j.train.TrainingSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class GaussianRingTest {

    @Test
    void realSamplesScoreAsPerfect() {
        GaussianRing ring = GaussianRing.standard();
        TrainingSet data = ring.sample(4000, 1);
        assertArrayEquals(new long[]{4000, 2}, data.features().shape());
        assertEquals(8, data.numClasses());
        RingMetrics m = ring.evaluate(data.features());
        assertEquals(8, m.modesCovered());
        // within 3σ in 2-D: 1 - exp(-4.5) = 98.9%
        assertEquals(0.989, m.highQualityFraction(), 0.01);
        assertTrue(ring.labelAccuracy(data.features(), data.labels()) > 0.98);
        assertEquals(data, ring.sample(4000, 1), "same seed, same data");
    }

    @Test
    void collapsedOrScatteredSamplesScoreBadly() {
        GaussianRing ring = GaussianRing.standard();
        RingMetrics collapsed = ring.evaluate(Nd4j.create(new double[]{2, 0}, new long[]{1, 2}, DataType.DOUBLE)
                .repeat(0, 100));
        assertEquals(1, collapsed.modesCovered());
        assertEquals(1.0, collapsed.highQualityFraction());
        RingMetrics origin = ring.evaluate(Nd4j.zeros(DataType.FLOAT, 100, 2));
        assertEquals(0, origin.modesCovered());
        assertEquals(0.0, origin.highQualityFraction());
        assertEquals(-1, ring.assign(Nd4j.create(new float[][]{{2.1f, 0}}))[0], "5σ away is not high quality");
    }

    @Test
    void badArgumentsFailClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GaussianRing(1, 2, 0.1));
        assertTrue(e.getMessage().contains("modes"));
        e = assertThrows(IllegalArgumentException.class,
                () -> GaussianRing.standard().evaluate(Nd4j.zeros(DataType.FLOAT, 5, 3)));
        assertTrue(e.getMessage().contains("[n, 2]") && e.getMessage().contains("[5, 3]"), e.getMessage());
    }
}
