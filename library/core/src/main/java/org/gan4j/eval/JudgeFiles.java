package org.gan4j.eval;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gan4j.io.AtomicFiles;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * The file format of a saved {@link JudgeClassifier}: a small header (magic, version, configuration, image size,
 * class names, training record, test confusion matrix) followed by the Tribuo model in Tribuo's own protobuf format
 * ({@link Model#serialize()}), which keeps the model's provenance.
 */
final class JudgeFiles {

    private static final String MAGIC = "gan4j-judge";
    private static final int VERSION = 1;

    private JudgeFiles() {
    }

    static void write(JudgeClassifier judge, Path file) throws IOException {
        AtomicFiles.write(file, os -> {
            DataOutputStream out = new DataOutputStream(os);
            writeTo(judge, out);
            out.flush();
        });
    }

    private static void writeTo(JudgeClassifier judge, DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        JudgeConfig c = judge.config();
        out.writeInt(c.epochs());
        out.writeDouble(c.learningRate());
        out.writeLong(c.seed());
        out.writeBoolean(c.includePixels());
        int[] cells = c.hogCellSizes();
        out.writeInt(cells.length);
        for (int cell : cells) {
            out.writeInt(cell);
        }
        out.writeInt(c.orientationBins());
        out.writeInt(judge.channels());
        out.writeInt(judge.height());
        out.writeInt(judge.width());
        writeStrings(out, judge.classNames());
        JudgeClassifier.TrainingRecord t = judge.training();
        out.writeInt(t.images());
        out.writeUTF(t.source());
        out.writeUTF(t.fingerprint());
        out.writeLong(t.time().toNanos());
        JudgeEvaluation e = judge.testEvaluation();
        out.writeUTF(e.what());
        for (int[] row : e.confusion()) {
            for (int v : row) {
                out.writeInt(v);
            }
        }
        byte[] model = judge.model().serialize().toByteArray();
        out.writeInt(model.length);
        out.write(model);
    }

    static JudgeClassifier read(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                throw new IOException(file + " is not a saved gan4j judge (no header)", e);
            }
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not a saved gan4j judge (header '" + magic + "')");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " is a gan4j judge of format version " + version + ", expected "
                        + VERSION);
            }
            int epochs = in.readInt();
            double learningRate = in.readDouble();
            long seed = in.readLong();
            boolean pixels = in.readBoolean();
            int[] cells = new int[in.readInt()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = in.readInt();
            }
            JudgeConfig config = new JudgeConfig(epochs, learningRate, seed, pixels, cells, in.readInt());
            int channels = in.readInt();
            int height = in.readInt();
            int width = in.readInt();
            List<String> classNames = readStrings(in);
            JudgeClassifier.TrainingRecord training = new JudgeClassifier.TrainingRecord(in.readInt(), in.readUTF(),
                    in.readUTF(), Duration.ofNanos(in.readLong()));
            String what = in.readUTF();
            int k = classNames.size();
            int[][] confusion = new int[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    confusion[i][j] = in.readInt();
                }
            }
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            Model<?> model = Model.deserialize(ModelProto.parseFrom(bytes));
            if (!model.validate(Label.class)) {
                throw new IOException(file + " holds a Tribuo model of another output type, expected a Label model");
            }
            @SuppressWarnings("unchecked")
            Model<Label> labelModel = (Model<Label>) model;
            return new JudgeClassifier(labelModel, config, classNames, channels, height, width, training,
                    new JudgeEvaluation(what, classNames, confusion));
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }
}
