package org.gan4j.synth;

import org.gan4j.random.RandomStream;
import org.gan4j.train.TrainingSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A mixture of {@code modes} isotropic 2-D Gaussians with standard deviation {@code sigma}, centred at equal angles
 * on a circle of radius {@code radius}; mode k sits at angle 2πk/modes. Labels are mode indices, so the same data
 * trains conditional models.
 *
 * <pre>{@code
 * GaussianRing ring = GaussianRing.standard();            // 8 modes, radius 2, sigma 0.02
 * TrainingSet data = ring.sample(10_000, 1);
 * RingMetrics m = ring.evaluate(generator.sample(2_000, 7));
 * }</pre>
 *
 * @param modes  number of mixture components, ≥ 2
 * @param radius radius of the ring, &gt; 0
 * @param sigma  standard deviation of each component, &gt; 0
 */
public record GaussianRing(int modes, double radius, double sigma) implements PlaneData {

    /** Validates the arguments; each failure names the parameter. */
    public GaussianRing {
        if (modes < 2) {
            throw new IllegalArgumentException("modes must be >= 2, got " + modes);
        }
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be a finite number > 0, got " + radius);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite number > 0, got " + sigma);
        }
    }

    /** The usual benchmark: 8 modes, radius 2, σ = 0.02. */
    public static GaussianRing standard() {
        return new GaussianRing(8, 2.0, 0.02);
    }

    /** Centre of mode {@code k} as {x, y}. */
    public double[] centre(int k) {
        if (k < 0 || k >= modes) {
            throw new IllegalArgumentException("mode must be in [0, " + modes + "), got " + k);
        }
        double a = 2 * Math.PI * k / modes;
        return new double[]{radius * Math.cos(a), radius * Math.sin(a)};
    }

    @Override
    public String name() {
        return "ring of " + modes;
    }

    @Override
    public double extent() {
        return 1.25 * (radius + 4 * sigma);
    }

    /** {@code n} labelled points {@code [n, 2]} (float32), modes drawn uniformly; reproducible from {@code seed}. */
    @Override
    public TrainingSet sample(int n, long seed) {
        PlaneData.checkCount(n);
        RandomStream r = RandomStream.seeded(seed);
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(modes);
            double[] c = centre(k);
            labels[i] = k;
            xy[2 * i] = c[0] + sigma * r.nextGaussian();
            xy[2 * i + 1] = c[1] + sigma * r.nextGaussian();
        }
        return TrainingSet.labelled(PlaneData.points(xy), labels, modes);
    }

    /**
     * The nearest mode of each point if it lies within 3σ of it, else -1.
     *
     * @param points {@code [n, 2]}
     */
    public int[] assign(INDArray points) {
        if (points == null || points.rank() != 2 || points.size(1) != 2) {
            throw new IllegalArgumentException("points must have shape [n, 2], got "
                    + (points == null ? "null" : java.util.Arrays.toString(points.shape())));
        }
        double[] p = points.castTo(DataType.DOUBLE).dup().data().asDouble();
        int n = (int) points.size(0);
        int[] out = new int[n];
        double limit = 3 * sigma;
        for (int i = 0; i < n; i++) {
            double x = p[2 * i];
            double y = p[2 * i + 1];
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int k = 0; k < modes; k++) {
                double[] c = centre(k);
                double d = Math.hypot(x - c[0], y - c[1]);
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            out[i] = bestD <= limit ? best : -1;
        }
        return out;
    }

    /**
     * Mode coverage and quality: a sample is high quality if it lies within 3σ of a mode, and a mode is covered if
     * at least 1% of the samples (at least 1) are high-quality samples of that mode.
     */
    public RingMetrics evaluate(INDArray points) {
        int[] a = assign(points);
        int[] perMode = new int[modes];
        int hq = 0;
        for (int k : a) {
            if (k >= 0) {
                perMode[k]++;
                hq++;
            }
        }
        int threshold = Math.max(1, a.length / 100);
        int covered = 0;
        for (int c : perMode) {
            if (c >= threshold) {
                covered++;
            }
        }
        return new RingMetrics(a.length, covered, hq / (double) a.length, perMode, threshold);
    }

    /** Fraction of points that lie within 3σ of the mode requested for them. */
    public double labelAccuracy(INDArray points, int[] requested) {
        int[] a = assign(points);
        if (requested == null || requested.length != a.length) {
            throw new IllegalArgumentException("requested must have one label per point (" + a.length + ")");
        }
        int hits = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == requested[i]) {
                hits++;
            }
        }
        return hits / (double) a.length;
    }
}
