package org.gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PixelsTest {

    @Test
    void endsAndMiddle() {
        assertEquals(-1f, Pixels.normalise(0));
        assertEquals(1f, Pixels.normalise(255));
        assertEquals(0f, Pixels.normalise(127) + Pixels.normalise(128), 1e-6f);
        assertEquals(0, Pixels.toByte(-1f));
        assertEquals(255, Pixels.toByte(1f));
        assertEquals(128, Pixels.toByte(0f)); // 127.5 rounds up
    }

    @Test
    void roundTripsEveryByte() {
        for (int b = 0; b < 256; b++) {
            float v = Pixels.normalise(b);
            assertEquals(b, Pixels.toByte(v), "byte " + b);
            assertEquals(true, v >= -1f && v <= 1f);
        }
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        assertArrayEquals(all, Pixels.toBytes(Pixels.normalise(all)));
    }

    @Test
    void clampsOutOfRangeAndNaN() {
        assertEquals(0, Pixels.toByte(-3f));
        assertEquals(255, Pixels.toByte(1.2f));
        assertEquals(0, Pixels.toByte(Float.NaN));
        assertEquals(255, Pixels.toByte(Float.POSITIVE_INFINITY));
    }

    @Test
    void mapIsNotTheBuggyTimesTwo() {
        // (x + 1) / 2 * 255, not (x + 1) * 2 * 255: mid-grey stays mid-grey
        assertEquals(64, Pixels.toByte(-0.5f));
        assertEquals(191, Pixels.toByte(0.5f));
    }
}
