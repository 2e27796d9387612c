package org.gan4j.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gan4j.io.AtomicFiles;
import org.gan4j.nn.Network;
import org.gan4j.io.FileSteps;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A checkpoint directory: everything needed to continue a run exactly.
 *
 * <pre>
 * dir/                      the directory the user names (save, resume, fromCheckpoint)
 *   v-00000007/             the current version: the complete checkpoint
 *     config.json           the configuration (GanConfig.toJson; read back by GanTrainer.fromCheckpoint)
 *     state.properties      step, epoch, data cursor, random-stream states, wall time, data fingerprint, and the
 *                           configuration fields that must match on resume
 *     generator.zip         G with its optimiser state (Network.write: DL4J ModelSerializer for DL4J networks)
 *     discriminator.zip     D with its Adam state
 *     ema.bin               EMA of G's parameters (absent when EMA is off)
 *     history.csv           per-step statistics so far
 * </pre>
 *
 * <p><b>Why versions instead of a rename of the whole directory.</b> Replacing a directory by renaming takes two
 * renames (old away, new in), and a kill between them leaves nothing under the name. Here every save writes a new
 * temporary directory {@code dir/.tmp-*}, syncs each file and the directory, and only then renames it to the next
 * version {@code v-N} with one atomic rename. A version directory therefore exists only complete, and the current
 * checkpoint is simply the highest version: no pointer file is needed (a pointer would be one more file whose
 * replacement could be interrupted). Older versions are deleted after the rename. Whatever step a kill interrupts,
 * the directory holds the old checkpoint or the new one, complete.
 *
 * <p><b>Leftovers.</b> A save first deletes what killed saves left behind (temporary directories, superseded
 * versions, and the {@code .NAME.tmp-*} / {@code .NAME.old-*} siblings of the earlier single-directory format);
 * loading deletes superseded versions. One process writes a checkpoint directory at a time.
 *
 * <p>Directories written by the earlier format (the files directly in {@code dir}) still load; saving into one
 * converts it.
 *
 * <p><b>Reading</b> validates every file and value and names the file in every error: unreadable or truncated
 * networks, EMA or history; an empty or invalid {@code config.json}; missing or malformed properties; negative step,
 * epoch or wall time; a data cursor outside the data; non-finite parameters, optimiser state or EMA; an EMA flag that
 * contradicts {@code ema.bin} or the configuration; a history whose length is not the step.
 */
final class Checkpoint {
    static final String FORMAT = "gan4j-checkpoint-1";
    private static final String TMP_PREFIX = ".tmp-";
    private static final Pattern VERSION = Pattern.compile("v-(\\d{8,18})");
    private static final List<String> FILES = List.of("config.json", "state.properties", "generator.zip",
            "discriminator.zip", "ema.bin", "history.csv");

    private Checkpoint() {
    }

    /** Writes a checkpoint of {@code state} into {@code directory} (see the class description). */
    static Path write(Path directory, TrainingState state) throws IOException {
        return write(directory, state, FileSteps.NONE);
    }

