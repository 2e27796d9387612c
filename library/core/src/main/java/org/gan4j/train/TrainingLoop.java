package org.gan4j.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.gan4j.backend.NativeGarbage;
import org.gan4j.info.InfoCodes;
import org.gan4j.loss.DifferentiableCritic;
import org.gan4j.loss.LossTerm;
import org.gan4j.loss.PenaltyTerm;
import org.gan4j.nn.Conditioning;
import org.gan4j.nn.DiscriminatorSpec;
import org.gan4j.nn.Generator;
import org.gan4j.nn.Network;
import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.Table;

/**
 * The mutable state of one training run and the two-player step. Created by {@link GanTrainer}, fresh or from a
 * checkpoint; everything needed to continue exactly is in here.
 */
final class TrainingLoop implements TrainingRun {
    final GanConfig config;
    final TrainingSet data;
    final String dataFingerprint;
    final Player g;
    final Player d;
    /** D's specification: how samples and labels become its input, and its output a score. */
    private final DiscriminatorSpec dSpec;
    /** EMA of G's parameters (1-D like params()), or null when EMA is off. */
    final INDArray ema;
    final DataStream batches;
    final RandomStream latent;
    final RandomStream penalty;
    final History history;
    final long resumedFromStep;
    long step;
    double wallSecondsBefore;

    private final INDArray fixedNoise;
    private final int[] fixedLabels;
    private final DataType dataType;
    private String stopRequest;
    private long runStartNanos;
    private boolean running;
    private boolean inStep;
    private long targetStep;
    /** Undoes a step with non-finite results and watches for collapse; created at the first run. */
    private StepGuard guard;
    /** InfoGAN's codes, or null; D's last {@code auxiliaryOutputs} outputs are then Q's. */
    private final InfoCodes info;
    private final int auxiliaryOutputs;
    /** Frees finished steps' native buffers before JavaCPP's memory limit would (see {@link NativeGarbage}). */
    private final NativeGarbage garbage = NativeGarbage.standard();
    /** Q's outputs of the last {@link #scoreD} (with info codes). */
    private INDArray lastQ;
    /** The generated batch of the last generator update (for the collapse detector). */
    private INDArray lastGenerated;

    TrainingLoop(GanConfig config, TrainingSet data, String dataFingerprint, Network g, Network d,
                 INDArray ema, DataStream batches, RandomStream latent, RandomStream penalty, History history,
                 long step, double wallSecondsBefore) {
        this.config = config;
        this.data = data;
        this.dataFingerprint = dataFingerprint;
        this.g = new Player(g);
        this.d = new Player(d);
        this.dSpec = config.discriminator();
        this.ema = ema;
        this.batches = batches;
        this.latent = latent;
        this.penalty = penalty;
        this.history = history;
        this.step = step;
        this.resumedFromStep = step;
        this.wallSecondsBefore = wallSecondsBefore;
        this.dataType = g.dataType();
        this.info = config.info();
        this.auxiliaryOutputs = info == null ? 0 : info.width();
        RandomStream snapshotStream = Seeds.root(config.seed()).split("snapshot");
        INDArray snapshotLatents = snapshotStream.gaussian(dataType, config.snapshotSize(),
                config.generator().latentSize());
        this.fixedNoise = info == null ? snapshotLatents : info.draw(snapshotLatents, snapshotStream);
        this.fixedLabels = Conditioning.cyclingLabels(config.snapshotSize(), config.numClasses());
    }


    /** The state of this loop for a checkpoint: its live networks, EMA and history (not copies). */
    TrainingState state() {
        return new TrainingState(config, dataFingerprint, data.size(), g.net, d.net, ema, history, step,
                batches.epoch(), batches.cursor(), batches.epochStartState(), latent.state(), penalty.state(),
                wallSeconds());
    }

    /** A loop that continues from {@code state} on {@code data} (which the state's reader has checked). */
    static TrainingLoop restore(TrainingState state, TrainingSet data) {
        GanConfig config = state.config();
        DataStream batches = new DataStream(data.size(), config.batchSize(), state.dataEpochStartState(),
                state.epoch(), state.cursor());
        return new TrainingLoop(config, data, state.dataFingerprint(), state.generator(), state.discriminator(),
                state.ema(), batches, RandomStream.fromState(state.latentState()),
                RandomStream.fromState(state.penaltyState()), state.history(), state.step(), state.wallSeconds());
    }

