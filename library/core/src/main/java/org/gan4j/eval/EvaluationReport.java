package org.gan4j.eval;

import java.util.Locale;
import java.util.Objects;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.gan4j.viz.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every metric of one {@link Evaluator#evaluate evaluation}, each beside its <em>real floor</em>: the same metric
 * between two disjoint sets of real images at the same sample count, i.e. the best value a perfect generator could
 * expect. Immutable; shown as a Tablesaw {@link #table()}, inline {@link #toHtml() HTML} in notebooks, or
 * {@link #toJson() JSON} for scripts ({@link #fromJson} reads it back).
 *
 * @param samplesSource        where the evaluated images came from
 * @param referenceSource      the real images they are compared with
 * @param featureNetwork       the feature network, in words
 * @param samples              number of evaluated images (the generated sample count of every metric)
 * @param referenceCount       number of real reference images (the k-NN metrics use as many of them as there are
 *                             samples, see {@link Evaluator})
 * @param frechetDistance      {@link FrechetDistance} in the feature network's space, squared
 * @param frechetFloor         the same between real images at the same counts
 * @param kid                  {@link KernelInceptionDistance}
 * @param kidFloor             KID between real images at the same counts
 * @param precisionRecall      {@link PrecisionRecall}, k = 3
 * @param precisionRecallFloor precision and recall between real images
 * @param densityCoverage      {@link DensityCoverage}, k = 5
 * @param densityCoverageFloor density and coverage between real images
 * @param classes              classes of the samples as the feature network's head sees them
 * @param classesFloor         the same for the real floor images
 * @param labelAccuracy        share of samples the head assigns to their requested label; NaN for unlabelled samples
 * @param labelAccuracyFloor   the head's accuracy on the real floor images
 */
public record EvaluationReport(String samplesSource, String referenceSource, String featureNetwork, int samples,
                               int referenceCount, double frechetDistance, double frechetFloor,
                               KernelInceptionDistance kid, KernelInceptionDistance kidFloor,
                               PrecisionRecall precisionRecall, PrecisionRecall precisionRecallFloor,
                               DensityCoverage densityCoverage, DensityCoverage densityCoverageFloor,
                               CoverageReport classes, CoverageReport classesFloor, double labelAccuracy,
                               double labelAccuracyFloor) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    /** Checks that no part is missing. */
    public EvaluationReport {
        Objects.requireNonNull(samplesSource, "samplesSource");
        Objects.requireNonNull(referenceSource, "referenceSource");
        Objects.requireNonNull(featureNetwork, "featureNetwork");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(kidFloor, "kidFloor");
        Objects.requireNonNull(precisionRecall, "precisionRecall");
        Objects.requireNonNull(precisionRecallFloor, "precisionRecallFloor");
        Objects.requireNonNull(densityCoverage, "densityCoverage");
        Objects.requireNonNull(densityCoverageFloor, "densityCoverageFloor");
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(classesFloor, "classesFloor");
    }

    /** @return precision (k = 3) */
    public double precision() {
        return precisionRecall.precision();
    }

    /** @return recall (k = 3) */
    public double recall() {
        return precisionRecall.recall();
    }

    /** @return density (k = 5) */
    public double density() {
        return densityCoverage.density();
    }

    /** @return coverage (k = 5) */
    public double coverage() {
        return densityCoverage.coverage();
    }

    /** @return classes the head finds in at least 1 % of the samples */
    public int classesCovered() {
        return classes.coveredClasses();
    }

    /**
     * One row per metric: its value, KID's standard deviation over subsets, the real floor, which direction is
     * better, and the sample counts used.
     *
     * @return the table
     */
    public Table table() {
        String counts = samples + " vs " + referenceCount + " real";
        String knnCounts = precisionRecall.generatedCount() + " vs " + precisionRecall.realCount() + " real";
        String kidCounts = kid.subsets() + " subsets of " + kid.subsetSize();
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn std = DoubleColumn.create("± std");
        DoubleColumn floor = DoubleColumn.create("real floor");
        StringColumn better = StringColumn.create("better");
        StringColumn used = StringColumn.create("samples");
        add(metric, value, std, floor, better, used, "Fréchet distance", frechetDistance, Double.NaN, frechetFloor,
                "lower", counts);
        add(metric, value, std, floor, better, used, "KID", kid.mean(), kid.std(), kidFloor.mean(), "lower",
                kidCounts);
        add(metric, value, std, floor, better, used, "precision (k=3)", precision(), Double.NaN,
                precisionRecallFloor.precision(), "higher", knnCounts);
        add(metric, value, std, floor, better, used, "recall (k=3)", recall(), Double.NaN,
                precisionRecallFloor.recall(), "higher", knnCounts);
        add(metric, value, std, floor, better, used, "density (k=5)", density(), Double.NaN,
                densityCoverageFloor.density(), "near 1", knnCounts);
        add(metric, value, std, floor, better, used, "coverage (k=5)", coverage(), Double.NaN,
                densityCoverageFloor.coverage(), "higher", knnCounts);
        add(metric, value, std, floor, better, used, "classes covered", classes.coveredClasses(), Double.NaN,
                classesFloor.coveredClasses(), "higher", samples + " samples");
        add(metric, value, std, floor, better, used, "label accuracy", labelAccuracy, Double.NaN,
                labelAccuracyFloor, "higher", Double.isNaN(labelAccuracy) ? "unlabelled" : samples + " samples");
        return Table.create("evaluation of " + samplesSource, metric, value, std, floor, better, used);
    }

    private static void add(StringColumn metric, DoubleColumn value, DoubleColumn std, DoubleColumn floor,
                            StringColumn better, StringColumn used, String name, double v, double s, double f,
                            String direction, String counts) {
        metric.append(name);
        value.append(v);
        std.append(s);
        floor.append(f);
        better.append(direction);
        used.append(counts);
    }

    /** @return the table as an HTML fragment for notebooks, with the feature network and sources as caption */
    public String toHtml() {
        StringBuilder out = new StringBuilder("<table class=\"gan4j-evaluation\"><caption style=\"caption-side: "
                + "top; text-align: left\"><b>Evaluation</b> of " + Html.escape(samplesSource) + " against "
                + Html.escape(referenceSource) + "<br><small>features: " + Html.escape(featureNetwork)
                + "</small></caption><thead><tr><th style=\"text-align: left\">metric</th><th>value</th>"
                + "<th>real floor</th><th>better</th><th style=\"text-align: left\">samples</th></tr></thead><tbody>");
        Table t = table();
        for (int r = 0; r < t.rowCount(); r++) {
            double v = t.doubleColumn("value").getDouble(r);
            double s = t.doubleColumn("± std").getDouble(r);
            out.append("<tr><td style=\"text-align: left\">").append(Html.escape(t.stringColumn("metric").get(r)))
                    .append("</td><td>").append(format(v)).append(Double.isNaN(s) ? "" : " ± " + format(s))
                    .append("</td><td>").append(format(t.doubleColumn("real floor").getDouble(r)))
                    .append("</td><td>").append(Html.escape(t.stringColumn("better").get(r)))
                    .append("</td><td style=\"text-align: left\">").append(Html.escape(t.stringColumn("samples").get(r)))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 0.01 ? "%.2e" : "%.3f", v);
    }

    /** @return the report as pretty-printed JSON (NaN written as {@code NaN}) */
    public String toJson() {
        return GSON.toJson(this) + "\n";
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the report
     * @throws IllegalArgumentException if the text is not such a report
     */
    public static EvaluationReport fromJson(String json) {
        try {
            EvaluationReport r = GSON.fromJson(Objects.requireNonNull(json, "json"), EvaluationReport.class);
            if (r == null) {
                throw new IllegalArgumentException("empty JSON: expected an EvaluationReport");
            }
            return r;
        } catch (JsonParseException | NullPointerException e) {
            throw new IllegalArgumentException("not an EvaluationReport JSON: " + e.getMessage(), e);
        }
    }

    /** E.g. {@code EvaluationReport[500 samples: FD 12.3 (floor 1.2), KID 0.010 ± 0.002, ...]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EvaluationReport[%d samples of %s: FD %.3f (real floor %.3f), "
                        + "KID %.4f ± %.4f (floor %.4f), precision %.3f, recall %.3f, density %.3f, coverage %.3f, "
                        + "%d/%d classes, label accuracy %.3f]", samples, samplesSource, frechetDistance,
                frechetFloor, kid.mean(), kid.std(), kidFloor.mean(), precision(), recall(), density(), coverage(),
                classes.coveredClasses(), classes.classNames().size(), labelAccuracy);
    }
}
