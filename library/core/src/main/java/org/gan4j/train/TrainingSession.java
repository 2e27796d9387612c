package org.gan4j.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.gan4j.nn.Generator;

/**
 * An in-memory, resumable training run for notebooks: {@link #fit} trains some more steps and can be called again
 * and again; each call continues exactly where the previous one ended (same parameters, Adam state, data order and
 * random streams as one uninterrupted run of the same total length).
 *
 * <pre>{@code
 * TrainingSession session = new GanTrainer(GanConfig.mlp(2)).session(ring.sample(10_000, 1));
 * session.fit(500);                        // steps 1–500
 * session.fit(500, new ConsoleLogger(100)); // steps 501–1000
 * session.history()                        // losses so far
 * session.save(Path.of("runs/ring"));      // a checkpoint; new GanTrainer(config).resumeSession(dir, data)
 * }</pre>
 *
 * <p>Interrupting the thread (a notebook's stop button) ends {@code fit} after the current step, with the session
 * consistent and the interrupt flag set again; the next {@code fit} continues from that step. A step left unfinished
 * (an exception or a forced thread stop in the middle of a step) makes the session refuse to continue, since the
 * networks may be partly updated: resume from a checkpoint instead. Not thread-safe: use from one thread at a time.
 */
public final class TrainingSession {
    final TrainingLoop loop;
    private final Instant created = Instant.now();
    private GanResult last;
    private boolean fitting;
    private String broken;

    TrainingSession(TrainingLoop loop) {
        this.loop = loop;
    }

    /**
     * Trains {@code steps} more steps (fewer if interrupted or a listener stops it).
     *
     * @param steps     steps to add, {@code >= 0}
     * @param listeners called as in {@link GanTrainer#train} ({@code onStart} … {@code onEnd}) for this call only
     * @return the state after this call, with the whole history since step 1
     * @throws IllegalStateException if a previous call left a step unfinished, or {@code fit} is already running
     */
    public GanResult fit(int steps, TrainingListener... listeners) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        List<TrainingListener> list = GanTrainer.list(listeners);
        checkUsable();
        if (fitting) {
            throw new IllegalStateException("fit is already running on this session");
        }
        fitting = true;
        try {
            last = loop.run(list, loop.step + steps);
            return last;
        } finally {
            fitting = false;
            if (loop.stepUnfinished()) {
                broken = "a step after step " + loop.step + " was stopped before it finished (an error or a forced "
                        + "stop inside the step); the networks may be partly updated";
            }
        }
    }

    private void checkUsable() {
        if (broken != null) {
            throw new IllegalStateException("this session cannot continue: " + broken + ". Resume from a checkpoint "
                    + "with new GanTrainer(config).resumeSession(dir, data).");
        }
    }

    /** @return generator updates done so far (across fits and resumes) */
    public long step() {
        return loop.step;
    }

    /** @return the epoch the next step is in (0-based) */
    public int epoch() {
        return loop.batches.epoch();
    }

    /** @return the configuration ({@code steps()} is ignored: each {@code fit} says how many) */
    public GanConfig config() {
        return loop.config;
    }

    /** @return whether the session can still train (no step was left unfinished) */
    public boolean usable() {
        return broken == null;
    }

    /** @return seconds spent training so far (inside {@code fit} calls, across resumes) */
    public double wallSeconds() {
        return loop.wallSeconds();
    }

    /**
     * The state now as an immutable result (copies of the generators and the history); after a {@code fit} its stop
     * reason and message are that call's.
     *
     * @return the result
     */
    public GanResult result() {
        if (last != null && last.steps() == loop.step) {
            return last;
        }
        return loop.result(created, StopReason.COMPLETED, loop.step == 0 ? "no steps trained yet"
                : "session at step " + loop.step);
    }

    /** @return a copy of the generator now */
    public Generator generator() {
        return loop.generator();
    }

    /** @return a copy of the EMA generator now (the generator when EMA is off) */
    public Generator emaGenerator() {
        return loop.emaGenerator();
    }

    /** @return the per-step statistics so far */
    public TrainingHistory history() {
        return new TrainingHistory(loop.history.table());
    }

    /** @return samples of the fixed snapshot noise now (see {@link GanConfig#snapshotSize()}) */
    public Snapshot snapshot() {
        return loop.snapshot();
    }

    /**
     * Writes a checkpoint of the complete state (created or atomically replaced); continue it with
     * {@link GanTrainer#resumeSession} or {@link GanTrainer#resume}.
     *
     * @param directory the checkpoint directory
     * @return the directory written
     * @throws IOException if it cannot be written
     */
    public Path save(Path directory) throws IOException {
        if (directory == null) {
            throw new IllegalArgumentException("directory must not be null");
        }
        checkUsable();
        return Checkpoint.write(directory, loop.state());
    }

    @Override
    public String toString() {
        return "TrainingSession[step " + loop.step + ", epoch " + loop.batches.epoch() + ", "
                + String.format("%.1f s", loop.wallSeconds()) + (broken == null ? "" : ", UNUSABLE: " + broken)
                + ", data " + loop.data + "]";
    }
}