    /**
     * Writes a checkpoint of {@code state} into {@code directory}, calling {@code steps} before every file-system step
     * (tests inject failures there).
     *
     * @return {@code directory}
     */
    static Path write(Path directory, TrainingState state, FileSteps steps) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        steps.before("create directories", target);
        Files.createDirectories(target);
        deleteLeftovers(target, steps);
        steps.before("create", target);
        Path tmp = AtomicFiles.createUnique(target, TMP_PREFIX, "", true);
        try {
            writeFile(tmp.resolve("config.json"), out -> out.write(Json.write(state.config())
                    .getBytes(StandardCharsets.UTF_8)), steps);
            writeFile(tmp.resolve("state.properties"), out -> properties(state).store(out, "gan4j training state"),
                    steps);
            writeFile(tmp.resolve("generator.zip"), state.generator()::write, steps);
            writeFile(tmp.resolve("discriminator.zip"), state.discriminator()::write,
                    steps);
            if (state.ema() != null) {
                writeFile(tmp.resolve("ema.bin"), out -> {
                    DataOutputStream data = new DataOutputStream(out);
                    Nd4j.write(state.ema(), data);
                    data.flush();
                }, steps);
            }
            writeFile(tmp.resolve("history.csv"), state.history()::write, steps);
            AtomicFiles.syncDirectory(tmp, steps);
            Path version = target.resolve(String.format("v-%08d", newestVersion(target) + 1));
            AtomicFiles.move(tmp, version, steps);
            AtomicFiles.syncDirectory(target, steps);
        } catch (IOException | RuntimeException e) {
            // not a finally: a simulated kill (an Error from the hook) must leave what a real kill leaves
            try {
                AtomicFiles.deleteTree(tmp, FileSteps.NONE);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        deleteLeftovers(target, steps);
        return directory;
    }

    private static Properties properties(TrainingState state) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("step", Long.toString(state.step()));
        p.setProperty("epoch", Integer.toString(state.epoch()));
        p.setProperty("cursor", Integer.toString(state.cursor()));
        p.setProperty("dataEpochStartState", Long.toString(state.dataEpochStartState()));
        p.setProperty("latentState", Long.toString(state.latentState()));
        p.setProperty("penaltyState", Long.toString(state.penaltyState()));
        p.setProperty("wallSeconds", Double.toString(state.wallSeconds()));
        p.setProperty("datasetFingerprint", state.dataFingerprint());
        p.setProperty("datasetSize", Integer.toString(state.dataSize()));
        p.setProperty("ema", Boolean.toString(state.ema() != null));
        for (Map.Entry<String, String> e : matchKeys(state.config()).entrySet()) {
            p.setProperty("config." + e.getKey(), e.getValue());
        }
        return p;
    }

    /** Writes one file of a version being built and forces it to the disk. */
    private static void writeFile(Path file, AtomicFiles.Content content, FileSteps steps) throws IOException {
        steps.before("write", file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            content.writeTo(out);
            out.flush();
            steps.before("sync", file);
            channel.force(true);
        }
    }

