package org.gan4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The watch's decisions, driven reading by reading with made-up resident sizes (no thread, no clock). */
class MemoryWatchTest {
    private static final long MIB = 1L << 20;

    /**
     * Feeds the readings (MiB) to a watch with the given limit and returns, per reading, "-", "collect" or "trim",
     * then the threshold (MiB) after the last reading.
     */
    private static List<String> drive(long limit, long... readingsMib) {
        List<String> log = new ArrayList<>();
        int[] index = {0};
        MemoryWatch watch = MemoryWatch.manual(limit, () -> readingsMib[index[0]] * MIB,
                () -> log.set(index[0], "collect"), () -> log.set(index[0], "trim"));
        for (index[0] = 0; index[0] < readingsMib.length; index[0]++) {
            log.add("-");
            watch.read();
        }
        log.add("threshold " + watch.threshold() / MIB);
        return log;
    }

    @Test
    void belowTheLimitNothingHappens() {
        assertEquals(List.of("-", "-", "-", "-", "threshold 1000"), drive(1000 * MIB, 10, 500, 999, 1000));
    }

    @Test
    void crossingTheLimitCollectsThenTrimsThenWatchesAgainAtTheLimit() {
        // 1100 > 1000: collect; next reading: trim; next: 400 is under the limit, so the threshold stays the limit
        assertEquals(List.of("-", "collect", "trim", "-", "-", "collect", "threshold 1000"),
                drive(1000 * MIB, 900, 1100, 1100, 400, 900, 1001));
    }

    @Test
    void whatIsAliveAboveTheLimitMovesTheThresholdUpByAQuarterOfTheLimit() {
        // after the trim 1200 MiB are still resident: collecting again would free nothing, so the next collection
        // waits for 1200 + 250 MiB; a later trim that ends under the limit brings the threshold back to it
        assertEquals(List.of("collect", "trim", "-", "-", "-", "collect", "trim", "-", "threshold 1000"),
                drive(1000 * MIB, 1300, 1250, 1200, 1300, 1450, 1451, 1400, 800));
        assertEquals(List.of("collect", "trim", "-", "-", "threshold 1450"),
                drive(1000 * MIB, 1300, 1250, 1200, 1449));
    }

    @Test
    void theHeadroomIsAtLeast64MiB() {
        // a quarter of 100 MiB is 25 MiB; the headroom is 64 MiB
        assertEquals(List.of("collect", "trim", "-", "-", "threshold 214"), drive(100 * MIB, 200, 160, 150, 214));
    }

    @Test
    void aFailingReadingOrTrimDoesNotStopTheWatch() {
        long[] readings = {2000, 2000, 500};
        int[] i = {0};
        int[] collections = {0};
        MemoryWatch watch = MemoryWatch.manual(1000 * MIB, () -> {
            if (i[0] == 0) {
                i[0]++;
                throw new IllegalStateException("no /proc");
            }
            return readings[i[0]++] * MIB;
        }, () -> collections[0]++, () -> {
            throw new UnsatisfiedLinkError("no malloc_trim");
        });
        watch.read();   // the reading fails: nothing
        watch.read();   // 2000: collect
        watch.read();   // trim fails
        watch.read();   // 500 after the trim: the threshold is the limit
        assertEquals(1, collections[0]);
        assertEquals(1, watch.collections());
        assertEquals(1000 * MIB, watch.threshold());
    }

    @Test
    void limitsParseInJavaCppNotationAndBadOnesNameTheProperty() {
        assertEquals(1200 * MIB, MemoryWatch.parseLimit("1200m"));
        assertEquals(2L << 30, MemoryWatch.parseLimit(" 2g "));
        for (String bad : new String[] {"lots", "0", "-5m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemoryWatch.parseLimit(bad));
            assertTrue(e.getMessage().contains("-Dgan4j.memory.limit") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MemoryWatch.manual(0, () -> 0, () -> { }, () -> { }));
    }
}
