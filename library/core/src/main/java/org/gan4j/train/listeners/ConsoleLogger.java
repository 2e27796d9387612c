package org.gan4j.train.listeners;

import java.io.PrintStream;
import org.gan4j.train.GanResult;
import org.gan4j.train.StepStats;
import org.gan4j.train.TrainingListener;
import org.gan4j.train.TrainingRun;

/**
 * Prints a line of {@link StepStats} every {@code every} steps, plus the start and the end of the run; a step with a
 * new {@link StepStats#warning() warning} (e.g. a collapse) is printed at once, whatever {@code every} says.
 */
public final class ConsoleLogger implements TrainingListener {
    private final int every;
    private final PrintStream out;
    private boolean warned;

    /** Logs to {@code System.out} every {@code every} steps. */
    public ConsoleLogger(int every) {
        this(every, System.out);
    }

    /** Logs to {@code out} every {@code every} steps. */
    public ConsoleLogger(int every, PrintStream out) {
        if (every <= 0) {
            throw new IllegalArgumentException("every must be > 0, got " + every);
        }
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        this.every = every;
        this.out = out;
    }

    @Override
    public void onStart(TrainingRun run) {
        out.println("training from step " + run.step() + " to " + run.targetStep());
        warned = false;
    }

    @Override
    public void onStep(StepStats stats) {
        boolean newWarning = stats.warning() != null && !warned;
        warned = stats.warning() != null;
        if (stats.step() % every == 0 || newWarning) {
            out.println(stats);
        }
    }

    @Override
    public void onEnd(GanResult result) {
        out.println("done: " + result.stopReason() + " — " + result.message());
    }

    @Override
    public String toString() {
        return "ConsoleLogger[every=" + every + "]";
    }
}
