package org.gan4j.eval;

import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which classes a judge sees in a set of (generated) images: the class histogram of its predictions, how many
 * classes are <em>covered</em>, and how confident it is. A class is covered when at least {@code minShare} of the
 * samples are predicted as that class (and at least one sample is): with the default 1 % and 500 samples a class
 * needs 5 samples, so a single stray sample does not count. Immutable.
 *
 * @param samples        number of images judged
 * @param classNames     class names, index = label
 * @param counts         images predicted as each class, index = label
 * @param minShare       share of the samples a class needs to count as covered, in (0, 1]
 * @param meanConfidence mean over the images of the judge's highest class probability, in [0, 1]: near 1 when the
 *                       judge is sure what each image shows, near {@code 1 / classes} when it cannot place them
 *                       (blank images). Not a detector of garbage: a linear judge can be sure of nonsense (uniform
 *                       noise is "Bag" with confidence 0.997 for the Fashion-MNIST judge); use
 *                       {@link FrechetDistance#inJudgeSpace} or look at the images.
 */
public record CoverageReport(int samples, List<String> classNames, int[] counts, double minShare,
                             double meanConfidence) {

    /** Default {@link #minShare()}: 1 % of the samples. */
    public static final double DEFAULT_MIN_SHARE = 0.01;

    /** Copies the arrays and checks their sizes. */
    public CoverageReport {
        classNames = List.copyOf(classNames);
        counts = counts.clone();
        if (counts.length != classNames.size()) {
            throw new IllegalArgumentException("counts has " + counts.length + " entries, expected "
                    + classNames.size() + " (one per class)");
        }
        if (!(minShare > 0 && minShare <= 1)) {
            throw new IllegalArgumentException("minShare must be in (0, 1], got " + minShare);
        }
    }

    /** @return a copy of the per-class counts */
    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** @return the smallest count that makes a class covered: {@code max(1, ceil(minShare · samples))} */
    public int minCount() {
        return Math.max(1, (int) Math.ceil(minShare * samples - 1e-9));
    }

    /** @param k class index @return whether class {@code k} is covered */
    public boolean covered(int k) {
        return counts[k] >= minCount();
    }

    /** @return the number of covered classes */
    public int coveredClasses() {
        int n = 0;
        for (int k = 0; k < counts.length; k++) {
            if (covered(k)) {
                n++;
            }
        }
        return n;
    }

    /** @param k class index @return the share of the samples predicted as class {@code k} */
    public double share(int k) {
        return samples == 0 ? 0 : (double) counts[k] / samples;
    }

    /** @return the class histogram: {@code class, count, share, covered} */
    public Table histogram() {
        int k = classNames.size();
        double[] shares = new double[k];
        boolean[] covered = new boolean[k];
        for (int c = 0; c < k; c++) {
            shares[c] = share(c);
            covered[c] = covered(c);
        }
        BooleanColumn coveredColumn = BooleanColumn.create("covered", k);
        for (int c = 0; c < k; c++) {
            coveredColumn.set(c, covered[c]);
        }
        return Table.create(String.format(Locale.ROOT, "judged classes of %d samples (covered: >= %d samples)",
                        samples, minCount()),
                StringColumn.create("class", classNames),
                IntColumn.create("count", counts),
                DoubleColumn.create("share", shares),
                coveredColumn);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoverageReport r && samples == r.samples && classNames.equals(r.classNames)
                && java.util.Arrays.equals(counts, r.counts) && Double.compare(minShare, r.minShare) == 0
                && Double.compare(meanConfidence, r.meanConfidence) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(counts) * 31 + samples;
    }

    /** E.g. {@code CoverageReport[9/10 classes covered (>= 5 of 500 samples each), confidence 0.87, counts {...}]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "CoverageReport[%d/%d classes covered (>= %d of %d samples each), mean confidence %.3f, counts {",
                coveredClasses(), classNames.size(), minCount(), samples, meanConfidence));
        for (int c = 0; c < counts.length; c++) {
            sb.append(c == 0 ? "" : ", ").append(classNames.get(c)).append(": ").append(counts[c]);
        }
        return sb.append("}]").toString();
    }
}