    /** Runs until {@code config.steps()}, an interrupt, or a listener's stop request. */
    GanResult run(List<TrainingListener> listeners) {
        return run(listeners, config.steps());
    }

    /**
     * Runs until step {@code untilStep}, an interrupt, or a listener's stop request. May be called again on the same
     * loop (a {@link TrainingSession}): every call continues exactly where the previous one ended, and wall time
     * counts only time spent inside calls.
     */
    GanResult run(List<TrainingListener> listeners, long untilStep) {
        Instant started = Instant.now();
        stopRequest = null;
        targetStep = untilStep;
        runStartNanos = System.nanoTime();
        running = true;
        try {
            return runSteps(listeners, untilStep, started);
        } finally {
            wallSecondsBefore = wallSeconds();
            running = false;
        }
    }

    private GanResult runSteps(List<TrainingListener> listeners, long untilStep, Instant started) {
        for (TrainingListener l : listeners) {
            l.onStart(this);
        }
        StopReason reason = StopReason.COMPLETED;
        String message = "completed " + untilStep + " steps";
        boolean interrupted = false;
        while (step < untilStep) {
            if (Thread.currentThread().isInterrupted()) {
                Thread.interrupted(); // clear while listeners write files; restored below
                interrupted = true;
                reason = StopReason.INTERRUPTED;
                message = "interrupted after step " + step + "; the state is consistent and can be checkpointed "
                        + "and resumed";
                break;
            }
            int epochsBefore = batches.epochsFinished();
            if (guard == null) {
                guard = new StepGuard(this);
            }
            guard.beforeStep();
            StepStats stats = trainStep();
            String diverged = guard.divergence(stats);
            if (diverged != null) {
                inStep = false; // the guard put back the state before the step
                reason = StopReason.DIVERGED;
                message = diverged;
                break;
            }
            stats = guard.annotate(stats, lastGenerated);
            history.add(stats);
            inStep = false; // the step and its history row are complete
            garbage.afterStep();
            for (TrainingListener l : listeners) {
                l.onStep(stats);
            }
            for (int e = epochsBefore; e < batches.epochsFinished(); e++) {
                for (TrainingListener l : listeners) {
                    l.onEpoch(e, step);
                }
            }
            if (config.snapshotEvery() > 0 && step % config.snapshotEvery() == 0) {
                Snapshot s = snapshot();
                for (TrainingListener l : listeners) {
                    l.onSnapshot(s);
                }
            }
            if (stopRequest != null) {
                reason = StopReason.STOPPED_BY_LISTENER;
                message = stopRequest;
                break;
            }
        }
        GanResult result = result(started, reason, message);
        try {
            for (TrainingListener l : listeners) {
                l.onEnd(result);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return result;
    }

    /** An immutable result of the state now (copies of the generators and the history). */
    GanResult result(Instant started, StopReason reason, String message) {
        Provenance provenance = new Provenance(Provenance.currentGan4jVersion(), Provenance.currentDl4jVersion(),
                System.getProperty("java.version"), config.seed(), dataFingerprint, data.size(), started,
                Instant.now(), resumedFromStep);
        return new GanResult(generator(), emaGenerator(), new TrainingHistory(history.table()), config, provenance,
                step, reason, message);
    }

    /**
     * Whether a step of {@link #run} was left unfinished (an error or a forced thread stop inside {@link #trainStep}
     * or before its history row was added); the networks may then be partly updated and the run must not continue.
     */
    boolean stepUnfinished() {
        return inStep;
    }

    /** One generator update after {@code nCritic} discriminator updates. */
    StepStats trainStep() {
        inStep = true;
        long t0 = System.nanoTime();
        int k = config.numClasses();
        double lossD = 0;
        double dReal = 0;
        double dFake = 0;
        double normD = 0;
        for (int c = 0; c < config.nCritic(); c++) {
            int[] idx = batches.next();
            INDArray real = data.batchFeatures(idx).castTo(dataType);
            int[] labels = data.batchLabels(idx);
            INDArray z = latentBatch(idx.length);
            // conditional: the generated batch of a D update uses the real batch's labels, so that real and fake
            // sample i share a class (the gradient penalty interpolates between them)
            INDArray fake = g.net.outputTraining(Conditioning.generatorInput(z, labels, k), latent);

            // (1) update D: real and generated samples as two separate batches
            INDArray sReal = scoreD(real, labels);
            LossTerm lReal = config.loss().discriminatorReal(sReal);
            backD(lReal.gradient(), labels);
            INDArray total = d.gradientCopy();

            INDArray sFake = scoreD(fake, labels);
            LossTerm lFake = config.loss().discriminatorFake(sFake);
            // InfoGAN: Q (on D's body) learns to read the codes back from the generated batch
            LossTerm lInfo = info == null ? null : info.informationLoss(lastQ, info.codesOf(z));
            // the views of this gradient point into D's gradient view, whatever passes follow
            backD(d, dSpec, lFake.gradient(), labels, auxiliaryOutputs, lInfo == null ? null : lInfo.gradient());
            total.addi(d.net.gradientView());
            // batch-norm running statistics were "updated" twice: average the two pseudo-gradients
            total.subi(total.mul(d.statMask).muli(0.5));

            double value = lReal.value() + lFake.value() + (lInfo == null ? 0 : lInfo.value());
            if (config.regularizer() != null) {
                PenaltyTerm p = config.regularizer().apply(critic(labels), real, fake, penalty);
                total.addi(p.parameterGrad());
                value += p.value();
            }
            normD = d.trainableNorm(total);
            d.step(total, batches.epoch());
            lossD += value / config.nCritic();
            dReal += config.loss().readout(sReal) / config.nCritic();
            dFake += config.loss().readout(sFake) / config.nCritic();
        }

        // (2) update G through D's gradient with respect to its input
        int n = config.batchSize();
        INDArray z = latentBatch(n);
        int[] labels = null;
        if (k > 0) {
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = latent.nextInt(k);
            }
        }
        INDArray fake = g.forward(Conditioning.generatorInput(z, labels, k), latent);
        lastGenerated = fake;
        INDArray sFake = scoreD(fake, labels);
        LossTerm lG = config.loss().generator(sFake);
        LossTerm lInfoG = info == null ? null : info.informationLoss(lastQ, info.codesOf(z));
        INDArray dInput = backD(d, dSpec, lG.gradient(), labels, auxiliaryOutputs,
                lInfoG == null ? null : lInfoG.gradient());
        INDArray dFakeSample = dSpec.sampleGradient(dInput, fake.size(1));
        g.backward(dFakeSample);
        INDArray gGrad = g.net.gradientView();
        double normG = g.trainableNorm(gGrad);
        g.step(gGrad, batches.epoch());
        step++;
        if (ema != null) {
            double beta = config.emaBeta(step);
            ema.muli(beta).addi(g.net.params().mul(1 - beta));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double imagesPerSecond = (double) config.batchSize() * config.nCritic() / Math.max(seconds, 1e-9);
        double lossG = lG.value() + (lInfoG == null ? 0 : lInfoG.value());
        return new StepStats(step, batches.epoch(), lossD, lossG, dReal, dFake, normG, normD,
                imagesPerSecond, wallSeconds());
    }

    /** Latents for a batch from the latent stream: N(0, 1), with InfoGAN's codes drawn into their last columns. */
    private INDArray latentBatch(int n) {
        INDArray z = latent.gaussian(dataType, n, config.generator().latentSize());
        return info == null ? z : info.draw(z, latent);
    }

    /**
     * D's training-mode scores {@code [n, 1]} for samples with labels; keeps the layer inputs for {@link #backD}.
     * With info codes, Q's outputs (D's last {@code info.width()} outputs) land in {@link #lastQ}.
     */
    private INDArray scoreD(INDArray samples, int[] labels) {
        INDArray out = d.forward(dSpec.input(samples, labels), null);
        if (auxiliaryOutputs > 0) {
            lastQ = out.get(NDArrayIndex.all(), NDArrayIndex.interval(out.size(1) - auxiliaryOutputs, out.size(1)))
                    .dup();
        }
        return dSpec.scores(withoutAuxiliary(out, auxiliaryOutputs), labels);
    }

    private static INDArray scoreD(Player d, DiscriminatorSpec dSpec, INDArray samples, int[] labels,
                                   int auxiliaryOutputs) {
        return dSpec.scores(withoutAuxiliary(d.forward(dSpec.input(samples, labels), null), auxiliaryOutputs),
                labels);
    }

    private static INDArray withoutAuxiliary(INDArray out, int auxiliaryOutputs) {
        return auxiliaryOutputs == 0 ? out
                : out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, out.size(1) - auxiliaryOutputs));
    }

