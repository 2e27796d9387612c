package org.gan4j.invert;

import java.util.Locale;

/** Hears a {@link Projector}'s progress: its start, every step, and the result. */
@FunctionalInterface
public interface ProjectionListener {

    /** Called before the first step of a projection of {@code steps} steps. */
    default void onStart(int steps) {
    }

    /**
     * Called after step {@code step} (0-based) of {@code steps}.
     *
     * @param loss the mean over the images of the best restart's loss at this step (pixel and feature distance)
     */
    void onStep(int step, int steps, double loss);

    /** Called with the result, also after an interrupt ({@link Projection#interrupted()}). */
    default void onEnd(Projection projection) {
    }

    /** A listener that prints the step and the loss every {@code every} steps and at the last step. */
    static ProjectionListener printing(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, got " + every);
        }
        return (step, steps, loss) -> {
            if ((step + 1) % every == 0 || step == steps - 1) {
                System.out.printf(Locale.ROOT, "projection step %d/%d  loss %.5f%n", step + 1, steps, loss);
            }
        };
    }
}
