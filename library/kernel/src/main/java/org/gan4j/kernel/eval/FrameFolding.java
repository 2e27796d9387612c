package org.gan4j.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds runs of repeated stack frames (deep recursion, a {@code StackOverflowError}'s ~1 000 identical frames) into
 * one copy of the repeating frames and a line saying how many more there were.
 */
final class FrameFolding {

    /** Longest cycle of frames recognised (mutual recursion through up to this many methods). */
    static final int MAX_CYCLE = 16;
    /** A cycle is folded only when it occurs at least this many times in a row. */
    static final int MIN_REPEATS = 3;

    private FrameFolding() {
    }

    /**
     * @param frames formatted frame lines, outermost call last
     * @return the same lines with each run of at least {@value #MIN_REPEATS} consecutive repeats of a cycle of up to
     *         {@value #MAX_CYCLE} lines shown once, followed by {@code "\t... N more identical frames"} (a cycle of one
     *         frame) or {@code "\t... N more frames repeating the K above"}
     */
    static List<String> fold(List<String> frames) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = frames.size();
        while (i < n) {
            int bestCycle = 0;
            int bestRepeats = 0;
            for (int cycle = 1; cycle <= MAX_CYCLE && i + cycle * MIN_REPEATS <= n; cycle++) {
                int repeats = 1;
                while (i + (repeats + 1) * cycle <= n && sameBlock(frames, i, i + repeats * cycle, cycle)) {
                    repeats++;
                }
                if (repeats >= MIN_REPEATS && repeats * cycle > bestRepeats * bestCycle) {
                    bestCycle = cycle;
                    bestRepeats = repeats;
                }
            }
            if (bestCycle == 0) {
                out.add(frames.get(i));
                i++;
                continue;
            }
            out.addAll(frames.subList(i, i + bestCycle));
            int more = (bestRepeats - 1) * bestCycle;
            out.add(bestCycle == 1
                    ? String.format(Locale.ROOT, "\t... %d more identical frames", more)
                    : String.format(Locale.ROOT, "\t... %d more frames repeating the %d above", more, bestCycle));
            i += bestRepeats * bestCycle;
        }
        return out;
    }

    private static boolean sameBlock(List<String> frames, int a, int b, int length) {
        for (int k = 0; k < length; k++) {
            if (!frames.get(a + k).equals(frames.get(b + k))) {
                return false;
            }
        }
        return true;
    }
}
