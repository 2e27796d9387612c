package org.gan4j.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gan4j.loss.LossTerm;
import org.gan4j.nn.FrozenNetwork;
import org.gan4j.nn.Generator;
import org.gan4j.nn.MultiLayerModel;
import org.gan4j.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An in-memory, resumable training run for notebooks: {@link #fit} trains some more steps and can be called again
 * and again; each call continues exactly where the previous one ended (same parameters, Adam state, data order and
 * random streams as one uninterrupted run of the same total length).
 *
 * <pre>{@code
 * TrainingSession session = new GanTrainer(GanConfig.mlp(2)).session(ring.sample(10_000, 1));
 * session.fit(500);                        // steps 1–500
 * session.fit(500, new ConsoleLogger(100)); // steps 501–1000
 * session.history()                        // losses so far
 * session.save(Path.of("runs/ring"));      // a checkpoint; new GanTrainer(config).resumeSession(dir, data)
 * }</pre>
 *
 * <p>Interrupting the thread (a notebook's stop button) ends {@code fit} after the current step, with the session
 * consistent and the interrupt flag set again; the next {@code fit} continues from that step. A step left unfinished
 * (an exception or a forced thread stop in the middle of a step) makes the session refuse to continue, since the
 * networks may be partly updated: resume from a checkpoint instead. Not thread-safe: use from one thread at a time.
 */
public final class TrainingSession {
    final TrainingLoop loop;
    private final Instant created = Instant.now();
    private GanResult last;
    private boolean fitting;
    private String broken;

    TrainingSession(TrainingLoop loop) {
        this.loop = loop;
    }

    /**
     * Trains {@code steps} more steps (fewer if interrupted or a listener stops it).
     *
     * @param steps     steps to add, {@code >= 0}
     * @param listeners called as in {@link GanTrainer#train} ({@code onStart} … {@code onEnd}) for this call only
     * @return the state after this call, with the whole history since step 1
     * @throws IllegalStateException if a previous call left a step unfinished, or {@code fit} is already running
     */
    public GanResult fit(int steps, TrainingListener... listeners) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        List<TrainingListener> list = GanTrainer.list(listeners);
        checkUsable();
        if (fitting) {
            throw new IllegalStateException("fit is already running on this session");
        }
        fitting = true;
        try {
            last = loop.run(list, loop.step + steps);
            return last;
        } finally {
            fitting = false;
            if (loop.stepUnfinished()) {
                broken = "a step after step " + loop.step + " was stopped before it finished (an error or a forced "
                        + "stop inside the step); the networks may be partly updated";
            }
        }
    }

    private void checkUsable() {
        if (broken != null) {
            throw new IllegalStateException("this session cannot continue: " + broken + ". Resume from a checkpoint "
                    + "with new GanTrainer(config).resumeSession(dir, data).");
        }
    }

    /** @return generator updates done so far (across fits and resumes) */
    public long step() {
        return loop.step;
    }

    /** @return the epoch the next step is in (0-based) */
    public int epoch() {
        return loop.batches.epoch();
    }

    /** @return the configuration ({@code steps()} is ignored: each {@code fit} says how many) */
    public GanConfig config() {
        return loop.config;
    }

    /** @return whether the session can still train (no step was left unfinished) */
    public boolean usable() {
        return broken == null;
    }

    /** @return seconds spent training so far (inside {@code fit} calls, across resumes) */
    public double wallSeconds() {
        return loop.wallSeconds();
    }

    /**
     * The state now as an immutable result (copies of the generators and the history); after a {@code fit} its stop
     * reason and message are that call's.
     *
     * @return the result
     */
    public GanResult result() {
        if (last != null && last.steps() == loop.step) {
            return last;
        }
        return loop.result(created, StopReason.COMPLETED, loop.step == 0 ? "no steps trained yet"
                : "session at step " + loop.step);
    }

    /** @return a copy of the generator now */
    public Generator generator() {
        return loop.generator();
    }

    /** @return a copy of the EMA generator now (the generator when EMA is off) */
    public Generator emaGenerator() {
        return loop.emaGenerator();
    }

    /** @return the per-step statistics so far */
    public TrainingHistory history() {
        return new TrainingHistory(loop.history.table());
    }

    /** @return samples of the fixed snapshot noise now (see {@link GanConfig#snapshotSize()}) */
    public Snapshot snapshot() {
        return loop.snapshot();
    }

    /**
     * Writes a checkpoint of the complete state (created or atomically replaced); continue it with
     * {@link GanTrainer#resumeSession} or {@link GanTrainer#resume}.
     *
     * @param directory the checkpoint directory
     * @return the directory written
     * @throws IOException if it cannot be written
     */
    public Path save(Path directory) throws IOException {
        if (directory == null) {
            throw new IllegalArgumentException("directory must not be null");
        }
        checkUsable();
        return Checkpoint.write(directory, loop.state());
    }

    /**
     * Continues this run under other training settings, from exactly where it is: the same networks, optimiser
     * state, data order, random streams and history, with another loss, regularizer, {@code nCritic}, learning rates,
     * {@code steps} or {@code snapshotEvery} taking effect from the next step. This session is used up (it refuses to
     * continue); use the one returned. With settings equal to the current ones the continued run is the uninterrupted
     * run, bit for bit. A checkpoint written later records the new settings.
     *
     * <pre>{@code
     * session = session.withSettings(session.config().toBuilder().loss(GanLoss.hinge()).build());
     * }</pre>
     *
     * @param next the settings; networks, batch size, seed, EMA, snapshot size, InfoGAN codes and Adam's betas must
     *             equal the current ones (change those with a new session)
     * @return the session that continues the run
     * @throws IllegalArgumentException naming the settings that may not change
     * @throws IllegalStateException    while {@code fit} runs, or if this session cannot continue
     */
    public TrainingSession withSettings(GanConfig next) {
        Objects.requireNonNull(next, "next");
        checkUsable();
        if (fitting) {
            throw new IllegalStateException("withSettings cannot be called while fit runs");
        }
        GanConfig now = loop.config;
        List<String> differ = new ArrayList<>();
        compare(differ, "generator", now.generator(), next.generator());
        compare(differ, "discriminator", now.discriminator(), next.discriminator());
        compare(differ, "batchSize", now.batchSize(), next.batchSize());
        compare(differ, "seed", now.seed(), next.seed());
        compare(differ, "emaDecay", now.emaDecay(), next.emaDecay());
        compare(differ, "emaRampUp", now.emaRampUp(), next.emaRampUp());
        compare(differ, "snapshotSize", now.snapshotSize(), next.snapshotSize());
        compare(differ, "info", now.info(), next.info());
        compare(differ, "generatorOptimizer betas", betas(now.generatorOptimizer()), betas(next.generatorOptimizer()));
        compare(differ, "discriminatorOptimizer betas", betas(now.discriminatorOptimizer()),
                betas(next.discriminatorOptimizer()));
        if (!differ.isEmpty()) {
            throw new IllegalArgumentException("withSettings changes the loss, regularizer, nCritic, learning rates, "
                    + "steps and snapshotEvery; these differ from the session's: " + differ
                    + ". Start a new session with new GanTrainer(config).session(data) for them.");
        }
        setLearningRate("generator", loop.g.net, now.generatorOptimizer().learningRate(),
                next.generatorOptimizer().learningRate());
        setLearningRate("discriminator", loop.d.net, now.discriminatorOptimizer().learningRate(),
                next.discriminatorOptimizer().learningRate());
        TrainingState s = loop.state();
        TrainingState changed = new TrainingState(next, s.dataFingerprint(), s.dataSize(), s.generator(),
                s.discriminator(), s.ema(), s.history(), s.step(), s.epoch(), s.cursor(), s.dataEpochStartState(),
                s.latentState(), s.penaltyState(), s.wallSeconds());
        TrainingSession continued = new TrainingSession(TrainingLoop.restore(changed, loop.data));
        broken = "it was continued by withSettings (use the session that call returned)";
        return continued;
    }

    private static void compare(List<String> differ, String name, Object now, Object next) {
        if (!Objects.equals(now, next)) {
            differ.add(name);
        }
    }

    private static List<Double> betas(AdamSettings adam) {
        return List.of(adam.beta1(), adam.beta2());
    }

    private static void setLearningRate(String player, Network net, double now, double next) {
        if (now == next) {
            return;
        }
        if (!(net instanceof MultiLayerModel)) {
            throw new IllegalArgumentException("the " + player + "'s learning rate can only change for DL4J "
                    + "multi-layer networks, not " + net.getClass().getSimpleName());
        }
        ((MultiLayerModel) net).unwrap().setLearningRate(next);
    }

    /**
     * The discriminator's raw scores (its logits, before any sigmoid) for samples, in inference mode: what it thinks
     * of any point, e.g. a grid over the plane for a heat map.
     *
     * @param samples {@code [n, ...sampleShape]}
     * @return {@code [n, 1]} scores
     * @throws IllegalStateException for a conditional discriminator (it needs labels) or one that is not a DL4J
     *                               multi-layer network
     */
    public INDArray discriminatorScores(INDArray samples) {
        return frozenDiscriminator().output(samples).dup();
    }

    /**
     * The direction the generator's loss moves each generated point: minus the gradient of the generator loss with
     * respect to the point, through the discriminator as it is now (inference mode). These are the arrows of GAN
     * Lab's picture: where the discriminator pushes the fakes.
     *
     * @param fakes generated samples {@code [n, ...sampleShape]}
     * @return {@code -dL_G/dx} per sample (the loss's per-sample gradient, not divided by n), same shape
     * @throws IllegalStateException as {@link #discriminatorScores}
     */
    public INDArray generatorPull(INDArray fakes) {
        FrozenNetwork.Pass pass = frozenDiscriminator().forward(fakes);
        LossTerm term = loop.config.loss().generator(pass.output());
        INDArray perSample = term.gradient().mul(fakes.size(0));
        return pass.backward(perSample).neg();
    }

    private FrozenNetwork frozenDiscriminator() {
        if (loop.config.numClasses() > 0 || loop.config.info() != null) {
            throw new IllegalStateException("discriminatorScores and generatorPull need an unconditional GAN "
                    + "without InfoGAN codes (this discriminator also takes labels or has a Q head)");
        }
        if (!(loop.d.net instanceof MultiLayerModel)) {
            throw new IllegalStateException("the discriminator is not a DL4J multi-layer network");
        }
        return FrozenNetwork.of(((MultiLayerModel) loop.d.net).unwrap());
    }

    @Override
    public String toString() {
        return "TrainingSession[step " + loop.step + ", epoch " + loop.batches.epoch() + ", "
                + String.format("%.1f s", loop.wallSeconds()) + (broken == null ? "" : ", UNUSABLE: " + broken)
                + ", data " + loop.data + "]";
    }
}
