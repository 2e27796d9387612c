package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;
import org.gan4j.synth.GaussianRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import tech.tablesaw.api.Table;

/**
 * Resume is exact, bit for bit, for every preset: {@code N} steps, save, resume in a new session from the directory,
 * {@code N} more steps leave G's and D's parameters, both optimiser states, the EMA generator and every deterministic
 * history column with the same raw bits ({@code Float.floatToRawIntBits}, {@code Double.doubleToRawLongBits}) as
 * {@code 2N} uninterrupted steps. The batch-normalised DCGAN presets are included (batch-norm running statistics are
 * parameters, so they are compared too), and so are the style-based presets, whose noise and style mixing draw from
 * the trainer's random stream.
 */
@ExtendWith(SingleNd4jThread.class)
class ExactResumeTest {
    /** History columns that depend on the maths only (not on the wall clock). */
    private static final List<String> DETERMINISTIC_COLUMNS = List.of("lossD", "lossG", "D(x)", "D(G(z))",
            "gradNormG", "gradNormD");

    @TempDir
    Path tmp;

    @Test
    void everyPresetResumesBitForBit() throws IOException {
        GaussianRing ring = new GaussianRing(8, 2.0, 0.05);
        TrainingSet labelledRing = ring.sample(256, 1);
        TrainingSet ringData = TrainingSet.of(labelledRing.features());
        ImageDataset train = FashionMnist.embedded(Split.TRAIN);
        INDArray images = train.features().get(NDArrayIndex.interval(0, 128), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all()).dup();
        int[] labels = java.util.Arrays.copyOf(train.labels(), 128);
        TrainingSet imageData = TrainingSet.of(images);
        TrainingSet labelledImages = TrainingSet.labelled(images, labels, 10);

        Map<String, GanConfig> presets = new LinkedHashMap<>();
        presets.put("mlp", GanConfig.mlp(2));
        presets.put("conditionalMlp", GanConfig.conditionalMlp(2, 8));
        presets.put("quickDcgan", GanConfig.quickDcgan());
        presets.put("quickConditional", GanConfig.quickConditional(10));
        presets.put("quickWganGp", GanConfig.quickWganGp());
        presets.put("dcgan (batch norm in G and D)", GanConfig.dcgan(28, 1));
        presets.put("conditional", GanConfig.conditional(10));
        presets.put("wganGp", GanConfig.wganGp(28, 1));
        presets.put("quickStyleGan (noise and style mixing)", GanConfig.quickStyleGan());
        presets.put("quickConditionalStyleGan", GanConfig.quickConditionalStyleGan(10));
        presets.put("styleGan", GanConfig.styleGan(28, 1));
        presets.put("conditionalStyleGan", GanConfig.conditionalStyleGan(10));
        presets.put("quickInfoGan (codes and the head Q)", GanConfig.quickInfoGan());
        presets.put("infoGan", GanConfig.infoGan());
        presets.put("quickInfoGan with Q's own hidden layer", GanConfig.quickInfoGan().toBuilder()
                .info(GanConfig.quickInfoGan().info().withHeadHidden(32)).build());
        presets.put("quickConditionalInfoGan (codes beside the label)", GanConfig.quickConditionalInfoGan(10));
        presets.put("quickStyleInfoGan (codes through the mapping network)", GanConfig.quickStyleInfoGan());
        for (Map.Entry<String, GanConfig> preset : presets.entrySet()) {
            GanConfig config = preset.getValue();
            boolean image = config.generator().sampleShape().length == 3;
            TrainingSet data = image ? (config.numClasses() > 0 ? labelledImages : imageData)
                    : (config.numClasses() > 0 ? labelledRing : ringData);
            int n = image ? 2 : 5;
            assertResumeIsExact(preset.getKey(), config, data, n);
        }
    }

    private void assertResumeIsExact(String name, GanConfig config, TrainingSet data, int n) throws IOException {
        TrainingSession straight = new GanTrainer(config).session(data);
        straight.fit(2 * n);

        TrainingSession first = new GanTrainer(config).session(data);
        first.fit(n);
        Path dir = first.save(Files.createTempDirectory(tmp, "checkpoint"));
        TrainingSession resumed = new GanTrainer(config).resumeSession(dir, data);
        resumed.fit(n);

        TrainingLoop a = straight.loop;
        TrainingLoop b = resumed.loop;
        assertEquals(2L * n, b.step, name + ": steps");
        assertBits(a.g.net.params(), b.g.net.params(), name + ": G parameters");
        assertBits(a.d.net.params(), b.d.net.params(), name + ": D parameters (batch-norm statistics included)");
        assertBits(a.g.net.updaterState(), b.g.net.updaterState(),
                name + ": G optimiser state");
        assertBits(a.d.net.updaterState(), b.d.net.updaterState(),
                name + ": D optimiser state");
        if (config.emaDecay() > 0) {
            assertBits(a.ema, b.ema, name + ": EMA parameters");
        }
        Table ha = straight.history().table();
        Table hb = resumed.history().table();
        assertEquals(ha.rowCount(), hb.rowCount(), name + ": history rows");
        for (String column : DETERMINISTIC_COLUMNS) {
            assertArrayEquals(rawBits(ha.doubleColumn(column).asDoubleArray()),
                    rawBits(hb.doubleColumn(column).asDoubleArray()), name + ": history column " + column);
        }
    }

    private static void assertBits(INDArray expected, INDArray actual, String what) {
        assertEquals(DataType.FLOAT, expected.dataType(), what + ": the trainer works in float32");
        assertArrayEquals(rawBits(expected), rawBits(actual), what + " differ in their raw bits");
    }

    private static int[] rawBits(INDArray a) {
        float[] values = a.dup('c').data().asFloat();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    private static long[] rawBits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
