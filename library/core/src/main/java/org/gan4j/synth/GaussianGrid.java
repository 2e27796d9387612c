package org.gan4j.synth;

import org.gan4j.random.RandomStream;
import org.gan4j.train.TrainingSet;

/**
 * A {@code side}×{@code side} grid of isotropic Gaussians, {@code spacing} apart and centred on the origin (the
 * 25-Gaussian benchmark of Dumoulin et al. 2017, "Adversarially Learned Inference", has side 5): harder than the ring
 * for a generator, which must cover modes on a lattice.
 *
 * @param side    modes per row and column, {@code >= 2}
 * @param spacing distance between neighbouring modes, {@code > 0}
 * @param sigma   standard deviation of each mode, {@code > 0}
 */
public record GaussianGrid(int side, double spacing, double sigma) implements PlaneData {

    /** Validates the arguments; each failure names the parameter. */
    public GaussianGrid {
        if (side < 2) {
            throw new IllegalArgumentException("side must be >= 2, got " + side);
        }
        if (!(spacing > 0)) {
            throw new IllegalArgumentException("spacing must be > 0, got " + spacing);
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
        }
    }

    /** @return 5×5 modes, 1 apart, σ = 0.05 */
    public static GaussianGrid standard() {
        return new GaussianGrid(5, 1.0, 0.05);
    }

    @Override
    public String name() {
        return side + "x" + side + " grid";
    }

    @Override
    public double extent() {
        return 1.25 * ((side - 1) * spacing / 2 + 4 * sigma);
    }

    /** {@code n} points labelled by their mode (row-major), modes drawn uniformly. */
    @Override
    public TrainingSet sample(int n, long seed) {
        PlaneData.checkCount(n);
        RandomStream r = RandomStream.seeded(seed);
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        double offset = (side - 1) * spacing / 2;
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(side * side);
            labels[i] = k;
            xy[2 * i] = (k % side) * spacing - offset + sigma * r.nextGaussian();
            xy[2 * i + 1] = (k / side) * spacing - offset + sigma * r.nextGaussian();
        }
        return TrainingSet.labelled(PlaneData.points(xy), labels, side * side);
    }
}
