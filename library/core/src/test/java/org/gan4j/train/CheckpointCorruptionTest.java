package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One damaged file per test: loading must fail with a message that names the file and says what is wrong, instead of
 * a bare EOFException or loading bad values silently.
 */
@ExtendWith(SingleNd4jThread.class)
class CheckpointCorruptionTest {
    private static final GanConfig CONFIG = TrainingFixtures.tiny(100);
    private static final TrainingSet DATA = TrainingFixtures.ring(100);

    @TempDir
    Path tmp;
    private Path dir;
    private Path files;

    @BeforeEach
    void save() throws IOException {
        TrainingSession session = new GanTrainer(CONFIG).session(DATA);
        session.fit(4);
        dir = session.save(tmp.resolve("ckpt"));
        files = Checkpoint.contents(dir);
        // the undamaged checkpoint loads
        Checkpoint.read(dir, CONFIG, DATA, true);
    }

    private String loadFailure() {
        Exception e = assertThrows(Exception.class, () -> Checkpoint.read(dir, CONFIG, DATA, true));
        assertTrue(e instanceof IOException || e instanceof IllegalArgumentException, e.toString());
        return e.getMessage();
    }

    private void truncate(String name, double keep) throws IOException {
        Path f = files.resolve(name);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, (int) (b.length * keep)));
    }

    private void setProperty(String key, String value) throws IOException {
        Path f = files.resolve("state.properties");
        String text;
        try (Stream<String> lines = Files.lines(f)) {
            text = String.join("\n", lines.map(l -> l.startsWith(key + "=") ? key + "=" + value : l).toList());
        }
        Files.writeString(f, text + "\n");
    }

    private static void assertNames(String message, String file, String what) {
        assertTrue(message.contains(file) && message.contains(what), "expected '" + file + "' and '" + what
                + "' in: " + message);
    }

    @Test
    void truncatedGeneratorZipIsNamed() throws IOException {
        truncate("generator.zip", 0.5);
        assertNames(loadFailure(), "generator.zip", "truncated");
    }

    @Test
    void truncatedDiscriminatorZipIsNamed() throws IOException {
        truncate("discriminator.zip", 0.3);
        assertNames(loadFailure(), "discriminator.zip", "truncated");
    }

    @Test
    void nonFiniteGeneratorParametersAreRefused() throws IOException {
        MultiLayerNetwork g = ModelSerializer.restoreMultiLayerNetwork(files.resolve("generator.zip").toFile(), true);
        g.params().putScalar(3, Float.NaN);
        Files.delete(files.resolve("generator.zip"));
        ModelSerializer.writeModel(g, files.resolve("generator.zip").toFile(), true);
        assertNames(loadFailure(), "generator.zip", "NaN or infinite");
    }

    @Test
    void truncatedEmaIsNamed() throws IOException {
        truncate("ema.bin", 0.5);
        assertNames(loadFailure(), "ema.bin", "truncated");
    }

    @Test
    void nonFiniteEmaIsRefused() throws IOException {
        long n = Nd4j.readBinary(files.resolve("ema.bin").toFile()).length();
        try (OutputStream out = Files.newOutputStream(files.resolve("ema.bin"));
             DataOutputStream data = new DataOutputStream(out)) {
            Nd4j.write(Nd4j.valueArrayOf(new long[] {n}, Float.NaN, DataType.FLOAT), data);
        }
        assertNames(loadFailure(), "ema.bin", "NaN or infinite");
    }

    @Test
    void missingEmaIsNamed() throws IOException {
        Files.delete(files.resolve("ema.bin"));
        assertNames(loadFailure(), "state.properties", "ema.bin is missing");
    }

    @Test
    void historyCutInsideALineIsNamed() throws IOException {
        truncate("history.csv", 0.6);
        assertNames(loadFailure(), "history.csv", "line");
    }

    @Test
    void historyCutAtALineEndIsNamed() throws IOException {
        Path f = files.resolve("history.csv");
        try (Stream<String> lines = Files.lines(f)) {
            Files.writeString(f, String.join("\n", lines.limit(3).toList()) + "\n");
        }
        assertNames(loadFailure(), "history.csv", "2 rows, expected one per step");
    }

    @Test
    void emptyConfigJsonIsNamed() throws IOException {
        Files.writeString(files.resolve("config.json"), "");
        IOException e = assertThrows(IOException.class, () -> GanTrainer.fromCheckpoint(dir));
        assertNames(e.getMessage(), "config.json", "empty");
    }

    @Test
    void invalidConfigJsonIsNamed() throws IOException {
        Files.writeString(files.resolve("config.json"), "{\"generator\": ", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanTrainer.fromCheckpoint(dir));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void emptyStatePropertiesIsNamed() throws IOException {
        Files.writeString(files.resolve("state.properties"), "");
        assertNames(loadFailure(), "state.properties", "missing");
    }

    @Test
    void negativeStepIsRefused() throws IOException {
        setProperty("step", "-5");
        assertNames(loadFailure(), "state.properties", "step=-5 is out of range");
    }

    @Test
    void nonNumericStepIsRefused() throws IOException {
        setProperty("step", "four");
        assertNames(loadFailure(), "state.properties", "step=four is not a whole number");
    }

    @Test
    void cursorBeyondTheDataIsRefused() throws IOException {
        setProperty("cursor", "999999");
        assertNames(loadFailure(), "state.properties", "cursor=999999 is out of range");
    }

    @Test
    void emaFlagContradictingTheConfigurationIsRefused() throws IOException {
        setProperty("ema", "false");
        assertNames(loadFailure(), "state.properties", "ema=false but the configuration has emaDecay=0.9");
    }

    @Test
    void nonFiniteWallTimeIsRefused() throws IOException {
        setProperty("wallSeconds", "NaN");
        assertNames(loadFailure(), "state.properties", "wallSeconds=NaN");
    }
}
