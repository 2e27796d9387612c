package org.gan4j.train;

/**
 * What happened in one training step (one generator update and its {@code nCritic} discriminator updates).
 *
 * @param step            1-based index of this generator update
 * @param epoch           0-based epoch (passes over the data) in which the step ended
 * @param lossD           discriminator loss (real + fake + penalty), mean over the step's D updates
 * @param lossG           generator loss
 * @param dReal           D(x): mean readout of D on real samples (a probability for probabilistic losses)
 * @param dFake           D(G(z)): mean readout of D on generated samples, before D's update
 * @param gradNormG       L2 norm of G's parameter gradient
 * @param gradNormD       L2 norm of D's parameter gradient (last D update of the step)
 * @param imagesPerSecond real samples consumed per second of this step
 * @param wallSeconds     seconds of training so far (across resumes)
 * @param warning         what looks wrong at this step (a collapsed discriminator, nearly identical samples), with
 *                        the likely cause; {@code null} when nothing does. Shown by {@link ConsoleLogger} and the
 *                        kernel's live view; {@link EarlyStopOnDivergence} stops on it. Not kept in checkpoints.
 */
public record StepStats(long step, int epoch, double lossD, double lossG, double dReal, double dFake,
                        double gradNormG, double gradNormD, double imagesPerSecond, double wallSeconds,
                        String warning) {

    /** Statistics without a warning. */
    public StepStats(long step, int epoch, double lossD, double lossG, double dReal, double dFake, double gradNormG,
                     double gradNormD, double imagesPerSecond, double wallSeconds) {
        this(step, epoch, lossD, lossG, dReal, dFake, gradNormG, gradNormD, imagesPerSecond, wallSeconds, null);
    }

    /** These statistics with {@code warning} (or none, for {@code null}). */
    public StepStats withWarning(String warning) {
        return new StepStats(step, epoch, lossD, lossG, dReal, dFake, gradNormG, gradNormD, imagesPerSecond,
                wallSeconds, warning);
    }

    /** Whether losses and gradient norms are all finite numbers. */
    public boolean finite() {
        return Double.isFinite(lossD) && Double.isFinite(lossG) && Double.isFinite(gradNormG)
                && Double.isFinite(gradNormD) && Double.isFinite(dReal) && Double.isFinite(dFake);
    }

    @Override
    public String toString() {
        return String.format("step %d (epoch %d): lossD %.4f  lossG %.4f  D(x) %.3f  D(G(z)) %.3f  |gG| %.3g  "
                        + "|gD| %.3g  %.0f img/s  %.1f s", step, epoch, lossD, lossG, dReal, dFake, gradNormG,
                gradNormD, imagesPerSecond, wallSeconds) + (warning == null ? "" : "\n  WARNING: " + warning);
    }
}
