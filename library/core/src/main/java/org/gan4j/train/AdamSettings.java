package org.gan4j.train;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Adam settings of one player.
 *
 * @param learningRate step size, &gt; 0
 * @param beta1        first-moment decay, in [0, 1) (DCGAN: 0.5)
 * @param beta2        second-moment decay, in [0, 1)
 */
public record AdamSettings(double learningRate, double beta1, double beta2) {

    /** Validates the arguments; each failure names the parameter. */
    public AdamSettings {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number > 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
    }

    /** The DCGAN paper's setting: learning rate 2e-4, β1 = 0.5, β2 = 0.999. */
    public static AdamSettings dcgan() {
        return new AdamSettings(2e-4, 0.5, 0.999);
    }

    /** Adam with the given learning rate, β1 = 0.5, β2 = 0.999. */
    public static AdamSettings of(double learningRate) {
        return new AdamSettings(learningRate, 0.5, 0.999);
    }

    /** The DL4J updater. */
    public IUpdater toUpdater() {
        return new Adam(learningRate, beta1, beta2, Adam.DEFAULT_ADAM_EPSILON);
    }
}
