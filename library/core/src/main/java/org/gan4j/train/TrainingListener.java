package org.gan4j.train;

/**
 * Callbacks from the training loop; every method has a no-op default, so a listener overrides what it needs.
 * Listeners run on the training thread, between steps, when the state is consistent.
 */
public interface TrainingListener {

    /** Before the first step (also when resuming); {@code run} stays valid until {@link #onEnd}. */
    default void onStart(TrainingRun run) {
    }

    /** After every step. */
    default void onStep(StepStats stats) {
    }

    /** After the last step of each pass over the data; {@code epoch} is the epoch that just ended. */
    default void onEpoch(int epoch, long step) {
    }

    /** After a fixed-noise snapshot ({@link GanConfig#snapshotEvery()}). */
    default void onSnapshot(Snapshot snapshot) {
    }

    /** After the run ended, for any reason. */
    default void onEnd(GanResult result) {
    }
}
