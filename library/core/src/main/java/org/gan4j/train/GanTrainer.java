package org.gan4j.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gan4j.nn.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a GAN: two separate networks, G learning through D's gradient with respect to its input (no stacked third
 * network, no parameter copying, no zero-learning-rate freezing).
 *
 * <pre>{@code
 * GanConfig config = GanConfig.mlp(2).toBuilder().steps(1500).seed(7).build();
 * GanResult result = new GanTrainer(config).train(GaussianRing.standard().sample(10_000, 1),
 *         new ConsoleLogger(100), new CheckpointSaver(Path.of("runs/ring"), 500, 2));
 * INDArray points = result.emaGenerator().sample(1000, 3);
 * }</pre>
 *
 * <p>The loop checks the thread's interrupt flag before every step and then ends cleanly
 * ({@link StopReason#INTERRUPTED}): the state is consistent, listeners' {@code onEnd} runs (a
 * {@link CheckpointSaver} writes a final checkpoint), and the flag is set again before returning.
 */
public final class GanTrainer {
    private final GanConfig config;

    /** A trainer for {@code config}. */
    public GanTrainer(GanConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /**
     * The folder that holds the files of the checkpoint saved in {@code checkpoint} ({@code config.json},
     * {@code history.csv}, the networks, ...): its newest complete version. For tools that read those files; training
     * reads them through {@link #fromCheckpoint(Path)} and {@link #resumeSession(Path, TrainingSet)}.
     *
     * @throws IOException if {@code checkpoint} holds no checkpoint (the message names it)
     */
    public static Path checkpointFiles(Path checkpoint) throws IOException {
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint must not be null");
        }
        return Checkpoint.contents(checkpoint);
    }

    /**
     * A trainer with the configuration saved in a checkpoint directory ({@code config.json}), to continue that run
     * without restating its configuration:
     * <pre>{@code
     * TrainingSession s = GanTrainer.fromCheckpoint(dir).resumeSession(dir, data);
     * GanResult r = GanTrainer.fromCheckpoint(dir).resume(dir, data);   // up to the saved config's steps
     * }</pre>
     * Use {@code new GanTrainer(GanConfig.read(...).toBuilder().steps(n).build())} to train further than the saved
     * {@code steps}.
     *
     * @throws NoSuchFileException naming {@code checkpoint}, if that folder does not exist
     * @throws IOException              if {@code config.json} cannot be read (e.g. {@code checkpoint} is no checkpoint)
     * @throws IllegalArgumentException naming the file and field, if {@code config.json} is not a valid configuration
     */
    public static GanTrainer fromCheckpoint(Path checkpoint) throws IOException {
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint must not be null");
        }
        if (!Files.exists(checkpoint)) {
            throw new NoSuchFileException(checkpoint.toString(), null,
                    "no checkpoint here: the folder does not exist (has the run that saves it been trained yet?)");
        }
        GanConfig config;
        try {
            config = Checkpoint.readConfig(checkpoint);
        } catch (NoSuchFileException e) {
            throw new IOException(checkpoint + " is not a gan4j checkpoint: it has no config.json", e);
        }
        return new GanTrainer(config);
    }

    /** The configuration. */
    public GanConfig config() {
        return config;
    }

    /** Trains from scratch on {@code data}. */
    public GanResult train(TrainingSet data, TrainingListener... listeners) {
        checkData(data);
        return newLoop(data).run(list(listeners));
    }

    /**
     * Starts an in-memory training session on {@code data} for notebooks: nothing is trained until
     * {@link TrainingSession#fit}, and each {@code fit} continues from where the previous one stopped (also after an
     * interrupt), exactly as one uninterrupted run would. {@code config.steps()} does not limit a session.
     *
     * <pre>{@code
     * TrainingSession session = new GanTrainer(config).session(data);
     * session.fit(500);      // steps 1–500
     * session.fit(500);      // steps 501–1000
     * }</pre>
     */
    public TrainingSession session(TrainingSet data) {
        checkData(data);
        return new TrainingSession(newLoop(data));
    }

    /**
     * Continues the run saved in {@code checkpoint} as a session (see {@link #session}); the checkpoint may be past
     * {@code config.steps()}.
     *
     * @throws IllegalArgumentException if the checkpoint was written for an incompatible configuration or other data
     */
    public TrainingSession resumeSession(Path checkpoint, TrainingSet data) throws IOException {
        checkData(data);
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint must not be null");
        }
        return new TrainingSession(TrainingLoop.restore(Checkpoint.read(checkpoint, config, data, true), data));
    }

    /**
     * A session at step {@code steps} or later, reusing earlier work: when {@code checkpoint} holds a run of this
     * configuration (equal in every field) on this data, it is resumed (and fitted on up to {@code steps} if it stopped short); otherwise
     * a new run is fitted for {@code steps} steps. Either way the session is saved to {@code checkpoint} when it
     * trained. A later notebook can so reuse the generator an earlier one trained, and train it itself when run
     * alone.
     *
     * @return the session, and in {@link TrainingSession#step()} how far it is
     * @throws IOException if the checkpoint cannot be written
     */
    public TrainingSession fitOrLoad(Path checkpoint, TrainingSet data, int steps, TrainingListener... listeners)
            throws IOException {
        checkData(data);
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint must not be null");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        TrainingSession session = null;
        if (Files.isDirectory(checkpoint)) {
            try {
                GanConfig saved = fromCheckpoint(checkpoint).config();
                if (saved.equals(config)) {
                    session = resumeSession(checkpoint, data);
                    System.out.println("resumed " + checkpoint + " at step " + session.step());
                } else {
                    System.out.println("not reusing " + checkpoint + ": it holds a run of another configuration");
                }
            } catch (IllegalArgumentException | IOException e) {
                System.out.println("not reusing " + checkpoint + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (session == null) {
            session = session(data);
        }
        if (session.step() < steps) {
            session.fit((int) (steps - session.step()), listeners);
            session.save(checkpoint);
        }
        return session;
    }

    private TrainingLoop newLoop(TrainingSet data) {
        long seed = config.seed();
        Network g = config.generator().create(Seeds.generatorInit(seed),
                config.generatorOptimizer().toUpdater(), DataType.FLOAT);
        org.gan4j.info.InfoCodes info = config.info();
        Network d = config.discriminator().create(Seeds.discriminatorInit(seed),
                config.discriminatorOptimizer().toUpdater(), DataType.FLOAT,
                info == null ? 0 : info.width(), info == null ? 0 : info.headHidden());
        INDArray ema = config.emaDecay() > 0 ? g.params().dup() : null;
        return new TrainingLoop(config, data, data.fingerprint(), g, d, ema,
                new DataStream(data.size(), config.batchSize(), Seeds.data(seed)), Seeds.latent(seed),
                Seeds.penalty(seed), new History(), 0, 0);
    }

    /**
     * Continues the run saved in {@code checkpoint} up to this trainer's {@code steps}. With the same seed and data,
     * N steps + checkpoint + resume to 2N gives the same parameters as 2N uninterrupted steps.
     *
     * @throws IllegalArgumentException if the checkpoint was written for an incompatible configuration or other data
     *                                  (the message lists every difference)
     */
    public GanResult resume(Path checkpoint, TrainingSet data, TrainingListener... listeners) throws IOException {
        checkData(data);
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint must not be null");
        }
        return TrainingLoop.restore(Checkpoint.read(checkpoint, config, data), data).run(list(listeners));
    }

    private void checkData(TrainingSet data) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        long[] expected = config.generator().sampleShape();
        if (!Arrays.equals(expected, data.sampleShape())) {
            throw new IllegalArgumentException("data samples have shape " + Arrays.toString(data.sampleShape())
                    + " but the networks expect " + Arrays.toString(expected)
                    + (data.features().rank() == 4 ? " (images are NCHW: [n, channels, height, width])" : ""));
        }
        if (config.numClasses() > 0) {
            if (!data.hasLabels()) {
                throw new IllegalArgumentException("the configuration is conditional on " + config.numClasses()
                        + " classes but the data has no labels: use TrainingSet.labelled(features, labels, k)");
            }
            if (data.numClasses() != config.numClasses()) {
                throw new IllegalArgumentException("the configuration conditions on " + config.numClasses()
                        + " classes but the data has " + data.numClasses());
            }
        }
        if (config.batchSize() > data.size()) {
            throw new IllegalArgumentException("batchSize (" + config.batchSize() + ") is larger than the training "
                    + "data (" + data.size() + " samples)");
        }
    }

    static List<TrainingListener> list(TrainingListener[] listeners) {
        List<TrainingListener> out = new ArrayList<>();
        if (listeners != null) {
            for (TrainingListener l : listeners) {
                if (l == null) {
                    throw new IllegalArgumentException("listeners must not contain null");
                }
                out.add(l);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "GanTrainer" + config;
    }
}
