package org.gan4j.kernel.display;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;

import org.gan4j.data.ImageDataset;
import org.gan4j.eval.ConditionalReport;
import org.gan4j.eval.CoverageReport;
import org.gan4j.eval.JudgeClassifier;
import org.gan4j.nn.Generator;
import org.gan4j.synth.RingMetrics;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanResult;
import org.gan4j.train.Provenance;
import org.gan4j.train.TrainingHistory;
import org.gan4j.train.TrainingSession;
import org.gan4j.viz.Html;
import org.gan4j.viz.ImageGrid;

/**
 * The HTML of the gan4j renderers: compact, escaped summaries (every text from a value goes through
 * {@link Html#escape}). Images are inlined as PNG so that one output holds picture and numbers.
 */
public final class Summaries {

    /** Rows of the history shown under its loss chart. */
    public static final int HISTORY_ROWS = 5;
    /** Images in the preview grid of a dataset. */
    public static final int DATASET_PREVIEW = 32;
    /** Samples in the preview grid of a generator (latent seed {@value #GENERATOR_SEED}). */
    public static final int GENERATOR_PREVIEW = 32;
    /** Latent seed of a generator's preview grid. */
    public static final long GENERATOR_SEED = 0;

    private Summaries() {
    }

    /** Every hyper-parameter of a configuration (its record components, in declaration order). */
    public static String config(GanConfig config) {
        Html.Properties p = Html.properties("GanConfig");
        for (RecordComponent c : GanConfig.class.getRecordComponents()) {
            try {
                p.row(c.getName(), c.getAccessor().invoke(config));
            } catch (ReflectiveOperationException e) {
                p.row(c.getName(), "?");
            }
        }
        return p.toHtml();
    }

    /** Outcome, provenance, loss chart and the main hyper-parameters of a result. */
    public static String result(GanResult r) {
        Provenance pv = r.provenance();
        GanConfig c = r.config();
        Html.Properties p = Html.properties("GanResult")
                .row("steps", r.steps())
                .row("stopped", r.stopReason() + " (" + r.message() + ")")
                .row("generator", c.generator())
                .row("discriminator", c.discriminator())
                .row("loss", c.loss() + (c.regularizer() == null ? "" : " + " + c.regularizer()))
                .row("batch size / nCritic", c.batchSize() + " / " + c.nCritic())
                .row("EMA decay", c.emaDecay())
                .row("seed", pv.seed())
                .row("data", pv.datasetSize() + " samples, fingerprint " + pv.datasetFingerprint())
                .row("versions", "gan4j " + pv.gan4jVersion() + ", DL4J " + pv.dl4jVersion() + ", Java "
                        + pv.javaVersion())
                .row("time", pv.started() + " → " + pv.finished()
                        + (pv.resumedFromStep() > 0 ? " (resumed from step " + pv.resumedFromStep() + ")" : ""));
        TrainingHistory h = r.history();
        if (h.size() > 0) {
            var chart = h.lossChart();
            p.rawRow("losses", Html.png(Png.chart(chart), chart.getWidth()));
        }
        return p.toHtml();
    }

    /** Loss chart and the last rows. */
    public static String history(TrainingHistory h) {
        StringBuilder html = new StringBuilder("<div class=\"gan4j-history\">");
        if (h.size() == 0) {
            return html.append("TrainingHistory: no steps yet</div>").toString();
        }
        var chart = h.lossChart();
        html.append(Html.png(Png.chart(chart), chart.getWidth())).append("<br>");
        html.append(TableDisplay.html(h.last(HISTORY_ROWS)));
        return html.append("</div>").toString();
    }

    /** Step, time, and the loss chart of a session. */
    public static String session(TrainingSession s) {
        Html.Properties p = Html.properties("TrainingSession")
                .row("step", s.step())
                .row("epoch", s.epoch())
                .row("training time", String.format(Locale.ROOT, "%.1f s", s.wallSeconds()))
                .row("usable", s.usable() ? "yes" : s.toString())
                .row("generator", s.config().generator())
                .row("loss", s.config().loss());
        TrainingHistory h = s.history();
        if (h.size() > 0) {
            var chart = h.lossChart();
            p.rawRow("losses", Html.png(Png.chart(chart), chart.getWidth()));
        }
        return p.toHtml();
    }

