package org.gan4j.synth;

import org.gan4j.random.RandomStream;
import org.gan4j.train.TrainingSet;

/**
 * Two interleaved half circles of radius 1 (the upper one centred at (0, 0), the lower at (1, 0.5)), shifted to be
 * centred on the origin and scaled by {@code scale}, with Gaussian noise: two curved modes, labelled 0 and 1.
 *
 * @param scale size factor, {@code > 0}
 * @param noise standard deviation of the noise (after scaling), {@code >= 0}
 */
public record TwoMoons(double scale, double noise) implements PlaneData {

    /** Validates the arguments; each failure names the parameter. */
    public TwoMoons {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, got " + scale);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
    }

    /** @return scale 1.2, noise 0.05 */
    public static TwoMoons standard() {
        return new TwoMoons(1.2, 0.05);
    }

    @Override
    public String name() {
        return "two moons";
    }

    @Override
    public double extent() {
        return 1.25 * (1.5 * scale + 4 * noise);
    }

    /** {@code n} points, each moon drawn with probability ½, labelled by moon. */
    @Override
    public TrainingSet sample(int n, long seed) {
        PlaneData.checkCount(n);
        RandomStream r = RandomStream.seeded(seed);
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int moon = r.nextInt(2);
            double a = Math.PI * r.nextDouble();
            double x = moon == 0 ? Math.cos(a) : 1 - Math.cos(a);
            double y = moon == 0 ? Math.sin(a) : 0.5 - Math.sin(a);
            labels[i] = moon;
            xy[2 * i] = scale * (x - 0.5) + noise * r.nextGaussian();
            xy[2 * i + 1] = scale * (y - 0.25) + noise * r.nextGaussian();
        }
        return TrainingSet.labelled(PlaneData.points(xy), labels, 2);
    }
}
