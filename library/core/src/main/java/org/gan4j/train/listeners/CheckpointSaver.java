package org.gan4j.train.listeners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.gan4j.io.AtomicFiles;
import org.gan4j.io.FileSteps;
import org.gan4j.train.GanResult;
import org.gan4j.train.StepStats;
import org.gan4j.train.TrainingListener;
import org.gan4j.train.TrainingRun;

/**
 * Writes a checkpoint every {@code every} steps into {@code runDirectory/step-NNNNNNNN} and at the end of the run,
 * keeping the newest {@code keep}. A step with non-finite statistics is never checkpointed, so after a divergence
 * the newest checkpoint is the last good state. Resume with {@link GanTrainer#resume}.
 */
public final class CheckpointSaver implements TrainingListener {
    private final Path runDirectory;
    private final int every;
    private final int keep;
    private final Deque<Path> written = new ArrayDeque<>();
    private TrainingRun run;
    private boolean lastFinite = true;
    private long lastSavedStep = -1;

    /**
     * @param runDirectory where the checkpoint directories go (created if needed)
     * @param every        steps between checkpoints, &gt; 0
     * @param keep         how many of the newest checkpoints to keep, &gt; 0
     */
    public CheckpointSaver(Path runDirectory, int every, int keep) {
        if (runDirectory == null) {
            throw new IllegalArgumentException("runDirectory must not be null");
        }
        if (every <= 0) {
            throw new IllegalArgumentException("every must be > 0, got " + every);
        }
        if (keep <= 0) {
            throw new IllegalArgumentException("keep must be > 0, got " + keep);
        }
        this.runDirectory = runDirectory;
        this.every = every;
        this.keep = keep;
    }

    /** The directory of the checkpoint for {@code step}. */
    public Path directoryFor(long step) {
        return runDirectory.resolve(String.format("step-%08d", step));
    }

    /** The newest checkpoint written by this saver, or {@code null}. */
    public Path latest() {
        return written.peekLast();
    }

    @Override
    public void onStart(TrainingRun run) {
        this.run = run;
    }

    @Override
    public void onStep(StepStats stats) {
        lastFinite = stats.finite();
        if (lastFinite && stats.step() % every == 0) {
            save(stats.step());
        }
    }

    @Override
    public void onEnd(GanResult result) {
        if (lastFinite && result.steps() != lastSavedStep && result.steps() > 0) {
            save(result.steps());
        }
        run = null;
    }

    private void save(long step) {
        try {
            Path dir = run.saveCheckpoint(directoryFor(step));
            lastSavedStep = step;
            written.remove(dir);
            written.addLast(dir);
            while (written.size() > keep) {
                AtomicFiles.deleteTree(written.removeFirst(), FileSteps.NONE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write checkpoint for step " + step + " under " + runDirectory,
                    e);
        }
    }

    @Override
    public String toString() {
        return "CheckpointSaver[" + runDirectory + ", every=" + every + ", keep=" + keep + "]";
    }
}
