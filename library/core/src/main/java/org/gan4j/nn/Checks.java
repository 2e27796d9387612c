package org.gan4j.nn;

import java.util.List;

/** Argument checks shared by the specifications: one clear message naming the parameter. */
final class Checks {
    private Checks() {
    }

    static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    static List<Integer> widths(String name, List<Integer> widths) {
        if (widths == null || widths.isEmpty()) {
            throw new IllegalArgumentException(name + " must list at least one layer width, got " + widths);
        }
        for (Integer w : widths) {
            if (w == null || w <= 0) {
                throw new IllegalArgumentException(name + " must contain only positive widths, got " + widths);
            }
        }
        return List.copyOf(widths);
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static double leakySlope(double slope) {
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("leakySlope must be in [0, 1), got " + slope);
        }
        return slope;
    }

    static LabelConditioning conditioning(LabelConditioning conditioning, int numClasses) {
        if (conditioning == null) {
            throw new IllegalArgumentException("conditioning must be CONCATENATION or PROJECTION, got null");
        }
        if (conditioning == LabelConditioning.PROJECTION && numClasses == 0) {
            throw new IllegalArgumentException("conditioning PROJECTION needs numClasses > 0, got 0");
        }
        return conditioning;
    }
}
