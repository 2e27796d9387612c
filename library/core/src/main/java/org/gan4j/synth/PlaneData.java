package org.gan4j.synth;

import org.gan4j.train.TrainingSet;

/** A distribution of points in the plane to train a GAN on and to look at: the ring, a grid, a spiral, two moons. */
public interface PlaneData {

    /**
     * @param n    number of points, {@code > 0}
     * @param seed the random seed
     * @return {@code n} points {@code [n, 2]} (float32), reproducible from {@code seed}
     */
    TrainingSet sample(int n, long seed);

    /** @return a short name for menus and titles */
    String name();

    /** @return a half-width {@code L} such that the square [-L, L]² shows all of the data with a margin */
    double extent();
}
