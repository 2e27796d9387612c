package org.gan4j.train;

import tech.tablesaw.api.Table;

/**
 * Keeps the per-step statistics while training runs, for live charts in a notebook (the result of a run carries
 * the complete history anyway: {@link GanResult#history()}).
 */
public final class HistoryRecorder implements TrainingListener {
    private final History history = new History();

    @Override
    public synchronized void onStep(StepStats stats) {
        history.add(stats);
    }

    /** The statistics recorded so far, as a new table (safe to call from another thread). */
    public synchronized Table table() {
        return history.table();
    }

    /** Steps recorded so far. */
    public synchronized int size() {
        return history.rows().size();
    }

    @Override
    public String toString() {
        return "HistoryRecorder[" + size() + " steps]";
    }
}