    /** The highest version number in {@code dir}, or 0. */
    private static long newestVersion(Path dir) throws IOException {
        long newest = 0;
        for (Path p : list(dir)) {
            Matcher m = VERSION.matcher(p.getFileName().toString());
            if (m.matches() && Files.isDirectory(p)) {
                newest = Math.max(newest, Long.parseLong(m.group(1)));
            }
        }
        return newest;
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /**
     * Deletes temporary directories and superseded versions inside {@code target}, the files of the earlier
     * single-directory format when a version exists, and that format's temporary siblings.
     */
    private static void deleteLeftovers(Path target, FileSteps steps) throws IOException {
        long newest = newestVersion(target);
        for (Path p : list(target)) {
            String name = p.getFileName().toString();
            Matcher m = VERSION.matcher(name);
            boolean superseded = m.matches() && Long.parseLong(m.group(1)) < newest;
            boolean legacyFile = newest > 0 && FILES.contains(name);
            if (name.startsWith(TMP_PREFIX) || superseded || legacyFile) {
                AtomicFiles.deleteTree(p, steps);
            }
        }
        String legacy = "." + target.getFileName();
        for (Path p : list(target.getParent())) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p) && (name.startsWith(legacy + ".tmp-") || name.startsWith(legacy + ".old-"))) {
                AtomicFiles.deleteTree(p, steps);
            }
        }
    }

    /** Deletes superseded versions (never the newest, never a directory being written). */
    private static void deleteSuperseded(Path target) throws IOException {
        long newest = newestVersion(target);
        for (Path p : list(target)) {
            Matcher m = VERSION.matcher(p.getFileName().toString());
            if (m.matches() && Long.parseLong(m.group(1)) < newest) {
                AtomicFiles.deleteTree(p, FileSteps.NONE);
            }
        }
    }

    /**
     * The directory holding the files of the checkpoint in {@code directory}: its newest version, or
     * {@code directory} itself for the earlier format.
     *
     * @throws NoSuchFileException if {@code directory} holds no checkpoint
     */
    static Path contents(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        long newest = newestVersion(dir);
        if (newest > 0) {
            return dir.resolve(String.format("v-%08d", newest));
        }
        if (Files.isRegularFile(dir.resolve("state.properties"))) {
            return dir;
        }
        throw new NoSuchFileException(dir.toString(), null, "not a gan4j checkpoint directory (no version "
                + "directory v-NNNNNNNN and no state.properties)");
    }

    /** Reads the configuration of the checkpoint in {@code directory}, naming the file in every error. */
    static GanConfig readConfig(Path directory) throws IOException {
        Path file = contents(directory).resolve("config.json");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "the checkpoint has no config.json");
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        if (json.isBlank()) {
            throw new IOException(file + ": empty file, expected the configuration as a JSON object");
        }
        return GanConfig.read(file);
    }

    /**
     * The configuration fields that must match to resume, as comparable strings (their record {@code toString()},
     * which lists every hyper-parameter). {@code steps}, {@code seed} and the snapshot settings may differ: the
     * random streams continue from their saved states.
     */
    /** Match keys added after the first checkpoint format; a checkpoint without one had the part absent. */
    private static final java.util.Set<String> OPTIONAL_KEYS = java.util.Set.of("info");

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
        m.put("info", String.valueOf(c.info()));
        return m;
    }

    /** Restores the training state saved in {@code directory}, checking it against {@code config} and {@code data}. */
    static TrainingState read(Path directory, GanConfig config, TrainingSet data) throws IOException {
        return read(directory, config, data, false);
    }

    /**
     * Restores the training state saved in {@code directory}; {@code beyondSteps} allows a checkpoint past
     * {@code config.steps()} (a {@link TrainingSession} trains as many steps as each {@code fit} asks).
     */
    static TrainingState read(Path directory, GanConfig config, TrainingSet data, boolean beyondSteps)
            throws IOException {
        Path dir = contents(directory);
        if (!dir.equals(directory.toAbsolutePath().normalize())) {
            deleteSuperseded(directory.toAbsolutePath().normalize());
        }
        Path stateFile = dir.resolve("state.properties");
        State p = State.read(stateFile);
        if (!FORMAT.equals(p.text("format"))) {
            throw new IOException(stateFile + ": unsupported checkpoint format " + p.text("format") + " (expected "
                    + FORMAT + ")");
        }
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> e : matchKeys(config).entrySet()) {
            // a checkpoint written before a configuration part existed (config.info) had it absent: "null"
            String saved = p.props.getProperty("config." + e.getKey(), OPTIONAL_KEYS.contains(e.getKey()) ? "null"
                    : null);
            if (!e.getValue().equals(saved)) {
                mismatches.add(e.getKey() + ": checkpoint has " + saved + ", configuration has " + e.getValue());
            }
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + directory + " was written for an incompatible "
                    + "configuration:\n  " + String.join("\n  ", mismatches));
        }
        String fingerprint = data.fingerprint();
        if (!fingerprint.equals(p.props.getProperty("datasetFingerprint"))) {
            throw new IllegalArgumentException("checkpoint " + directory + " was trained on different data: "
                    + "fingerprint " + p.props.getProperty("datasetFingerprint") + " ("
                    + p.props.getProperty("datasetSize") + " samples), given data has " + fingerprint + " ("
                    + data.size() + " samples)");
        }
        long step = p.whole("step", 0, Long.MAX_VALUE);
        if (!beyondSteps && step > config.steps()) {
            throw new IllegalArgumentException("checkpoint " + directory + " is at step " + step + ", beyond the "
                    + "configured steps (" + config.steps() + "): raise steps to continue");
        }
        int epoch = (int) p.whole("epoch", 0, Integer.MAX_VALUE);
        int cursor = (int) p.whole("cursor", 0, data.size());
        if (cursor % config.batchSize() != 0) {
            throw new IOException(stateFile + ": cursor=" + cursor + " is not a multiple of the batch size "
                    + config.batchSize());
        }
        long dataState = p.whole("dataEpochStartState", Long.MIN_VALUE, Long.MAX_VALUE);
        long latentState = p.whole("latentState", Long.MIN_VALUE, Long.MAX_VALUE);
        long penaltyState = p.whole("penaltyState", Long.MIN_VALUE, Long.MAX_VALUE);
        double wallSeconds = p.real("wallSeconds");
        boolean emaFlag = p.flag("ema");
        Path emaFile = dir.resolve("ema.bin");
        boolean emaWanted = config.emaDecay() > 0;
        if (emaFlag != emaWanted) {
            throw new IOException(stateFile + ": ema=" + emaFlag + " but the configuration has emaDecay="
                    + config.emaDecay() + (emaWanted ? " (expected ema=true and an ema.bin)" : " (expected ema=false)"));
        }
        if (emaFlag != Files.exists(emaFile)) {
            throw new IOException(stateFile + ": ema=" + emaFlag + " but ema.bin "
                    + (emaFlag ? "is missing" : "exists") + " in " + dir);
        }
        Network g = readNetwork(dir.resolve("generator.zip"),
                in -> config.generator().read(in, config.generatorOptimizer().toUpdater()));
        Network d = readNetwork(dir.resolve("discriminator.zip"),
                in -> config.discriminator().read(in, config.discriminatorOptimizer().toUpdater()));
        INDArray ema = emaFlag ? readEma(emaFile, g.numParams()) : null;
        History history = readHistory(dir.resolve("history.csv"));
        if (history.rows().size() != step) {
            throw new IOException(dir.resolve("history.csv") + ": " + history.rows().size() + " rows, expected one per "
                    + "step (" + stateFile.getFileName() + " says step=" + step + "); the file is truncated or "
                    + "belongs to another checkpoint");
        }
        return new TrainingState(config, fingerprint, data.size(), g, d, ema, history, step, epoch, cursor, dataState,
                latentState, penaltyState, wallSeconds);
    }

    /** How a specification reads its network from a stream. */
    private interface NetworkReader {
        Network read(InputStream in) throws IOException;
    }

    private static Network readNetwork(Path file, NetworkReader reader) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "the checkpoint has no " + file.getFileName());
        }
        Network net;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            net = reader.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot read the network (truncated or not a network this configuration "
                    + "writes): " + e, e);
        }
        if (!Finite.all(net.params())) {
            throw new IOException(file + ": the parameters contain NaN or infinite values");
        }
        if (net.updaterState() != null && !Finite.all(net.updaterState())) {
            throw new IOException(file + ": the optimiser state contains NaN or infinite values");
        }
        return net;
    }

    private static INDArray readEma(Path file, long expectedLength) throws IOException {
        INDArray ema;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            ema = Nd4j.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot read the EMA parameters (truncated or not an ND4J array file): "
                    + e, e);
        }
        if (ema == null || ema.length() != expectedLength) {
            throw new IOException(file + ": expected " + expectedLength + " EMA parameters (as many as "
                    + "generator.zip has), found " + (ema == null ? "none" : ema.length()));
        }
        if (!Finite.all(ema)) {
            throw new IOException(file + ": the EMA parameters contain NaN or infinite values");
        }
        return ema;
    }

    private static History readHistory(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "the checkpoint has no history.csv");
        }
        return History.read(file);
    }

    /** {@code state.properties}, read with errors naming the file and the property. */
    private static final class State {
        final Path file;
        final Properties props;

        private State(Path file, Properties props) {
            this.file = file;
            this.props = props;
        }

        static State read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "the checkpoint has no state.properties");
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": not a properties file: " + e.getMessage(), e);
            }
            return new State(file, p);
        }

        String text(String key) throws IOException {
            String v = props.getProperty(key);
            if (v == null) {
                throw new IOException(file + ": property " + key + " is missing (truncated file?)");
            }
            return v.trim();
        }

        long whole(String key, long min, long max) throws IOException {
            String v = text(key);
            long x;
            try {
                x = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": " + key + "=" + v + " is not a whole number", e);
            }
            if (x < min || x > max) {
                throw new IOException(file + ": " + key + "=" + v + " is out of range, expected " + min + " to "
                        + max);
            }
            return x;
        }

        double real(String key) throws IOException {
            String v = text(key);
            double x;
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": " + key + "=" + v + " is not a number", e);
            }
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IOException(file + ": " + key + "=" + v + " must be a finite number >= 0");
            }
            return x;
        }

        boolean flag(String key) throws IOException {
            String v = text(key);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IOException(file + ": " + key + "=" + v + " must be true or false");
            }
            return Boolean.parseBoolean(v);
        }
    }
}
