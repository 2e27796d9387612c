package org.gan4j.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A checkpoint directory: everything needed to continue a run exactly.
 *
 * <pre>
 * config.json          the configuration (GanConfig.toJson; read back by GanTrainer.fromCheckpoint)
 * state.properties     step, epoch, data cursor, random-stream states, wall time, data fingerprint, and the
 *                      configuration fields that must match on resume
 * generator.zip        G with its Adam state (DL4J ModelSerializer)
 * discriminator.zip    D with its Adam state
 * ema.bin              EMA of G's parameters (absent when EMA is off)
 * history.csv          per-step statistics so far
 * </pre>
 *
 * <p>Written into a temporary sibling directory and moved into place with an atomic rename, so a crash never leaves a
 * half-written checkpoint under the final name; an existing checkpoint of the same name is replaced only after the
 * new one is complete.
 */
final class Checkpoint {
    static final String FORMAT = "gan4j-checkpoint-1";

    private Checkpoint() {
    }

    /** Hook run after all files are written and before the rename (tests use it to simulate a crash). */
    interface BeforeRename {
        void run(Path temporaryDirectory) throws IOException;
    }

    static Path write(Path directory, TrainingLoop loop, BeforeRename hook) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            Files.writeString(tmp.resolve("config.json"), Json.write(loop.config), StandardCharsets.UTF_8);
            Properties p = new Properties();
            p.setProperty("format", FORMAT);
            p.setProperty("step", Long.toString(loop.step));
            p.setProperty("epoch", Integer.toString(loop.batches.epoch()));
            p.setProperty("cursor", Integer.toString(loop.batches.cursor()));
            p.setProperty("dataEpochStartState", Long.toString(loop.batches.epochStartState()));
            p.setProperty("latentState", Long.toString(loop.latent.state()));
            p.setProperty("penaltyState", Long.toString(loop.penalty.state()));
            p.setProperty("wallSeconds", Double.toString(loop.wallSeconds()));
            p.setProperty("datasetFingerprint", loop.dataFingerprint);
            p.setProperty("datasetSize", Integer.toString(loop.data.size()));
            p.setProperty("ema", Boolean.toString(loop.ema != null));
            for (Map.Entry<String, String> e : matchKeys(loop.config).entrySet()) {
                p.setProperty("config." + e.getKey(), e.getValue());
            }
            try (OutputStream out = Files.newOutputStream(tmp.resolve("state.properties"))) {
                p.store(out, "gan4j training state");
            }
            ModelSerializer.writeModel(loop.g.net, tmp.resolve("generator.zip").toFile(), true);
            ModelSerializer.writeModel(loop.d.net, tmp.resolve("discriminator.zip").toFile(), true);
            if (loop.ema != null) {
                Nd4j.saveBinary(loop.ema, tmp.resolve("ema.bin").toFile());
            }
            loop.history.write(tmp.resolve("history.csv"));
            if (hook != null) {
                hook.run(tmp);
            }
            if (Files.exists(target)) {
                Path old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
                move(tmp, target);
                deleteTree(old);
            } else {
                move(tmp, target);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename atomically; choose a local "
                    + "directory for checkpoints", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /**
     * The configuration fields that must match to resume, as comparable strings (their record {@code toString()},
     * which lists every hyper-parameter). {@code steps}, {@code seed} and the snapshot settings may differ: the
     * random streams continue from their saved states.
     */
    static Map<String, String> matchKeys(GanConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("generator", String.valueOf(c.generator()));
        m.put("discriminator", String.valueOf(c.discriminator()));
        m.put("loss", String.valueOf(c.loss()));
        m.put("regularizer", String.valueOf(c.regularizer()));
        m.put("generatorOptimizer", String.valueOf(c.generatorOptimizer()));
        m.put("discriminatorOptimizer", String.valueOf(c.discriminatorOptimizer()));
        m.put("batchSize", Integer.toString(c.batchSize()));
        m.put("nCritic", Integer.toString(c.nCritic()));
        m.put("emaDecay", Double.toString(c.emaDecay()));
        m.put("emaRampUp", Double.toString(c.emaRampUp()));
        return m;
    }

    /** Restores the training state saved in {@code directory}, checking it against {@code config} and {@code data}. */
    static TrainingLoop read(Path directory, GanConfig config, TrainingSet data) throws IOException {
        return read(directory, config, data, false);
    }

    /**
     * Restores the training state saved in {@code directory}; {@code beyondSteps} allows a checkpoint past
     * {@code config.steps()} (a {@link TrainingSession} trains as many steps as each {@code fit} asks).
     */
    static TrainingLoop read(Path directory, GanConfig config, TrainingSet data, boolean beyondSteps)
            throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        Path stateFile = dir.resolve("state.properties");
        if (!Files.isRegularFile(stateFile)) {
            throw new NoSuchFileException(stateFile.toString(), null, "not a gan4j checkpoint directory (no "
                    + "state.properties)");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(stateFile)) {
            p.load(in);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException("unsupported checkpoint format " + p.getProperty("format") + " in " + dir
                    + " (expected " + FORMAT + ")");
        }
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> e : matchKeys(config).entrySet()) {
            String saved = p.getProperty("config." + e.getKey());
            if (!e.getValue().equals(saved)) {
                mismatches.add(e.getKey() + ": checkpoint has " + saved + ", configuration has " + e.getValue());
            }
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + dir + " was written for an incompatible "
                    + "configuration:\n  " + String.join("\n  ", mismatches));
        }
        String fingerprint = data.fingerprint();
        if (!fingerprint.equals(p.getProperty("datasetFingerprint"))) {
            throw new IllegalArgumentException("checkpoint " + dir + " was trained on different data: fingerprint "
                    + p.getProperty("datasetFingerprint") + " (" + p.getProperty("datasetSize") + " samples), "
                    + "given data has " + fingerprint + " (" + data.size() + " samples)");
        }
        long step = Long.parseLong(p.getProperty("step"));
        if (!beyondSteps && step > config.steps()) {
            throw new IllegalArgumentException("checkpoint " + dir + " is at step " + step + ", beyond the "
                    + "configured steps (" + config.steps() + "): raise steps to continue");
        }
        MultiLayerNetwork g = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("generator.zip").toFile(), true);
        MultiLayerNetwork d = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("discriminator.zip").toFile(),
                true);
        g.initGradientsView();
        d.initGradientsView();
        INDArray ema = null;
        if (Boolean.parseBoolean(p.getProperty("ema"))) {
            ema = Nd4j.readBinary(dir.resolve("ema.bin").toFile());
        }
        DataStream batches = new DataStream(data.size(), config.batchSize(),
                Long.parseLong(p.getProperty("dataEpochStartState")), Integer.parseInt(p.getProperty("epoch")),
                Integer.parseInt(p.getProperty("cursor")));
        return new TrainingLoop(config, data, fingerprint, g, d, ema, batches,
                RandomStream.fromState(Long.parseLong(p.getProperty("latentState"))),
                RandomStream.fromState(Long.parseLong(p.getProperty("penaltyState"))),
                History.read(dir.resolve("history.csv")), step, Double.parseDouble(p.getProperty("wallSeconds")));
    }
}
