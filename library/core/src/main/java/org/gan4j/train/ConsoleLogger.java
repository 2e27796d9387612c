package org.gan4j.train;

import java.io.PrintStream;

/** Prints a line of {@link StepStats} every {@code every} steps, plus the start and the end of the run. */
public final class ConsoleLogger implements TrainingListener {
    private final int every;
    private final PrintStream out;

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
        out.println("training from step " + run.step() + " to " + run.config().steps());
    }

    @Override
    public void onStep(StepStats stats) {
        if (stats.step() % every == 0) {
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
