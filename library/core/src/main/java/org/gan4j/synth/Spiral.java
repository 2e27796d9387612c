package org.gan4j.synth;

import org.gan4j.random.RandomStream;
import org.gan4j.train.TrainingSet;

/**
 * Points along an Archimedean spiral (radius growing linearly with the angle, from 0 to {@code radius} over
 * {@code turns} turns) with Gaussian noise: one long, thin, curved mode, which a generator must bend its manifold to
 * follow.
 *
 * @param turns  number of turns, {@code > 0}
 * @param radius outer radius, {@code > 0}
 * @param noise  standard deviation of the noise, {@code >= 0}
 */
public record Spiral(double turns, double radius, double noise) implements PlaneData {

    /** Validates the arguments; each failure names the parameter. */
    public Spiral {
        if (!(turns > 0)) {
            throw new IllegalArgumentException("turns must be > 0, got " + turns);
        }
        if (!(radius > 0)) {
            throw new IllegalArgumentException("radius must be > 0, got " + radius);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
    }

    /** @return 1.5 turns out to radius 2, noise 0.05 */
    public static Spiral standard() {
        return new Spiral(1.5, 2.0, 0.05);
    }

    @Override
    public String name() {
        return "spiral";
    }

    @Override
    public double extent() {
        return 1.25 * (radius + 4 * noise);
    }

    /** {@code n} points, spread evenly along the spiral's length parameter (unlabelled). */
    @Override
    public TrainingSet sample(int n, long seed) {
        PlaneData.checkCount(n);
        RandomStream r = RandomStream.seeded(seed);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = Math.sqrt(r.nextDouble());     // uniform along the arc: the arc length grows with t²
            double angle = 2 * Math.PI * turns * t;
            xy[2 * i] = radius * t * Math.cos(angle) + noise * r.nextGaussian();
            xy[2 * i + 1] = radius * t * Math.sin(angle) + noise * r.nextGaussian();
        }
        return TrainingSet.of(PlaneData.points(xy));
    }
}
