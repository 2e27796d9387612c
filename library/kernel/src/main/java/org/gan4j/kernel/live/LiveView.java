package org.gan4j.kernel.live;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.gan4j.kernel.Gan4jKernel;
import org.gan4j.kernel.NotebookFunctions;
import org.gan4j.invert.Projection;
import org.gan4j.invert.ProjectionListener;
import org.gan4j.kernel.display.Png;
import org.gan4j.train.GanResult;
import org.gan4j.train.Snapshot;
import org.gan4j.train.StepStats;
import org.gan4j.train.StopReason;
import org.gan4j.train.TrainingListener;
import org.gan4j.train.TrainingRun;
import org.gan4j.viz.Charts;
import org.gan4j.viz.Html;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A live view of training in a notebook cell: a progress bar with step, images/s, ETA and the current losses; a loss
 * chart; and the fixed-noise samples (an image grid, or a scatter plot for 2-D data) whenever the trainer makes a
 * snapshot ({@code GanConfig.snapshotEvery}). Each is one display output, replaced in place
 * ({@code update_display_data}); a headless run (nbconvert, nbclient) keeps the final state, written at the end.
 *
 * <pre>{@code
 * TrainingSession session = new GanTrainer(config).session(data);
 * session.fit(500, LiveView.create());     // press ■ to stop after the current step
 * session.fit(500, LiveView.create());     // continues from where it stopped
 * }</pre>
 *
 * <p>It follows a GAN inversion the same way ({@link ProjectionListener}): the projector's step and loss, the loss
 * chart, and at the end the originals above their reconstructions.
 *
 * <pre>{@code
 * Projection p = Projector.of(generator).project(targets, null, LiveView.create());
 * }</pre>
 *
 * <p>Updates are throttled by wall time — text at most every {@link Builder#textEvery} (default 1 s), chart and
 * samples at most every {@link Builder#chartEvery} (default 5 s), and each kind at most once per 100 times its last
 * measured cost (slow drawing on a busy machine stretches the intervals) — so that drawing and sending cost about 3 %
 * of training time at most; {@link #displayShare()} reports the measured share, and the final progress line shows it.
 * Outside a notebook kernel the view prints a progress line to standard output instead.
 *
 * <p>While a {@code fit} with a live view runs, the gan4j kernel treats an interrupt cooperatively: it interrupts the
 * thread and lets the current step finish (the loop checks the flag between steps) instead of forcing the thread to
 * stop after 1 s, which could cut a slow step in half and leave the session unusable.
 */
public final class LiveView implements TrainingListener, ProjectionListener {

    /** Where the view's outputs go: the notebook, or a test. */
    interface Sink {
        /** Shows new output, returns its display id. */
        String show(DisplayData data);

        /** Replaces the output with that id. */
        void update(String id, DisplayData data);

        /**
         * Tells the kernel that the running cell stops by itself after an interrupt (between steps), so it is not
         * force-stopped in the middle of a step.
         */
        default AutoCloseable cooperativeSection() {
            return () -> { };
        }
    }

    /**
     * Each kind of update waits at least this many times its last cost, so that text, chart and samples each take at
     * most 1/100 of the time (about 3 % together, with room below the 5 % the kernel's live-view check allows for
     * the first outputs) even when drawing is slow.
     */
    static final long BUDGET_FACTOR = 100;

    private final Duration textEvery;
    private final Duration chartEvery;
    private final Sink sink;
    /** Nanosecond clock of the throttling ({@link System#nanoTime()} unless a test injects one). */
    private final LongSupplier clock;

    private TrainingRun run;
    private long startStep;
    private long targetStep;
    private long startNanos;
    private long displayNanos;
    private long lastTextNanos;
    private long lastChartNanos;
    private long lastSampleNanos;
    private long updates;
    private long textCostNanos;
    private long chartCostNanos;
    private long sampleCostNanos;
    private String progressId;
    private String chartId;
    private String samplesId;
    private StepStats last;
    private Snapshot pendingSnapshot;
    private Table losses;
    private double finalShare = Double.NaN;
    private AutoCloseable cooperative;
    private int projectionSteps;
    private int projectionStep;
    private double projectionLoss;
    private Table projectionLosses;

    private LiveView(Builder b, Sink sink) {
        this.textEvery = b.textEvery;
        this.chartEvery = b.chartEvery;
        this.sink = new InterruptTolerantSink(sink);
        this.clock = b.clock;
    }

    /** @return a live view with the default throttling (text ≤ 1/s, chart and samples ≤ 1 per 5 s) */
    public static LiveView create() {
        return builder().build();
    }

    /** @return a builder for the throttling settings */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onStart(TrainingRun run) {
        this.run = run;
        begin();
        startStep = run.step();
        targetStep = run.targetStep();
        last = null;
        pendingSnapshot = null;
        Table h = run.history().table();
        losses = Table.create("losses", LongColumn.create("step", h.longColumn("step").asLongArray()),
                DoubleColumn.create("lossD", h.doubleColumn("lossD").asDoubleArray()),
                DoubleColumn.create("lossG", h.doubleColumn("lossG").asDoubleArray()));
        showFirst(progress(null, null));
    }

    /** Opens the cooperative section and resets the counters and outputs of a new run or projection. */
    private void begin() {
        cooperative = sink.cooperativeSection();
        startNanos = clock.getAsLong();
        displayNanos = 0;
        updates = 0;
        textCostNanos = 0;
        chartCostNanos = 0;
        sampleCostNanos = 0;
        progressId = null;
        chartId = null;
        samplesId = null;
        finalShare = Double.NaN;
    }

    private void showFirst(DisplayData text) {
        long t = clock.getAsLong();
        progressId = sink.show(text);
        lastTextNanos = clock.getAsLong();
        displayNanos += lastTextNanos - t;
    }

    @Override
    public void onStep(StepStats stats) {
        last = stats;
        losses.longColumn("step").append(stats.step());
        losses.doubleColumn("lossD").append(stats.lossD());
        losses.doubleColumn("lossG").append(stats.lossG());
        if (Thread.currentThread().isInterrupted()) {
            return; // the loop stops before the next step; onEnd shows the final state
        }
        throttledUpdates(() -> progress(null, null), this::chart);
    }

    /** Updates the text and the chart, each when its interval and its cost budget allow. */
    private void throttledUpdates(Supplier<DisplayData> text, Supplier<DisplayData> chart) {
        long now = clock.getAsLong();
        if (now - lastTextNanos >= Math.max(textEvery.toNanos(), BUDGET_FACTOR * textCostNanos)) {
            progressId = showOrUpdate(progressId, text.get());
            lastTextNanos = clock.getAsLong();
            textCostNanos = lastTextNanos - now;
            displayNanos += textCostNanos;
            updates++;
        }
        now = clock.getAsLong();
        if (chartId == null
                || now - lastChartNanos >= Math.max(chartEvery.toNanos(), BUDGET_FACTOR * chartCostNanos)) {
            chartId = showOrUpdate(chartId, chart.get());
            lastChartNanos = clock.getAsLong();
            chartCostNanos = lastChartNanos - now;
            displayNanos += chartCostNanos;
            updates++;
        }
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        pendingSnapshot = snapshot;
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        long now = clock.getAsLong();
        if (samplesId == null
                || now - lastSampleNanos >= Math.max(chartEvery.toNanos(), BUDGET_FACTOR * sampleCostNanos)) {
            samplesId = showOrUpdate(samplesId, samples(snapshot));
            pendingSnapshot = null;
            lastSampleNanos = clock.getAsLong();
            sampleCostNanos = lastSampleNanos - now;
            displayNanos += sampleCostNanos;
            updates++;
        }
    }

    @Override
    public void onEnd(GanResult result) {
        long now = clock.getAsLong();
        finalShare = share(now);
        // the cheap text first: after an interrupt the kernel may stop the thread if the end takes long
        progressId = showOrUpdate(progressId, progress(result.stopReason(), result.message()));
        if (last != null) {
            chartId = showOrUpdate(chartId, chart());
        }
        if (pendingSnapshot != null) {
            samplesId = showOrUpdate(samplesId, samples(pendingSnapshot));
            pendingSnapshot = null;
        }
        displayNanos += clock.getAsLong() - now;
        updates++;
        run = null;
        closeCooperative();
    }

    private void closeCooperative() {
        try {
            cooperative.close();
        } catch (Exception ignored) {
            // closing a section cannot fail
        }
    }

    // ---- projections (GAN inversion) ----

    @Override
    public void onStart(int steps) {
        begin();
        projectionSteps = steps;
        projectionStep = 0;
        projectionLoss = Double.NaN;
        projectionLosses = Table.create("projection loss", IntColumn.create("step"), DoubleColumn.create("loss"));
        showFirst(projectionProgress(null));
    }

    @Override
    public void onStep(int step, int steps, double loss) {
        projectionStep = step + 1;
        projectionLoss = loss;
        projectionLosses.intColumn("step").append(step + 1);
        projectionLosses.doubleColumn("loss").append(loss);
        if (Thread.currentThread().isInterrupted()) {
            return; // the projector stops after this step; onEnd shows the result
        }
        throttledUpdates(() -> projectionProgress(null), this::projectionChart);
    }

    @Override
    public void onEnd(Projection projection) {
        long now = clock.getAsLong();
        finalShare = share(now);
        progressId = showOrUpdate(progressId, projectionProgress(projection));
        if (projectionStep > 0) {
            chartId = showOrUpdate(chartId, projectionChart());
        }
        DisplayData images = new DisplayData(projection.toString());
        Png.put(images, projection.comparison(), 0, 0);
        samplesId = showOrUpdate(samplesId, images);
        displayNanos += clock.getAsLong() - now;
        updates++;
        closeCooperative();
    }

    DisplayData projectionProgress(Projection ended) {
        double elapsed = (clock.getAsLong() - startNanos) / 1e9;
        StringBuilder text = new StringBuilder("projection step " + projectionStep + "/" + projectionSteps);
        if (projectionStep > 0) {
            text.append(String.format(Locale.ROOT, " · loss %.5f", projectionLoss));
            text.append(ended == null
                    ? " · ETA " + clock(elapsed / projectionStep * (projectionSteps - projectionStep))
                    : " · " + clock(elapsed));
        }
        if (ended != null) {
            text.append(String.format(Locale.ROOT, " · display %.1f%% of time", 100 * finalShare));
            text.append(ended.interrupted() ? " · interrupted: the projection holds what was found" : " · done");
        }
        return progressDisplay(text.toString(), projectionStep, projectionSteps);
    }

    DisplayData projectionChart() {
        XYChart chart = Charts.lines(projectionLosses, "step", "loss");
        chart.getStyler().setYAxisLogarithmic(projectionLosses.doubleColumn("loss").min() > 0);
        DisplayData data = new DisplayData("loss chart: projection loss for steps 1–" + projectionStep);
        Png.putChart(data, chart);
        return data;
    }

    /**
     * @return the share of wall time spent drawing and sending displays since the run started (during the run), or
     *         the share measured up to the end of the run (after it, not counting the final update); NaN before
     */
    public double displayShare() {
        if (!Double.isNaN(finalShare)) {
            return finalShare;
        }
        return run == null ? Double.NaN : share(clock.getAsLong());
    }

    /** @return display updates sent in the current or last run (not counting the first output) */
    public long updates() {
        return updates;
    }

    private double share(long now) {
        long total = now - startNanos;
        return total <= 0 ? 0 : (double) displayNanos / total;
    }

    private String showOrUpdate(String id, DisplayData data) {
        if (id == null) {
            return sink.show(data);
        }
        sink.update(id, data);
        return id;
    }

    // ---- content ----

    DisplayData progress(StopReason ended, String message) {
        long step = last == null ? startStep : last.step();
        long done = step - startStep;
        long total = Math.max(0, targetStep - startStep);
        double elapsed = (clock.getAsLong() - startNanos) / 1e9;
        StringBuilder text = new StringBuilder();
        text.append("step ").append(step).append('/').append(targetStep);
        if (last != null) {
            double perStep = elapsed / Math.max(1, done);
            text.append(String.format(Locale.ROOT, " · %.0f img/s", last.imagesPerSecond()));
            if (ended == null) {
                text.append(" · ETA ").append(clock(perStep * (targetStep - step)));
            } else {
                text.append(" · ").append(clock(elapsed));
            }
            text.append(String.format(Locale.ROOT, " · lossD %.4f · lossG %.4f · D(x) %.3f · D(G(z)) %.3f",
                    last.lossD(), last.lossG(), last.dReal(), last.dFake()));
        }
        if (last != null && last.warning() != null && ended == null) {
            text.append(" · WARNING: ").append(last.warning());
        }
        if (ended != null) {
            text.append(String.format(Locale.ROOT, " · display %.1f%% of time", 100 * finalShare));
            text.append(ended == StopReason.INTERRUPTED ? " · interrupted: fit again to continue from step " + step
                    : ended == StopReason.STOPPED_BY_LISTENER ? " · stopped: " + message
                    : ended == StopReason.DIVERGED ? " · diverged: " + message
                    : last != null && last.warning() != null ? " · done · WARNING: " + last.warning() : " · done");
        }
        return progressDisplay(text.toString(), done, total);
    }

    /** The progress line as text and as HTML with a progress bar at {@code done} of {@code total}. */
    private static DisplayData progressDisplay(String text, long done, long total) {
        DisplayData data = new DisplayData(text);
        String bar = "<progress value=\"" + done + "\" max=\"" + Math.max(1, total)
                + "\" style=\"width: 360px; vertical-align: middle\"></progress> ";
        data.putHTML("<div class=\"gan4j-live\" style=\"font-family: monospace\">" + bar + Html.escape(text)
                + "</div>");
        return data;
    }

    DisplayData chart() {
        XYChart chart = Charts.lines(losses, "step", "lossD", "lossG");
        chart.setTitle("losses");
        chart.setYAxisTitle("loss");
        DisplayData data = new DisplayData("loss chart: lossD and lossG for steps 1–"
                + (last == null ? startStep : last.step()));
        Png.putChart(data, chart);
        return data;
    }

    static DisplayData samples(Snapshot snapshot) {
        DisplayData data = new DisplayData(snapshot.toString());
        if (snapshot.isImages()) {
            BufferedImage grid = snapshot.grid();
            Png.put(data, grid, 0, 0);
        } else if (snapshot.samples().rank() == 2 && snapshot.samples().size(1) == 2) {
            Png.putChart(data, scatter(snapshot));
        }
        return data;
    }

    private static XYChart scatter(Snapshot snapshot) {
        INDArray s = snapshot.samples();
        double[] x = s.getColumn(0).toDoubleVector();
        double[] y = s.getColumn(1).toDoubleVector();
        XYChart chart = new XYChartBuilder().width(400).height(400).title("samples at step " + snapshot.step())
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.addSeries("samples", x, y).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    private static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public String toString() {
        return "LiveView[text every " + textEvery.toMillis() + " ms, chart every " + chartEvery.toMillis() + " ms"
                + (Double.isNaN(displayShare()) ? "" : String.format(Locale.ROOT, ", display %.1f%% of time",
                100 * displayShare())) + "]";
    }

    /** Throttling settings. */
    public static final class Builder {
        private Duration textEvery = Duration.ofSeconds(1);
        private Duration chartEvery = Duration.ofSeconds(5);
        private Sink sink;
        private LongSupplier clock = System::nanoTime;

        private Builder() {
        }

        /** A nanosecond clock for the throttling instead of {@link System#nanoTime()} (tests). */
        Builder clock(LongSupplier nanoClock) {
            clock = java.util.Objects.requireNonNull(nanoClock, "clock");
            return this;
        }

        /**
         * @param every least time between progress-text updates (default 1 s)
         * @return this builder
         */
        public Builder textEvery(Duration every) {
            textEvery = positive(every, "textEvery");
            return this;
        }

        /**
         * @param every least time between loss-chart and sample updates (default 5 s)
         * @return this builder
         */
        public Builder chartEvery(Duration every) {
            chartEvery = positive(every, "chartEvery");
            return this;
        }

        Builder sink(Sink s) {
            sink = s;
            return this;
        }

        /** @return the view */
        public LiveView build() {
            return new LiveView(this, sink != null ? sink : defaultSink());
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be a duration >= 0, got " + d);
            }
            return d;
        }
    }

    private static Sink defaultSink() {
        if (BaseKernel.notebookKernel() != null) {
            return new Sink() {
                @Override
                public String show(DisplayData data) {
                    return NotebookFunctions.display(data);
                }

                @Override
                public void update(String id, DisplayData data) {
                    NotebookFunctions.updateDisplay(id, data);
                }

                @Override
                public AutoCloseable cooperativeSection() {
                    BaseKernel kernel = BaseKernel.notebookKernel();
                    return kernel instanceof Gan4jKernel ? ((Gan4jKernel) kernel).cooperativeSection() : () -> { };
                }
            };
        }
        return new Sink() {
            @Override
            public String show(DisplayData data) {
                System.out.println(data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
                return "stdout";
            }

            @Override
            public void update(String id, DisplayData data) {
                Object text = data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
                if (text != null && !String.valueOf(text).startsWith("loss chart")
                        && !String.valueOf(text).startsWith("Snapshot")) {
                    System.out.println(text);
                }
            }
        };
    }
}
