package org.gan4j.data;

import java.util.Arrays;

/**
 * Counts of values in equal-width bins over a fixed range; the data of a histogram chart.
 *
 * @param lower  lower edge of the first bin
 * @param upper  upper edge of the last bin
 * @param counts values per bin
 * @param label  what was counted, e.g. {@code "pixels, raw bytes 0..255"}
 */
public record Histogram(double lower, double upper, long[] counts, String label) {

    /**
     * Validates and copies the counts.
     *
     * @param lower  lower edge of the first bin
     * @param upper  upper edge of the last bin, greater than {@code lower}
     * @param counts values per bin, at least one bin
     * @param label  what was counted
     */
    public Histogram {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("expected lower < upper, got " + lower + ", " + upper);
        }
        if (counts.length == 0) {
            throw new IllegalArgumentException("expected at least one bin");
        }
        counts = counts.clone();
    }

    /**
     * Counts values into {@code bins} equal bins over {@code [lower, upper]}; values outside the range go to the
     * first or last bin, NaN is skipped.
     *
     * @param values values to count
     * @param lower  lower edge
     * @param upper  upper edge
     * @param bins   number of bins
     * @param label  what was counted
     * @return the histogram
     */
    public static Histogram of(double[] values, double lower, double upper, int bins, String label) {
        long[] counts = new long[bins];
        for (double v : values) {
            if (!Double.isNaN(v)) {
                counts[bin(v, lower, upper, bins)]++;
            }
        }
        return new Histogram(lower, upper, counts, label);
    }

    static int bin(double v, double lower, double upper, int bins) {
        int b = (int) Math.floor((v - lower) / (upper - lower) * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    /** @return a copy of the counts */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** @return the number of bins */
    public int bins() {
        return counts.length;
    }

    /** @return the bin edges, {@code bins() + 1} values from {@code lower} to {@code upper} */
    public double[] edges() {
        double[] e = new double[counts.length + 1];
        for (int i = 0; i <= counts.length; i++) {
            e[i] = lower + (upper - lower) * i / counts.length;
        }
        return e;
    }

    /** @return the bin centres */
    public double[] centres() {
        double[] c = new double[counts.length];
        double w = (upper - lower) / counts.length;
        for (int i = 0; i < counts.length; i++) {
            c[i] = lower + w * (i + 0.5);
        }
        return c;
    }

    /** @return the sum of all counts */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.lower == lower && h.upper == upper && Arrays.equals(h.counts, counts)
                && h.label.equals(label);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lower) * 31 + Double.hashCode(upper) * 17 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + label + ", " + counts.length + " bins over [" + lower + ", " + upper + "], total "
                + total() + ", counts=" + Arrays.toString(counts) + "]";
    }
}
