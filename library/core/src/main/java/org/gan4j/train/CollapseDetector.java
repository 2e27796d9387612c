package org.gan4j.train;

/**
 * Recognises a collapsed run from a short window of steps:
 * <ul>
 *   <li>a <b>collapsed discriminator</b> (probabilistic losses): D(x) above {@code 1 - tolerance} and D(G(z)) below
 *       {@code tolerance} for {@code window} consecutive steps — D separates everything and G gets no useful
 *       gradient;</li>
 *   <li><b>nearly identical samples</b>: the spread of the generated batch (mean over features of the standard
 *       deviation across samples) below {@code spreadRatio} times the spread of the data for {@code window}
 *       consecutive steps — G maps every latent to (almost) the same output.</li>
 * </ul>
 * Mutable (it counts consecutive steps); one per run.
 */
final class CollapseDetector {
    /** Consecutive steps before the loop's built-in detector warns. */
    static final int DEFAULT_WINDOW = 20;
    static final double DEFAULT_TOLERANCE = 0.01;
    static final double DEFAULT_SPREAD_RATIO = 0.02;

    private final int window;
    private final double tolerance;
    private final double spreadRatio;
    private int saturatedFor;
    private int constantFor;

    CollapseDetector(int window, double tolerance, double spreadRatio) {
        this.window = window;
        this.tolerance = tolerance;
        this.spreadRatio = spreadRatio;
    }

    static CollapseDetector defaults() {
        return new CollapseDetector(DEFAULT_WINDOW, DEFAULT_TOLERANCE, DEFAULT_SPREAD_RATIO);
    }

    /**
     * Counts one step.
     *
     * @param s             the step's statistics
     * @param probabilistic whether D(x) and D(G(z)) are probabilities (the loss is probabilistic)
     * @param sampleSpread  spread of the generated batch, or NaN when unknown
     * @param dataSpread    spread of the data, or NaN when unknown
     * @param config        for the learning rates named in the message
     * @return a warning naming what collapsed and the likely cause, or {@code null}
     */
    String observe(StepStats s, boolean probabilistic, double sampleSpread, double dataSpread, GanConfig config) {
        boolean saturated = probabilistic && s.dReal() > 1 - tolerance && s.dFake() < tolerance;
        saturatedFor = saturated ? saturatedFor + 1 : 0;
        boolean constant = dataSpread > 0 && sampleSpread < spreadRatio * dataSpread;
        constantFor = constant ? constantFor + 1 : 0;
        if (constantFor >= window) {
            return String.format(java.util.Locale.ROOT, "mode collapse: the generated samples are nearly identical "
                    + "(spread %.3g, %.1f%% of the data's %.3g) for %d steps; likely cause: a learning rate too high "
                    + "for this model (G %s, D %s) — lower it, or add a regularizer", sampleSpread,
                    100 * sampleSpread / dataSpread, dataSpread, constantFor,
                    config.generatorOptimizer().learningRate(), config.discriminatorOptimizer().learningRate());
        }
        if (saturatedFor >= window) {
            return String.format(java.util.Locale.ROOT, "discriminator collapsed: D(x) > %.2f and D(G(z)) < %.2f for "
                    + "%d steps (now %.4f and %.4f), so the generator gets no useful gradient; likely cause: D learns "
                    + "much faster than G (learning rates G %s, D %s) — lower D's learning rate or add a regularizer",
                    1 - tolerance, tolerance, saturatedFor, s.dReal(), s.dFake(),
                    config.generatorOptimizer().learningRate(), config.discriminatorOptimizer().learningRate());
        }
        return null;
    }
}
