package org.gan4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NativeGarbage} with scripted resident-memory readings and a counting collector (no real collection). */
class NativeGarbageTest {
    private static final long MIB = 1L << 20;

    /** Feeds one scripted reading (in MiB) per step and records the steps after which it collected. */
    private static List<Integer> collectingSteps(long budgetMib, long... readingsMib) {
        Iterator<Long> readings = Arrays.stream(readingsMib).boxed().iterator();
        int[] collected = {0};
        NativeGarbage garbage = NativeGarbage.of(budgetMib * MIB, () -> readings.next() * MIB, () -> collected[0]++);
        List<Integer> steps = new ArrayList<>();
        for (int step = 0; step < readingsMib.length; step++) {
            if (garbage.afterStep()) {
                steps.add(step);
            }
        }
        assertEquals(steps.size(), collected[0], "afterStep's answer matches the collector's calls");
        assertEquals(steps.size(), garbage.collections());
        return steps;
    }

    @Test
    void collectsOnlyWhenGrowthOverTheFirstReadingExceedsTheBudget() {
        // level 400; 656 is exactly the budget above it (no collection), 657 is over it
        assertEquals(List.of(3), collectingSteps(256, 400, 500, 656, 657));
    }

    @Test
    void afterACollectionTheNextReadingIsTheNewLevel() {
        // collects at 700 (level 400); the next reading 650 (buffers not yet freed) becomes the level, so 800 is
        // within budget and 907 is over it
        assertEquals(List.of(2, 6), collectingSteps(256, 400, 600, 700, 650, 800, 906, 907));
    }

    @Test
    void aLoopThatMakesLittleGarbageIsNeverInterrupted() {
        assertEquals(List.of(), collectingSteps(256, 300, 310, 320, 330, 340, 350, 360, 370, 380, 390));
    }

    @Test
    void aLevelThatStaysHighAfterACollectionDoesNotCauseACollectionEveryStep() {
        // the run keeps 1 000 MiB alive after collecting: the level moves up with it
        assertEquals(List.of(1), collectingSteps(256, 700, 1000, 1000, 1010, 1020, 1030, 1040));
    }

    @Test
    void theStandardBudgetIs256MiB() {
        assertEquals(256 * MIB, NativeGarbage.standard().budget());
        assertFalse(NativeGarbage.standard().afterStep(), "the first call only reads the level");
    }

    @Test
    void badArgumentsGetOneClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeGarbage.withBudget(0));
        assertTrue(e.getMessage().contains("budget must be > 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NativeGarbage.of(MIB, null, () -> { }));
    }
}
