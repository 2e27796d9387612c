package org.gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

class NetworkSpecTest {

    private static List<GeneratorSpec> generators() {
        List<GeneratorSpec> out = new ArrayList<>();
        out.add(MlpGenerator.builder().build());
        out.add(MlpGenerator.builder().numClasses(8).latentSize(3).hiddenWidths(16).build());
        for (int size : new int[]{28, 32}) {
            for (int c : new int[]{1, 3}) {
                out.add(DcganGenerator.builder().imageSize(size).channels(c).latentSize(10).baseWidth(8).build());
            }
        }
        out.add(DcganGenerator.builder().numClasses(10).latentSize(10).baseWidth(8).build());
        return out;
    }

    private static List<DiscriminatorSpec> discriminators() {
        List<DiscriminatorSpec> out = new ArrayList<>();
        out.add(MlpDiscriminator.builder().build());
        out.add(MlpDiscriminator.builder().numClasses(8).hiddenWidths(16).build());
        for (int size : new int[]{28, 32}) {
            for (int c : new int[]{1, 3}) {
                out.add(DcganDiscriminator.builder().imageSize(size).channels(c).baseWidth(8).build());
            }
        }
        out.add(DcganDiscriminator.builder().numClasses(10).baseWidth(8).build());
        out.add(DcganDiscriminator.builder().numClasses(10).baseWidth(8).conditioning(LabelConditioning.PROJECTION)
                .build());
        out.add(DcganDiscriminator.builder().imageSize(32).channels(3).numClasses(4).baseWidth(8)
                .conditioning(LabelConditioning.PROJECTION).build());
        out.add(MlpDiscriminator.builder().numClasses(8).hiddenWidths(16).conditioning(LabelConditioning.PROJECTION)
                .build());
        return out;
    }

    private static int[] labels(int n, int k) {
        if (k == 0) {
            return null;
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % k;
        }
        return y;
    }

    @Test
    void generatorsMakeSamplesOfTheDeclaredShapeAndRoundTrip() throws IOException {
        for (GeneratorSpec spec : generators()) {
            MultiLayerNetwork net = ((MultiLayerModel) spec.create(1, new Adam(1e-3), DataType.FLOAT)).unwrap();
            Generator g = Generator.of(spec, new MultiLayerModel(net));
            INDArray x = g.sample(3, 5);
            long[] expected = new long[spec.sampleShape().length + 1];
            expected[0] = 3;
            System.arraycopy(spec.sampleShape(), 0, expected, 1, spec.sampleShape().length);
            assertArrayEquals(expected, x.shape(), spec.toString());
            if (spec instanceof DcganGenerator) {
                assertTrue(x.maxNumber().doubleValue() <= 1 && x.minNumber().doubleValue() >= -1, "tanh range");
            }
            MultiLayerNetwork restored = roundTrip(net);
            assertEquals(x, Generator.of(spec, new MultiLayerModel(restored)).sample(3, 5), "serialisation round trip of " + spec);
            assertEquals(x, g.sample(3, 5), "same seed, same samples");
        }
    }

    @Test
    void discriminatorsScoreBatchesAndRoundTrip() throws IOException {
        for (DiscriminatorSpec spec : discriminators()) {
            MultiLayerNetwork net = ((MultiLayerModel) spec.create(2, new Adam(1e-3), DataType.FLOAT)).unwrap();
            long[] shape = new long[spec.sampleShape().length + 1];
            shape[0] = 4;
            System.arraycopy(spec.sampleShape(), 0, shape, 1, spec.sampleShape().length);
            INDArray x = RandomStream.seeded(3).gaussian(DataType.FLOAT, 4, (int) (spec.sampleShape().length == 1
                    ? spec.sampleShape()[0] : spec.sampleShape()[0] * spec.sampleShape()[1] * spec.sampleShape()[2]))
                    .reshape(shape);
            int[] labels = labels(4, spec.numClasses());
            INDArray in = spec.input(x, labels);
            INDArray out = net.output(in, false);
            assertArrayEquals(new long[]{4, 1 + spec.projectedClasses()}, out.shape(), spec.toString());
            INDArray scores = spec.scores(out, labels);
            assertArrayEquals(new long[]{4, 1}, scores.shape(), spec.toString());
            if (spec.conditioning() == LabelConditioning.PROJECTION) {
                for (int i = 0; i < 4; i++) {
                    assertEquals(out.getDouble(i, 0) + out.getDouble(i, 1 + labels[i]), scores.getDouble(i, 0), 1e-6,
                            "projection score = unconditional + class column");
                }
            }
            assertEquals(out, roundTrip(net).output(in, false), "serialisation round trip of " + spec);
        }
    }

