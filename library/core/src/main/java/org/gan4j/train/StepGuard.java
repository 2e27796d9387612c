package org.gan4j.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keeps a training run out of garbage. Before each step it copies the state a step changes (both networks'
 * parameters and optimiser states, iteration counts, the EMA, the data position and the random streams) into buffers
 * allocated once; after the step it checks that losses, gradient norms, parameters and the EMA are finite. If not,
 * it puts the copied state back — the run is then exactly as after the last good step, so it can be saved, resumed
 * or inspected — and reports the divergence with its likely cause: non-finite data (the training set was changed
 * after it was checked) or, with finite data, a learning rate too high for the model. Finite steps get a warning from
 * the {@link CollapseDetector} when the run has collapsed.
 */
final class StepGuard {
    private final TrainingLoop loop;
    private final INDArray gParams;
    private final INDArray dParams;
    private final INDArray gUpdater;
    private final INDArray dUpdater;
    private final INDArray ema;
    private final CollapseDetector collapse = CollapseDetector.defaults();
    private final double dataSpread;
    private int gIteration;
    private int gEpoch;
    private int dIteration;
    private int dEpoch;
    private long dataState;
    private int dataEpoch;
    private int cursor;
    private long latentState;
    private long penaltyState;
    private long step;

    StepGuard(TrainingLoop loop) {
        this.loop = loop;
        gParams = loop.g.net.params().dup();
        dParams = loop.d.net.params().dup();
        gUpdater = copyOrNull(loop.g.net.updaterState());
        dUpdater = copyOrNull(loop.d.net.updaterState());
        ema = loop.ema == null ? null : loop.ema.dup();
        dataSpread = spread(loop.data.features().get(NDArrayIndex.interval(0, Math.min(loop.data.size(), 1024))));
    }

    private static INDArray copyOrNull(INDArray a) {
        return a == null ? null : a.dup();
    }

    /** Mean over features of the standard deviation across the samples (axis 0) of {@code samples}. */
    static double spread(INDArray samples) {
        if (samples.size(0) < 2) {
            return Double.NaN;
        }
        INDArray flat = samples.reshape('c', samples.size(0), -1);
        return flat.std(0).meanNumber().doubleValue();
    }

    /** Copies the state the next step will change. */
    void beforeStep() {
        gParams.assign(loop.g.net.params());
        dParams.assign(loop.d.net.params());
        if (gUpdater != null) {
            gUpdater.assign(loop.g.net.updaterState());
        }
        if (dUpdater != null) {
            dUpdater.assign(loop.d.net.updaterState());
        }
        if (ema != null) {
            ema.assign(loop.ema);
        }
        gIteration = loop.g.net.iterationCount();
        gEpoch = loop.g.net.epochCount();
        dIteration = loop.d.net.iterationCount();
        dEpoch = loop.d.net.epochCount();
        dataState = loop.batches.epochStartState();
        dataEpoch = loop.batches.epoch();
        cursor = loop.batches.cursor();
        latentState = loop.latent.state();
        penaltyState = loop.penalty.state();
        step = loop.step;
    }

    /**
     * Checks the step just done.
     *
     * @param stats the step's statistics
     * @return {@code null} when the step is finite, else a message saying what was non-finite and why; the state is
     *         then back to what it was before the step
     */
    String divergence(StepStats stats) {
        String what = null;
        if (!stats.finite()) {
            what = String.format(java.util.Locale.ROOT, "lossD %s, lossG %s, D(x) %s, D(G(z)) %s, |gradG| %s, "
                            + "|gradD| %s", stats.lossD(), stats.lossG(), stats.dReal(), stats.dFake(),
                    stats.gradNormG(), stats.gradNormD());
        } else if (!Finite.all(loop.g.net.params())) {
            what = "generator parameters";
        } else if (!Finite.all(loop.d.net.params())) {
            what = "discriminator parameters";
        } else if (loop.ema != null && !Finite.all(loop.ema)) {
            what = "EMA parameters";
        }
        if (what == null) {
            return null;
        }
        restore();
        int badSample = TrainingSet.firstNonFinite(loop.data.features());
        String cause = badSample >= 0
                ? "the training data holds NaN or infinite values (first at sample " + badSample + "): the data "
                + "was changed after the TrainingSet was built; fix the data"
                : String.format(java.util.Locale.ROOT, "the data is finite, so the likely cause is a learning rate "
                + "too high for this model (G %s, D %s): lower it and train again",
                loop.config.generatorOptimizer().learningRate(), loop.config.discriminatorOptimizer().learningRate());
        return "diverged at step " + stats.step() + ": non-finite values (" + what + "); " + cause + ". The state "
                + "is kept as after step " + step + " (finite; it can be saved and resumed).";
    }

    /** @return {@code stats} with a collapse warning when the run has collapsed */
    StepStats annotate(StepStats stats, INDArray generated) {
        double sampleSpread = generated == null ? Double.NaN : spread(generated);
        String warning = collapse.observe(stats, loop.config.loss().probabilistic(), sampleSpread, dataSpread,
                loop.config);
        return warning == null ? stats : stats.withWarning(warning);
    }

    private void restore() {
        loop.g.net.params().assign(gParams);
        loop.d.net.params().assign(dParams);
        if (gUpdater != null) {
            loop.g.net.updaterState().assign(gUpdater);
        }
        if (dUpdater != null) {
            loop.d.net.updaterState().assign(dUpdater);
        }
        if (ema != null) {
            loop.ema.assign(ema);
        }
        loop.g.net.setCounts(gIteration, gEpoch);
        loop.d.net.setCounts(dIteration, dEpoch);
        loop.batches.restore(dataState, dataEpoch, cursor);
        loop.latent.restore(latentState);
        loop.penalty.restore(penaltyState);
        loop.step = step;
    }
}
