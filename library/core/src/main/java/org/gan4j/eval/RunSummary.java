package org.gan4j.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.gan4j.train.GanConfig;
import org.gan4j.train.TrainingHistory;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.GanResult;
import org.gan4j.train.TrainingSession;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * One training run as {@link RunComparison} sees it: a name, its configuration, its per-step history, the metrics
 * recorded during training (by an {@link EvaluationListener}; may be empty) and a final evaluation (may be absent).
 * Immutable: the tables are copies.
 *
 * @param name        the label of the run in tables and legends
 * @param config      the configuration
 * @param history     per-step statistics ({@code step}, {@code lossD}, {@code lossG}, …)
 * @param metrics     metrics over training ({@link EvaluationListener#table()}), or an empty table
 * @param finalReport the final evaluation, or {@code null}
 */
public record RunSummary(String name, GanConfig config, TrainingHistory history, Table metrics,
                         EvaluationReport finalReport) {

    /** Name of the metrics file {@link #fromDirectory} reads (written by {@link EvaluationListener#writeCsv}). */
    public static final String METRICS_FILE = "metrics.csv";
    /** Name of the final-evaluation file {@link #fromDirectory} reads (an {@link EvaluationReport#toJson()}). */
    public static final String EVALUATION_FILE = "evaluation.json";

    /** Copies the tables and checks that nothing required is missing. */
    public RunSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(history, "history");
        metrics = metrics == null ? Table.create("no metrics") : metrics.copy();
    }

    @Override
    public Table metrics() {
        return metrics.copy();
    }

    /**
     * A finished or ongoing session, with the metrics a listener recorded (its latest report is the final one).
     *
     * @param name    the label
     * @param session the session
     * @param metrics the listener passed to {@code fit}, or {@code null}
     * @return the summary
     */
    public static RunSummary of(String name, TrainingSession session, EvaluationListener metrics) {
        Objects.requireNonNull(session, "session");
        return new RunSummary(name, session.config(), session.history(),
                metrics == null ? null : metrics.table(), metrics == null ? null : metrics.latest());
    }

    /**
     * A finished run's result, with the metrics a listener recorded.
     *
     * @param name    the label
     * @param result  the result
     * @param metrics the listener passed to the training, or {@code null}
     * @return the summary
     */
    public static RunSummary of(String name, GanResult result, EvaluationListener metrics) {
        Objects.requireNonNull(result, "result");
        return new RunSummary(name, result.config(), result.history(),
                metrics == null ? null : metrics.table(), metrics == null ? null : metrics.latest());
    }

    /**
     * A run saved in a directory (a checkpoint, {@code TrainingSession.save}): {@code config.json} and {@code
     * history.csv}, and when present {@value #METRICS_FILE} and {@value #EVALUATION_FILE}. Named after the directory.
     *
     * @param dir the directory
     * @return the summary
     * @throws IOException              if a required file is missing or unreadable (the message names it)
     * @throws IllegalArgumentException if a file is malformed (the message names it)
     */
    public static RunSummary fromDirectory(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Path files = dir;
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            try {
                files = GanTrainer.checkpointFiles(dir); // a checkpoint keeps its files in its newest version folder
            } catch (IOException notACheckpoint) {
                files = dir; // reported below as a missing config.json
            }
        }
        Path config = files.resolve("config.json");
        Path history = files.resolve("history.csv");
        for (Path p : new Path[] {config, history}) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + ": missing; expected a run directory with config.json and history.csv "
                        + "(a checkpoint or TrainingSession.save)");
            }
        }
        Path metrics = Files.isRegularFile(dir.resolve(METRICS_FILE)) ? dir.resolve(METRICS_FILE)
                : files.resolve(METRICS_FILE);
        Path evaluation = Files.isRegularFile(dir.resolve(EVALUATION_FILE)) ? dir.resolve(EVALUATION_FILE)
                : files.resolve(EVALUATION_FILE);
        EvaluationReport report = null;
        if (Files.isRegularFile(evaluation)) {
            try {
                report = EvaluationReport.fromJson(Files.readString(evaluation, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(evaluation + ": " + e.getMessage(), e);
            }
        }
        return new RunSummary(dir.getFileName().toString(), GanConfig.read(config), new TrainingHistory(readCsv(history)),
                Files.isRegularFile(metrics) ? readCsv(metrics) : null, report);
    }

    private static Table readCsv(Path file) throws IOException {
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile()).tableName(file.getFileName().toString()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a readable CSV table (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "RunSummary[" + name + ", " + history.size() + " steps, " + metrics.rowCount() + " evaluations"
                + (finalReport == null ? "" : ", final " + finalReport) + "]";
    }
}
