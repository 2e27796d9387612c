package org.gan4j.train;

/**
 * Stops a run that has diverged: a non-finite loss or gradient norm (at once), or a collapsed discriminator —
 * D(x) above {@code 1 - tolerance} and D(G(z)) below {@code tolerance} for {@code patience} consecutive steps
 * (probabilistic losses only). The message says what happened; with a {@link CheckpointSaver} the newest
 * checkpoint is the last good state.
 */
public final class EarlyStopOnDivergence implements TrainingListener {
    private final int patience;
    private final double tolerance;
    private TrainingRun run;
    private int collapsedFor;

    /** Stops after 200 collapsed steps (D(x) &gt; 0.99, D(G(z)) &lt; 0.01) or at the first non-finite value. */
    public EarlyStopOnDivergence() {
        this(200, 0.01);
    }

    /**
     * @param patience  consecutive collapsed steps before stopping, &gt; 0
     * @param tolerance how close to 1 / 0 D(x) / D(G(z)) must be to count as collapsed, in (0, 0.5)
     */
    public EarlyStopOnDivergence(int patience, double tolerance) {
        if (patience <= 0) {
            throw new IllegalArgumentException("patience must be > 0, got " + patience);
        }
        if (!(tolerance > 0 && tolerance < 0.5)) {
            throw new IllegalArgumentException("tolerance must be in (0, 0.5), got " + tolerance);
        }
        this.patience = patience;
        this.tolerance = tolerance;
    }

    @Override
    public void onStart(TrainingRun run) {
        this.run = run;
        collapsedFor = 0;
    }

    @Override
    public void onStep(StepStats s) {
        if (!s.finite()) {
            run.requestStop("diverged at step " + s.step() + ": non-finite values (lossD " + s.lossD() + ", lossG "
                    + s.lossG() + ", |gradG| " + s.gradNormG() + ", |gradD| " + s.gradNormD()
                    + "); try a lower learning rate; the newest checkpoint is the last good state");
            return;
        }
        boolean collapsed = run.config().loss().probabilistic()
                && s.dReal() > 1 - tolerance && s.dFake() < tolerance;
        collapsedFor = collapsed ? collapsedFor + 1 : 0;
        if (collapsedFor >= patience) {
            run.requestStop(String.format("discriminator collapsed: D(x) > %.3f and D(G(z)) < %.3f for %d steps "
                    + "(at step %d D(x) = %.4f, D(G(z)) = %.4f); the generator gets no useful gradient — try label "
                    + "smoothing, a regularizer or a lower D learning rate", 1 - tolerance, tolerance, patience,
                    s.step(), s.dReal(), s.dFake()));
        }
    }

    @Override
    public String toString() {
        return "EarlyStopOnDivergence[patience=" + patience + ", tolerance=" + tolerance + "]";
    }
}