    /** Back-propagates a gradient on {@link #scoreD}'s scores (and none on Q's outputs) through D. */
    private INDArray backD(INDArray scoreGradient, int[] labels) {
        return backD(d, dSpec, scoreGradient, labels, auxiliaryOutputs, null);
    }

    /**
     * Back-propagates gradients on D's scores and on Q's outputs ({@code null} = zero) through D (parameter gradient
     * into D's view).
     */
    private static INDArray backD(Player d, DiscriminatorSpec dSpec, INDArray scoreGradient, int[] labels,
                                  int auxiliaryOutputs, INDArray qGradient) {
        INDArray out = dSpec.outputGradient(scoreGradient, labels);
        if (auxiliaryOutputs > 0) {
            out = Nd4j.hstack(out, qGradient != null ? qGradient.castTo(out.dataType())
                    : Nd4j.zeros(out.dataType(), out.size(0), auxiliaryOutputs));
        }
        return d.backward(out);
    }

    private DifferentiableCritic critic(int[] labels) {
        return critic(d, dSpec, labels, auxiliaryOutputs);
    }

    /** {@link #critic(Player, DiscriminatorSpec, int[], int)} of a discriminator without auxiliary outputs. */
    static DifferentiableCritic critic(Player d, DiscriminatorSpec dSpec, int[] labels) {
        return critic(d, dSpec, labels, 0);
    }

