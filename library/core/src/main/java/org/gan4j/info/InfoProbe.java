package org.gan4j.info;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.gan4j.data.ImageDataset;
import org.gan4j.eval.JudgeClassifier;
import org.gan4j.nn.Generator;
import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What an InfoGAN's codes learned, measured without labels in training:
 * <ul>
 *   <li>{@link #categories}: images generated per value of the categorical code are labelled by an independent
 *       judge; the code values are matched one-to-one to the judge's classes so that the most images agree (the
 *       assignment problem, solved exactly), and the agreement is the share of images whose judged class is their
 *       code value's match — InfoGAN's "5 % error" on MNIST is this measure;</li>
 *   <li>{@link #sweeps}: one continuous code swept across [−1, 1] with everything else fixed; an attribute of the image
 *       (for example {@link #INK}, {@link #WIDTH}) changes monotonically along the sweep, or not.</li>
 * </ul>
 */
public final class InfoProbe {
    /** Sweeps measure a continuous code over the range it was trained on, [−1, 1]. */
    private static final double MEASURED_RANGE = 1;
    /**
     * A sweep counts as monotonic only if the attribute moves end to end by at least this share of its spread between
     * images (the standard deviation of its values at the sweeps' centres): a code the generator ignores, or one that
     * barely moves the attribute, leaves its sweeps flat rather than trivially monotonic.
     */
    public static final double MIN_CHANGE = 0.25;
    /** Ink: the mean brightness of the image, pixels mapped from [-1, 1] to [0, 1]. */
    public static final ToDoubleFunction<INDArray> INK = image -> image.add(1).divi(2).meanNumber().doubleValue();
    /**
     * Width: the brightness-weighted spread of the image's columns (the standard deviation of the column index
     * under the image's brightness), in pixels.
     */
    public static final ToDoubleFunction<INDArray> WIDTH = InfoProbe::width;

    private InfoProbe() {
    }

    /**
     * The categorical code against the judge's classes.
     *
     * @param perCategory images generated per code value (latent noise from {@code seed})
     */
    public static CategoryAgreement categories(Generator generator, InfoCodes codes, JudgeClassifier judge,
                                               int perCategory, long seed) {
        if (codes.categories() == 0) {
            throw new IllegalArgumentException("these codes have no categorical code");
        }
        if (perCategory < 1) {
            throw new IllegalArgumentException("perCategory must be >= 1, got " + perCategory);
        }
        if (generator.spec().numClasses() > 0) {
            throw new IllegalArgumentException("the judged class of a conditional generator's image follows its label, "
                    + "not the categorical code: measure the categorical code of an unconditional InfoGAN");
        }
        int k = codes.categories();
        int classes = judge.numClasses();
        int n = k * perCategory;
        INDArray z = codes.latent(generator, n, seed);
        int[] category = new int[n];
        double[][] values = continuousValues(codes, z);
        for (int i = 0; i < n; i++) {
            category[i] = i % k;
        }
        codes.set(z, category, values);
        int[] judged = judge.predict(ImageDataset.of(generator.generate(z, null), "InfoGAN samples"));
        int[][] counts = new int[k][classes];
        for (int i = 0; i < n; i++) {
            counts[category[i]][judged[i]]++;
        }
        int[] match = bestMatching(counts);
        int agreeing = 0;
        for (int c = 0; c < k; c++) {
            if (match[c] >= 0) {
                agreeing += counts[c][match[c]];
            }
        }
        return new CategoryAgreement(counts, match, (double) agreeing / n, judge.classNames());
    }

    /**
     * Sweeps continuous code {@code code} over {@code points} values across its training range [−1, 1] for
     * {@code sweeps} random latents and measures {@code attribute} along each sweep. A sweep is increasing when the
     * attribute never decreases along it, decreasing when it never increases — and in either case only when it moves
     * end to end by at least {@link #MIN_CHANGE} × its standard deviation between the sweeps' centre images; smaller
     * moves count as flat. A conditional generator's sweep {@code s} renders class {@code s mod numClasses}, the same
     * class along the sweep.
     */
    public static SweepReport sweeps(Generator generator, InfoCodes codes, int code, int sweeps, int points,
                                     ToDoubleFunction<INDArray> attribute, long seed) {
        if (code < 0 || code >= codes.continuous()) {
            throw new IllegalArgumentException("code must be in [0, " + codes.continuous() + "), got " + code);
        }
        if (sweeps < 1 || points < 3) {
            throw new IllegalArgumentException("need sweeps >= 1 and points >= 3, got " + sweeps + " and " + points);
        }
        INDArray base = codes.latent(generator, sweeps, seed);
        int column = (int) base.size(1) - codes.width() + codes.categories() + code;
        INDArray z = base.repeat(0, points);   // row s·points + p: sweep s at point p
        for (int r = 0; r < z.size(0); r++) {
            z.putScalar(r, column, sweepValue(r % points, points, MEASURED_RANGE));
        }
        INDArray images = generator.generate(z, labels(generator, (int) z.size(0), r -> r / points));
        double[][] values = new double[sweeps][points];
        double[] centres = new double[sweeps];
        for (int s = 0; s < sweeps; s++) {
            for (int p = 0; p < points; p++) {
                values[s][p] = attribute.applyAsDouble(images.get(NDArrayIndex.point((long) s * points + p)));
            }
            centres[s] = values[s][points / 2];
        }
        double minChange = MIN_CHANGE * standardDeviation(centres);
        int increasing = 0;
        int decreasing = 0;
        int flat = 0;
        for (double[] sweep : values) {
            boolean up = true;
            boolean down = true;
            for (int p = 1; p < points; p++) {
                up &= sweep[p] >= sweep[p - 1];
                down &= sweep[p] <= sweep[p - 1];
            }
            double change = Math.abs(sweep[points - 1] - sweep[0]);
            if (!(change > 0 && change >= minChange)) {
                flat++;
            } else {
                increasing += up ? 1 : 0;
                decreasing += down ? 1 : 0;
            }
        }
        return new SweepReport(code, sweeps, increasing, decreasing, flat, values);
    }

    /**
     * The most monotonic of every continuous code's {@link #sweeps} against {@link #INK} and {@link #WIDTH} (ties go
     * to the lower code, ink before width): whether some code controls ink or width.
     */
    public static SweepReport mostMonotonic(Generator generator, InfoCodes codes, int sweeps, int points, long seed) {
        if (codes.continuous() == 0) {
            throw new IllegalArgumentException("these codes have no continuous code");
        }
        SweepReport best = null;
        for (int code = 0; code < codes.continuous(); code++) {
            for (ToDoubleFunction<INDArray> attribute : List.of(INK, WIDTH)) {
                SweepReport report = sweeps(generator, codes, code, sweeps, points, attribute, seed);
                if (best == null || report.monotonicShare() > best.monotonicShare()) {
                    best = report;
                }
            }
        }
        return best;
    }

    /**
     * The labels of {@code n} images for {@code generator}: image {@code i} gets class
     * {@code group(i) mod numClasses}; {@code null} for an unconditional generator.
     */
    static int[] labels(Generator generator, int n, IntUnaryOperator group) {
        int classes = generator.spec().numClasses();
        return classes == 0 ? null : IntStream.range(0, n).map(i -> group.applyAsInt(i) % classes).toArray();
    }

    /** The i-th of {@code points} values evenly from {@code -range} to {@code range}. */
    public static double sweepValue(int i, int points, double range) {
        return range * (-1 + 2.0 * i / (points - 1));
    }

    private static double standardDeviation(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length);
    }

    private static double[][] continuousValues(InfoCodes codes, INDArray z) {
        INDArray c = codes.codesOf(z);
        double[][] values = new double[(int) z.size(0)][codes.continuous()];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < codes.continuous(); j++) {
                values[i][j] = c.getDouble(i, codes.categories() + j);
            }
        }
        return values;
    }

    private static double width(INDArray image) {
        INDArray ink = image.add(1).divi(2);
        long w = ink.size(ink.rank() - 1);
        INDArray columns = ink.reshape(-1, w).sum(0);   // ink per column
        double total = columns.sumNumber().doubleValue();
        if (total <= 0) {
            return 0;
        }
        double mean = 0;
        double square = 0;
        for (int x = 0; x < w; x++) {
            double p = columns.getDouble(x) / total;
            mean += p * x;
            square += p * x * x;
        }
        return Math.sqrt(Math.max(0, square - mean * mean));
    }

    /**
     * The one-to-one assignment of rows to columns with the largest total count (each row to a different column;
     * rows beyond the columns stay unmatched, -1), by dynamic programming over the sets of used columns: exact, and
     * fast for the at most ~16 classes of a judge.
     */
    static int[] bestMatching(int[][] counts) {
        int rows = counts.length;
        int cols = counts[0].length;
        if (cols > 20) {
            throw new IllegalArgumentException("matching supports at most 20 classes, got " + cols);
        }
        int full = 1 << cols;
        // best[r][mask]: the largest total for rows r.. given the columns in mask are taken
        long[][] best = new long[rows + 1][full];
        for (int r = rows - 1; r >= 0; r--) {
            for (int mask = 0; mask < full; mask++) {
                long value = best[r + 1][mask];   // row r unmatched
                for (int c = 0; c < cols; c++) {
                    if ((mask & (1 << c)) == 0) {
                        value = Math.max(value, counts[r][c] + best[r + 1][mask | (1 << c)]);
                    }
                }
                best[r][mask] = value;
            }
        }
        int[] match = new int[rows];
        int mask = 0;
        for (int r = 0; r < rows; r++) {
            match[r] = -1;
            for (int c = 0; c < cols; c++) {
                if ((mask & (1 << c)) == 0 && counts[r][c] + best[r + 1][mask | (1 << c)] == best[r][mask]) {
                    match[r] = c;
                    break;
                }
            }
            if (match[r] >= 0) {
                mask |= 1 << match[r];
            }
        }
        return match;
    }

    /**
     * The categorical code against the judge.
     *
     * @param counts     {@code [code value][judged class]} image counts
     * @param match      the class each code value is matched to (-1 = none)
     * @param agreement  share of images judged as their code value's match
     * @param classNames the judge's class names
     */
    public record CategoryAgreement(int[][] counts, int[] match, double agreement, List<String> classNames) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "categorical code vs judged class after the best one-to-one matching: agreement %.1f %%",
                    100 * agreement));
            for (int c = 0; c < match.length; c++) {
                int total = Arrays.stream(counts[c]).sum();
                b.append(String.format(Locale.ROOT, "%n  code %d -> %s (%d of %d)", c,
                        match[c] < 0 ? "none" : classNames.get(match[c]), match[c] < 0 ? 0 : counts[c][match[c]],
                        total));
            }
            return b.toString();
        }
    }

    /**
     * A continuous code's sweeps.
     *
     * @param code       which continuous code
     * @param sweeps     number of sweeps
     * @param increasing sweeps along which the attribute never decreased (and moved enough)
     * @param decreasing sweeps along which it never increased (and moved enough)
     * @param flat       sweeps along which it moved less than {@link #MIN_CHANGE} × its spread between images
     * @param values     {@code [sweep][point]} the attribute's values
     */
    public record SweepReport(int code, int sweeps, int increasing, int decreasing, int flat, double[][] values) {
        /** The share of sweeps monotonic in the more common direction. */
        public double monotonicShare() {
            return (double) Math.max(increasing, decreasing) / sweeps;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "continuous code %d: monotonic in %.0f %% of %d sweeps (%d increasing, "
                    + "%d decreasing, %d flat)", code, 100 * monotonicShare(), sweeps, increasing, decreasing, flat);
        }
    }
}