    private static MultiLayerNetwork roundTrip(MultiLayerNetwork net) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
    }

    @Test
    void dcganInitialisationIsNormalWithStd002() {
        MultiLayerNetwork net = DcganDiscriminator.builder().build().build(1, new Adam(1e-3), DataType.FLOAT);
        INDArray w = net.getLayer("d_conv2").getParam("W");
        assertEquals(0.02, w.stdNumber().doubleValue(), 0.002);
        assertEquals(0.0, w.meanNumber().doubleValue(), 0.002);
    }

    @Test
    void badConfigurationFailsWithTheParameterName() {
        assertMessage(() -> DcganGenerator.builder().imageSize(64).build(), "imageSize must be 28 or 32, got 64");
        assertMessage(() -> DcganDiscriminator.builder().channels(2).build(), "channels must be 1 or 3, got 2");
        assertMessage(() -> MlpGenerator.builder().latentSize(0).build(), "latentSize must be > 0, got 0");
        assertMessage(() -> MlpGenerator.builder().hiddenWidths().build(), "hiddenWidths");
        assertMessage(() -> MlpDiscriminator.builder().leakySlope(1.5).build(), "leakySlope");
        assertMessage(() -> DcganDiscriminator.builder().conditioning(LabelConditioning.PROJECTION).build(),
                "conditioning PROJECTION needs numClasses > 0, got 0");
        assertMessage(() -> MlpDiscriminator.builder().conditioning(null).build(),
                "conditioning must be CONCATENATION or PROJECTION, got null");
    }

    @Test
    void samplingApiChecksItsArguments() {
        GeneratorSpec spec = MlpGenerator.builder().numClasses(4).build();
        Generator g = Generator.of(spec, spec.create(1, new Adam(1e-3), DataType.FLOAT));
        assertArrayEquals(new long[]{5, 2}, g.sample(2, 5, 1).shape());
        assertMessage(() -> g.sample(4, 5, 1), "label must be in [0, 4), got 4");
        assertMessage(() -> g.generate(g.latent(3, 1), new int[]{0, 1}), "expected 3, got 2");
        assertMessage(() -> g.generate(g.latent(3, 1).reshape(1, 24), null), "z must have shape [n, 8]");
        GeneratorSpec plain = MlpGenerator.builder().build();
        Generator u = Generator.of(plain, plain.create(1, new Adam(1e-3), DataType.FLOAT));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> u.sample(1, 5, 1));
        assertTrue(e.getMessage().contains("conditional"), e.getMessage());
        assertMessage(() -> Generator.of(spec, plain.create(1, new Adam(1e-3), DataType.FLOAT)), "needs latentSize");
    }

    @Test
    void imageGeneratorsDrawGrids() {
        GeneratorSpec spec = DcganGenerator.builder().numClasses(4).latentSize(6).baseWidth(4).build();
        Generator g = Generator.of(spec, spec.create(1, new Adam(1e-3), DataType.FLOAT));
        java.awt.image.BufferedImage grid = g.grid(8, 1);
        assertTrue(grid.getWidth() > grid.getHeight(), "4 columns, 2 rows");
        GeneratorSpec points = MlpGenerator.builder().build();
        Generator p = Generator.of(points, points.create(1, new Adam(1e-3), DataType.FLOAT));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.grid(4, 1));
        assertTrue(e.getMessage().contains("image generator"), e.getMessage());
    }

    @Test
    void toStringListsHyperParameters() {
        assertEquals("DcganGenerator[latentSize=100, numClasses=0, imageSize=28, channels=1, baseWidth=64, "
                + "kernelSize=5]", DcganGenerator.builder().build().toString());
    }

    private static void assertMessage(Runnable r, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