    /** Coverage and quality on a Gaussian ring. */
    public static String ring(RingMetrics m) {
        return Html.properties("RingMetrics")
                .row("modes covered", m.modesCovered() + " / " + m.samplesPerMode().length
                        + " (≥ " + m.minSamplesPerMode() + " good samples each)")
                .row("high quality", String.format(Locale.ROOT, "%.1f %% (within 3σ of a mode)",
                        100 * m.highQualityFraction()))
                .row("samples", m.samples())
                .row("per mode", Arrays.toString(m.samplesPerMode()))
                .toHtml();
    }

    /** Classes covered and the count per class. */
    public static String coverage(CoverageReport r) {
        Html.Properties p = Html.properties("CoverageReport")
                .row("classes covered", r.coveredClasses() + " / " + r.classNames().size()
                        + String.format(Locale.ROOT, " (≥ %.1f %% of samples each)", 100 * r.minShare()))
                .row("samples", r.samples())
                .row("mean confidence", String.format(Locale.ROOT, "%.3f", r.meanConfidence()));
        StringBuilder counts = new StringBuilder();
        for (int k = 0; k < r.classNames().size(); k++) {
            counts.append(k == 0 ? "" : ", ").append(r.classNames().get(k)).append(' ').append(r.counts()[k])
                    .append(r.covered(k) ? "" : " ✗");
        }
        return p.row("per class", counts).toHtml();
    }

    /** Label accuracy and coverage of conditional samples. */
    public static String conditional(ConditionalReport r) {
        return Html.properties("ConditionalReport")
                .row("label accuracy", String.format(Locale.ROOT, "%.1f %%", 100 * r.labelAccuracy()))
                .row("samples", r.samples())
                .rawRow("coverage", coverage(r.coverage()))
                .toHtml();
    }

    /** What the judge is and how good it is on its test set. */
    public static String judge(JudgeClassifier j) {
        return Html.properties("JudgeClassifier")
                .row("model", j.config().featureDescription() + " → multinomial logistic regression (Tribuo), "
                        + j.featureCount() + " features")
                .row("images", j.channels() + "×" + j.height() + "×" + j.width() + ", " + j.numClasses()
                        + " classes " + j.classNames())
                .row("trained on", j.trainingImages() + " images (" + j.trainingSource() + ") in "
                        + String.format(Locale.ROOT, "%.1f s", j.trainingTime().toMillis() / 1000.0))
                .row("test accuracy", String.format(Locale.ROOT, "%.1f %%", 100 * j.testAccuracy()))
                .toHtml();
    }

    /** Size, classes, source and a preview grid of the first images. */
    public static String dataset(ImageDataset d) {
        Html.Properties p = Html.properties("ImageDataset")
                .row("images", d.size() + " × " + d.channels() + "×" + d.height() + "×" + d.width() + " (CxHxW)")
                .row("classes", d.numClasses() == 0 ? "unlabelled" : d.numClasses() + " " + d.classNames())
                .row("source", d.source());
        if (d.size() > 0) {
            var grid = ImageGrid.of(d.take(Math.min(DATASET_PREVIEW, d.size())));
            p.rawRow("first " + Math.min(DATASET_PREVIEW, d.size()), Html.png(grid, 0));
        }
        return p.toHtml();
    }

    /** The generator's description and, for image generators, a sample grid. */
    public static String generator(Generator g) {
        Html.Properties p = Html.properties("Generator").row("spec", g.spec())
                .row("parameters", g.network().numParams());
        if (g.spec().sampleShape().length == 3) {
            p.rawRow(GENERATOR_PREVIEW + " samples (seed " + GENERATOR_SEED + ")",
                    Html.png(g.grid(GENERATOR_PREVIEW, GENERATOR_SEED), 0));
        }
        return p.toHtml();
    }
}
