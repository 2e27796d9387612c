package org.gan4j.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class FrameFoldingTest {

    @Test
    void aThousandIdenticalFramesBecomeOneFrameAndACount() {
        List<String> frames = new ArrayList<>(Collections.nCopies(1000, "\tat f(cell [1], line 1)"));
        frames.add("\tat main(cell [2], line 1)");
        assertEquals(List.of("\tat f(cell [1], line 1)", "\t... 999 more identical frames",
                "\tat main(cell [2], line 1)"), FrameFolding.fold(frames));
    }

    @Test
    void mutualRecursionFoldsItsCycle() {
        List<String> frames = new ArrayList<>(List.of("top"));
        for (int i = 0; i < 10; i++) {
            frames.add("a");
            frames.add("b");
        }
        frames.add("a"); // a partial cycle stays as it is
        assertEquals(List.of("top", "a", "b", "\t... 18 more frames repeating the 2 above", "a"),
                FrameFolding.fold(frames));
    }

    @Test
    void twoRepeatsAndDistinctFramesAreLeftAlone() {
        List<String> frames = List.of("a", "a", "b", "c", "b", "c");
        assertEquals(frames, FrameFolding.fold(frames));
    }
}
