package org.gan4j.train;

import java.util.Locale;

/**
 * How long the course's notebooks and scripts train: {@link #QUICK} just shows the mechanics in a couple of minutes
 * on a small CPU, {@link #FULL} trains for real. Read from the environment variable {@value #VARIABLE}
 * ({@code quick} or {@code full}, any case; unset or blank = quick).
 *
 * <pre>{@code
 * var mode = RunMode.current();
 * int steps = mode.choose(300, 4000);
 * }</pre>
 */
public enum RunMode {
    /** Short runs that show the mechanics (blurry results are expected). */
    QUICK,
    /** Real training runs. */
    FULL;

    /** The environment variable that selects the mode. */
    public static final String VARIABLE = "GAN4J_MODE";

    /** @return the mode named by {@value #VARIABLE}, {@link #QUICK} when it is unset */
    public static RunMode current() {
        return parse(System.getenv(VARIABLE));
    }

    /**
     * @param value {@code quick}, {@code full} (any case), or null/blank for quick
     * @return the mode
     * @throws IllegalArgumentException for any other value, naming the variable
     */
    public static RunMode parse(String value) {
        if (value == null || value.isBlank()) {
            return QUICK;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException(VARIABLE + " must be 'quick' or 'full', got '" + value + "'");
        };
    }

    /**
     * @param quick the value in quick mode
     * @param full  the value in full mode
     * @param <T>   the value's type
     * @return {@code quick} or {@code full}, by this mode
     */
    public <T> T choose(T quick, T full) {
        return this == QUICK ? quick : full;
    }

    /**
     * @param quick the value in quick mode
     * @param full  the value in full mode
     * @return {@code quick} or {@code full}, by this mode
     */
    public int choose(int quick, int full) {
        return this == QUICK ? quick : full;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
