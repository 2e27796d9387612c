package org.gan4j.train.listeners;

import org.gan4j.viz.ScatterPlots;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gan4j.train.GanConfig;
import org.gan4j.train.Snapshot;
import org.gan4j.train.TrainingListener;

/**
 * Keeps every {@link Snapshot} of a run (samples of the fixed latent batch every {@code snapshotEvery} steps),
 * to look at the generator's progress afterwards: as image grids, or for two-dimensional data as scatter plots
 * over the real data.
 *
 * <pre>{@code
 * var snapshots = new SnapshotRecorder();
 * var result = new GanTrainer(config).train(data, snapshots);
 * snapshots.scatter(data.features())    // the generator's points over training, on the real data
 * }</pre>
 *
 * Not thread-safe; one recorder per run.
 */
public final class SnapshotRecorder implements TrainingListener {

    private final List<Snapshot> snapshots = new ArrayList<>();

    @Override
    public void onSnapshot(Snapshot snapshot) {
        snapshots.add(snapshot);
    }

    /** @return the snapshots recorded so far, oldest first (unmodifiable) */
    public List<Snapshot> snapshots() {
        return Collections.unmodifiableList(new ArrayList<>(snapshots));
    }

    /** @return the most recent snapshot */
    public Snapshot last() {
        if (snapshots.isEmpty()) {
            throw new IllegalStateException("no snapshot recorded yet: set GanConfig.snapshotEvery and train first");
        }
        return snapshots.get(snapshots.size() - 1);
    }

    /**
     * Scatter plots of two-dimensional snapshots over the real data, one panel per snapshot (at most
     * {@code maxPanels}, evenly spread over the run, always including the last).
     *
     * @param real      {@code [n, 2]} real samples
     * @param maxPanels the most panels to draw
     * @return one image of small multiples
     */
    public BufferedImage scatter(INDArray real, int maxPanels) {
        if (maxPanels < 1) {
            throw new IllegalArgumentException("maxPanels must be at least 1, got " + maxPanels);
        }
        last();
        List<INDArray> samples = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int n = snapshots.size();
        int panels = Math.min(maxPanels, n);
        for (int p = 0; p < panels; p++) {
            int index = panels == 1 ? n - 1 : (int) Math.round((double) p * (n - 1) / (panels - 1));
            Snapshot s = snapshots.get(index);
            samples.add(s.samples());
            titles.add("step " + s.step());
        }
        return ScatterPlots.sequence(real, samples, titles);
    }

    /** {@link #scatter(INDArray, int)} with at most 8 panels. */
    public BufferedImage scatter(INDArray real) {
        return scatter(real, 8);
    }

    @Override
    public String toString() {
        return "SnapshotRecorder[" + snapshots.size() + " snapshots"
                + (snapshots.isEmpty() ? "" : ", last at step " + last().step()) + "]";
    }
}
