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

    private static NativeGarbage scripted(long budgetMib, long... readingsMib) {
        Iterator<Long> readings = Arrays.stream(readingsMib).boxed().iterator();
        return NativeGarbage.of(budgetMib * MIB, () -> readings.next() * MIB, () -> { });
    }

    private static List<Integer> run(NativeGarbage garbage, int steps) {
        List<Integer> collected = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            if (garbage.afterStep()) {
                collected.add(step);
            }
        }
        assertEquals(collected.size(), garbage.collections());
        return collected;
    }

    @Test
    void collectsOnlyWhenGrowthOverTheFirstReadingExceedsTheBudget() {
        // level 400; 656 is exactly the budget above it (no collection), 657 is over it
        assertEquals(List.of(3), collectingSteps(256, 400, 500, 656, 657));
    }

    @Test
    void theLevelIsReadOneStepAfterACollectionAndTheGrowthsStepsBecomeTheInterval() {
        // collects at step 2 (700 over the level 400 after 3 steps: interval 3); 650 (buffers not yet freed) is the
        // new level, and 3 steps later it collects again although 652 is within the budget
        assertEquals(List.of(2, 5), collectingSteps(256, 400, 600, 700, 650, 651, 652));
    }

    @Test
    void memoryThatStaysUpAfterACollectionStillCollectsEveryInterval() {
        // a C heap that keeps freed memory: resident memory stops growing once the freed buffers are reused
        assertEquals(List.of(3, 7, 11),
                collectingSteps(256, 400, 500, 600, 700, 700, 700, 700, 700, 700, 700, 700, 700));
    }

    @Test
    void fasterGrowthShortensTheIntervalByAtMostHalf() {
        NativeGarbage garbage = scripted(256, 400, 500, 600, 700, 700, 1000, 1000, 1000, 1000, 1000);
        List<Integer> steps = run(garbage, 10);
        // interval 4 from steps 0-3; growth past the budget 2 steps after the level at step 4: interval 2
        assertEquals(List.of(3, 5, 7, 9), steps);
        assertEquals(2, garbage.interval());
        NativeGarbage spike = scripted(256, 400, 400, 400, 400, 400, 400, 400, 400, 700, 700, 1100, 1100, 1100);
        List<Integer> spikeSteps = run(spike, 13);
        // interval 9 from steps 0-8 (700 at step 8); a spike one step after the next level (step 10) halves it
        assertEquals(List.of(8, 10), spikeSteps.subList(0, 2));
        assertEquals(4, spike.interval(), "halved, not cut to the 1 step the spike took");
    }

    @Test
    void aLoopThatMakesLittleGarbageIsNeverInterrupted() {
        assertEquals(List.of(), collectingSteps(256, 300, 310, 320, 330, 340, 350, 360, 370, 380, 390));
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
