package org.gan4j.data;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Summaries of an {@link ImageDataset} as Tablesaw tables (they print as text in a REPL and render as tables in
 * a notebook) and {@link Histogram}s.
 *
 * <pre>{@code
 * DataSummary.classBalance(train)   // class | name | count | share
 * DataSummary.pixelStats(train)     // scale | min | max | mean | std, raw and normalised
 * }</pre>
 */
public final class DataSummary {

    private DataSummary() {
    }

    /**
     * One row per class: {@code class} (index), {@code name}, {@code count} (images), {@code share} (fraction of
     * all images, printed as a percentage).
     *
     * @param dataset the images
     * @return a new table named "Class balance"
     */
    public static Table classBalance(ImageDataset dataset) {
        int[] counts = dataset.classCounts();
        int k = counts.length;
        IntColumn index = IntColumn.create("class");
        StringColumn name = StringColumn.create("name");
        IntColumn count = IntColumn.create("count");
        DoubleColumn share = DoubleColumn.create("share");
        for (int i = 0; i < k; i++) {
            index.append(i);
            name.append(dataset.className(i));
            count.append(counts[i]);
            share.append(dataset.size() == 0 ? 0.0 : (double) counts[i] / dataset.size());
        }
        share.setPrintFormatter(NumberColumnFormatter.percent(1));
        return Table.create("Class balance (" + dataset.size() + " images)", index, name, count, share);
    }

    /**
     * Pixel statistics on both {@link PixelScale}s: one row per scale with {@code min}, {@code max},
     * {@code mean}, {@code std} (population) and {@code zeros} (share of pixels at the darkest value).
     *
     * @param dataset the images
     * @return a new table named "Pixel statistics"
     */
    public static Table pixelStats(ImageDataset dataset) {
        float[] p = dataset.pixelArray();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSq = 0;
        long dark = 0;
        for (float v : p) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSq += (double) v * v;
            if (v <= Pixels.MIN) {
                dark++;
            }
        }
        long n = p.length;
        double mean = n == 0 ? Double.NaN : sum / n;
        double std = n == 0 ? Double.NaN : Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        if (n == 0) {
            min = max = Double.NaN;
        }
        // Raw values are an affine image of the normalised ones: raw = (x + 1) * 127.5.
        StringColumn scale = StringColumn.create("scale", PixelScale.RAW.description(),
                PixelScale.NORMALISED.description());
        DoubleColumn minC = DoubleColumn.create("min", toRaw(min), min);
        DoubleColumn maxC = DoubleColumn.create("max", toRaw(max), max);
        DoubleColumn meanC = DoubleColumn.create("mean", toRaw(mean), mean);
        DoubleColumn stdC = DoubleColumn.create("std", std * 127.5, std);
        double darkShare = n == 0 ? Double.NaN : (double) dark / n;
        DoubleColumn zeros = DoubleColumn.create("black", darkShare, darkShare);
        for (DoubleColumn c : new DoubleColumn[] {minC, maxC, meanC, stdC}) {
            c.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        }
        zeros.setPrintFormatter(NumberColumnFormatter.percent(1));
        return Table.create("Pixel statistics (" + dataset.size() + " images, " + n + " values)", scale, minC, maxC,
                meanC, stdC, zeros);
    }

    private static double toRaw(double normalised) {
        return (normalised + 1.0) * 127.5;
    }

    /**
     * Histogram of all pixel values of a dataset on the given scale. With {@code RAW} the range is
     * {@code [0, 256)} so that, for a bin count dividing 256, every bin holds the same number of byte values;
     * with {@code NORMALISED} it is {@code [-1, 1]}. Both give the same counts for such bin counts: normalising
     * changes the axis, not the shape.
     *
     * @param dataset the images
     * @param scale   RAW or NORMALISED
     * @param bins    number of bins (e.g. 32)
     * @return the histogram
     */
    public static Histogram pixelHistogram(ImageDataset dataset, PixelScale scale, int bins) {
        if (bins <= 0) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        long[] counts = new long[bins];
        for (float v : dataset.pixelArray()) {
            if (!Float.isNaN(v)) {
                counts[Histogram.bin(scale.convert(v), scale.lower(), scale.upper(), bins)]++;
            }
        }
        return new Histogram(scale.lower(), scale.upper(), counts, "pixels, " + scale.description());
    }
}
