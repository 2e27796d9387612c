package org.gan4j.train.listeners;

import java.util.ArrayList;
import java.util.List;
import org.gan4j.train.StepStats;
import org.gan4j.train.TrainingHistory;
import org.gan4j.train.TrainingListener;

/**
 * Keeps the per-step statistics while training runs, for live charts in a notebook (the result of a run carries
 * the complete history anyway: {@code GanResult.history()}).
 */
public final class HistoryRecorder implements TrainingListener {
    private final List<StepStats> rows = new ArrayList<>();

    @Override
    public synchronized void onStep(StepStats stats) {
        rows.add(stats);
    }

    /** The statistics recorded so far (a copy; safe to call from another thread). */
    public synchronized TrainingHistory history() {
        return TrainingHistory.of(rows);
    }

    /** Steps recorded so far. */
    public synchronized int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        return "HistoryRecorder[" + size() + " steps]";
    }
}
