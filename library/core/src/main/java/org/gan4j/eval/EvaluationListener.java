package org.gan4j.eval;

import org.gan4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gan4j.train.GanResult;
import org.gan4j.train.StepStats;
import org.gan4j.train.TrainingListener;
import org.gan4j.train.TrainingRun;
import org.gan4j.viz.Charts;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * An optional {@link TrainingListener} that evaluates the (EMA) generator every N steps with an {@link Evaluator},
 * always on the same latent seed and sample count, so the metrics over time are comparable with each other: the
 * curves show FD and KID falling as the generator learns. It also evaluates after the last step.
 *
 * <p>Each evaluation costs a few seconds for 500–2 000 samples on 2 cores; choose N so that this stays small next
 * to the training (e.g. every 250 steps for 500 samples).
 *
 * <pre>{@code
 * var metrics = EvaluationListener.every(250, Evaluator.fashionMnist(), 500, 7);
 * session.fit(1500, metrics);
 * metrics.table();  metrics.chart();  metrics.latest();
 * }</pre>
 */
public final class EvaluationListener implements TrainingListener {

    /** Column names of {@link #table()}, after {@code step}. */
    public static final List<String> METRIC_COLUMNS = List.of("FD", "FD floor", "KID", "KID std", "precision",
            "recall", "density", "coverage", "classes covered", "label accuracy");

    private final int every;
    private final Evaluator evaluator;
    private final int samples;
    private final long seed;
    private final List<Row> rows = new ArrayList<>();
    private TrainingRun run;
    private long lastEvaluated = -1;

    /** One evaluation at one step. */
    private record Row(long step, EvaluationReport report) {
    }

    private EvaluationListener(int every, Evaluator evaluator, int samples, long seed) {
        this.every = every;
        this.evaluator = evaluator;
        this.samples = samples;
        this.seed = seed;
    }

    /**
     * A listener that evaluates every {@code steps} generator steps.
     *
     * @param steps     the interval, ≥ 1
     * @param evaluator the evaluator (feature network, reference images)
     * @param samples   samples per evaluation, 10..{@code evaluator.maxSamples()}
     * @param seed      latent seed of the samples, the same at every evaluation
     * @return the listener
     * @throws IllegalArgumentException if a count is out of range
     */
    public static EvaluationListener every(int steps, Evaluator evaluator, int samples, long seed) {
        Objects.requireNonNull(evaluator, "evaluator");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (samples < 10 || samples > evaluator.maxSamples()) {
            throw new IllegalArgumentException("samples must be in [10, " + evaluator.maxSamples() + "], got "
                    + samples);
        }
        return new EvaluationListener(steps, evaluator, samples, seed);
    }

    @Override
    public void onStart(TrainingRun run) {
        this.run = run;
    }

    @Override
    public void onStep(StepStats stats) {
        if (stats.step() % every == 0) {
            evaluateNow(stats.step());
        }
    }

    @Override
    public void onEnd(GanResult result) {
        if (run != null && result.steps() != lastEvaluated) {
            evaluateNow(result.steps(), result.emaGenerator());
        }
        run = null;
    }

    private void evaluateNow(long step) {
        if (run != null) {
            evaluateNow(step, run.emaGenerator());
        }
    }

    private void evaluateNow(long step, org.gan4j.nn.Generator generator) {
        EvaluationReport report = evaluator.evaluate(generator, samples, seed);
        synchronized (rows) {
            rows.add(new Row(step, report));
        }
        lastEvaluated = step;
    }

    /**
     * The metrics so far, one row per evaluation (safe to call from another thread while training runs).
     *
     * @return a new table: {@code step} and the {@link #METRIC_COLUMNS}
     */
    public Table table() {
        List<Row> copy;
        synchronized (rows) {
            copy = List.copyOf(rows);
        }
        LongColumn step = LongColumn.create("step");
        List<DoubleColumn> metrics = new ArrayList<>();
        for (String name : METRIC_COLUMNS) {
            metrics.add(DoubleColumn.create(name));
        }
        for (Row r : copy) {
            step.append(r.step());
            EvaluationReport e = r.report();
            double[] v = {e.frechetDistance(), e.frechetFloor(), e.kid().mean(), e.kid().std(), e.precision(),
                e.recall(), e.density(), e.coverage(), e.classesCovered(), e.labelAccuracy()};
            for (int i = 0; i < v.length; i++) {
                metrics.get(i).append(v[i]);
            }
        }
        Table t = Table.create("metrics every " + every + " steps (" + samples + " samples, latent seed " + seed + ")",
                step);
        metrics.forEach(t::addColumns);
        return t;
    }

    /** @return the report of the latest evaluation, or {@code null} before the first */
    public EvaluationReport latest() {
        synchronized (rows) {
            return rows.isEmpty() ? null : rows.get(rows.size() - 1).report();
        }
    }

    /** @return every report so far, oldest first */
    public List<EvaluationReport> reports() {
        synchronized (rows) {
            return rows.stream().map(Row::report).toList();
        }
    }

    /** @return FD and its real floor against the step */
    public XYChart chart() {
        return Charts.lines("Fréchet distance (" + samples + " samples) over training", table(), "step", "FD",
                "FD floor");
    }

    /**
     * Writes {@link #table()} as CSV (atomically), e.g. {@code metrics.csv} into a checkpoint directory so that
     * {@link RunComparison} finds it.
     *
     * @param file the CSV file
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        Table t = table();
        AtomicFiles.write(file, out -> {
            java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            t.write().csv(w);
            w.flush();
        });
    }

    /** @return the interval in steps */
    public int interval() {
        return every;
    }

    /** @return samples per evaluation */
    public int samples() {
        return samples;
    }

    @Override
    public String toString() {
        synchronized (rows) {
            return "EvaluationListener[every " + every + " steps, " + samples + " samples, " + rows.size()
                    + " evaluations" + (rows.isEmpty() ? "" : ", latest FD " + String.format(java.util.Locale.ROOT,
                    "%.3f", rows.get(rows.size() - 1).report().frechetDistance())) + "]";
        }
    }
}