    /**
     * D as the regularizers see it: training-mode scores of samples with {@code labels}, the parameter gradient of a
     * weighted score sum (trainable parameters only) and its gradient with respect to the samples. D's last
     * {@code auxiliaryOutputs} outputs (InfoGAN's Q) get no gradient.
     */
    static DifferentiableCritic critic(Player d, DiscriminatorSpec dSpec, int[] labels, int auxiliaryOutputs) {
        return (samples, scoreGradient) -> {
            INDArray scores = scoreD(d, dSpec, samples, labels, auxiliaryOutputs);
            INDArray ds = scoreGradient == null
                    ? scores.ulike().assign(1.0)
                    : scoreGradient.castTo(scores.dataType());
            INDArray inputGrad = backD(d, dSpec, ds, labels, auxiliaryOutputs, null);
            INDArray paramGrad = d.gradientCopy().muli(d.trainableMask);
            return new DifferentiableCritic.Pass(scores, paramGrad, dSpec.sampleGradient(inputGrad, samples.size(1)));
        };
    }

    double wallSeconds() {
        if (!running) {
            return wallSecondsBefore;
        }
        return wallSecondsBefore + (System.nanoTime() - runStartNanos) / 1e9;
    }

    Snapshot snapshot() {
        INDArray samples = emaGenerator().generate(fixedNoise, fixedLabels);
        return new Snapshot(step, batches.epoch(), samples, fixedLabels == null ? null : fixedLabels.clone());
    }

    // ---- TrainingRun ----

    @Override
    public GanConfig config() {
        return config;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public long targetStep() {
        return targetStep;
    }

    @Override
    public int epoch() {
        return batches.epoch();
    }

    @Override
    public void requestStop(String reason) {
        if (stopRequest == null) {
            stopRequest = reason == null ? "stop requested by a listener" : reason;
        }
    }

    @Override
    public Generator generator() {
        return Generator.of(config.generator(), g.net);
    }

    @Override
    public Generator emaGenerator() {
        if (ema == null) {
            return generator();
        }
        Network copy = g.net.copy();
        copy.params().assign(ema.reshape(copy.params().shape()));
        return Generator.of(config.generator(), copy);
    }

    @Override
    public TrainingHistory history() {
        return new TrainingHistory(history.table());
    }

    @Override
    public Path saveCheckpoint(Path directory) throws IOException {
        return Checkpoint.write(directory, state());
    }

    @Override
    public String toString() {
        return "TrainingRun[step " + step + "/" + config.steps() + ", epoch " + batches.epoch() + ", data "
                + data + "]";
    }
}
