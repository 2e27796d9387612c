package org.gan4j.train;

import java.io.IOException;
import java.nio.file.Path;
import org.gan4j.nn.Generator;
import tech.tablesaw.api.Table;

/** A running training, as listeners see it. Valid from {@code onStart} to {@code onEnd}, on the training thread. */
public interface TrainingRun {

    /** The configuration. */
    GanConfig config();

    /** Generator updates done so far. */
    long step();

    /**
     * The step this run trains up to: {@code config().steps()} for {@link GanTrainer#train}, the current step plus
     * the requested steps for {@link TrainingSession#fit}.
     */
    default long targetStep() {
        return config().steps();
    }

    /** Current epoch (0-based). */
    int epoch();

    /** Asks the loop to stop after the current step with {@link StopReason#STOPPED_BY_LISTENER}. */
    void requestStop(String reason);

    /** A copy of the generator in its current state. */
    Generator generator();

    /** A copy of the EMA generator, or the generator when EMA is off. */
    Generator emaGenerator();

    /** The history so far (a copy). */
    TrainingHistory history();

    /**
     * Writes a checkpoint of the complete state into {@code directory} (created or atomically replaced).
     *
     * @return the directory written
     */
    Path saveCheckpoint(Path directory) throws IOException;
}
