package org.gan4j.train;


/**
 * Stops a run that has collapsed. Non-finite values need no listener: the loop itself undoes such a step and ends
 * with {@link StopReason#DIVERGED}. Collapse is only warned about by default (the {@link StepStats#warning()} that
 * {@link ConsoleLogger} and the kernel's live view show); add this listener to stop instead:
 *
 * <ul>
 *   <li>{@code new EarlyStopOnDivergence()} stops at the first step that carries the loop's collapse warning — a
 *       discriminator with D(x) &gt; 0.99 and D(G(z)) &lt; 0.01 (probabilistic losses), or nearly identical generated
 *       samples, for 20 consecutive steps;</li>
 *   <li>{@code new EarlyStopOnDivergence(patience, tolerance)} stops when D(x) &gt; {@code 1 - tolerance} and D(G(z))
 *       &lt; {@code tolerance} for {@code patience} consecutive steps (probabilistic losses only), ignoring the loop's
 *       warning.</li>
 * </ul>
 * The run then ends with {@link StopReason#STOPPED_BY_LISTENER} and the warning as its message; the state is that of
 * the last step (finite, resumable).
 */
public final class EarlyStopOnDivergence implements TrainingListener {
    private final int patience;
    private final double tolerance;
    private TrainingRun run;
    private CollapseDetector detector;

    /** Stops on the loop's collapse warning. */
    public EarlyStopOnDivergence() {
        this.patience = 0;
        this.tolerance = 0;
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
        detector = patience == 0 ? null : new CollapseDetector(patience, tolerance, 0);
    }

    @Override
    public void onStep(StepStats s) {
        if (!s.finite()) {
            // the loop stops at non-finite values itself; this covers statistics from elsewhere
            run.requestStop("diverged at step " + s.step() + ": non-finite values (lossD " + s.lossD() + ", lossG "
                    + s.lossG() + ", |gradG| " + s.gradNormG() + ", |gradD| " + s.gradNormD() + ")");
            return;
        }
        String warning = detector == null ? s.warning()
                : detector.observe(s, run.config().loss().probabilistic(), Double.NaN, Double.NaN, run.config());
        if (warning != null) {
            run.requestStop(warning);
        }
    }

    @Override
    public String toString() {
        return patience == 0 ? "EarlyStopOnDivergence[on the loop's collapse warning]"
                : "EarlyStopOnDivergence[patience=" + patience + ", tolerance=" + tolerance + "]";
    }
}
