package org.gan4j.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.gan4j.nn.DcganGenerator;
import org.gan4j.nn.Generator;
import org.gan4j.nn.StyleGenerator;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The style-space API on a small untrained network with non-zero noise strengths and average style: mapping,
 * per-layer styles, mixing, truncation and noise do what their javadoc says (checked against explicit
 * constructions, exactly), bad shapes get one clear error, and a network written and read back is bit-identical.
 */
class StyleSpaceTest {
    private static final StyleGenerator SPEC = StyleGenerator.builder().latentSize(6).styleSize(5).mappingLayers(2)
            .baseWidth(3).build();

    /** A network whose noise strengths and average w are not zero (as after training). */
    private static StyleNetwork network(StyleGenerator spec) {
        StyleNetwork net = new StyleNetwork(spec, 1, new Adam(1e-3), DataType.FLOAT);
        RandomStream rs = RandomStream.seeded(4);
        for (ParameterLayout.Block b : net.layout().blocks()) {
            if (b.name().startsWith("noise") || b.name().equals("wAverage")) {
                net.params().get(NDArrayIndex.interval(b.offset(), b.offset() + b.length()))
                        .assign(rs.gaussian(DataType.FLOAT, 1, (int) b.length()).reshape(b.length()));
            }
        }
        return net;
    }

    private static StyleSpace space() {
        return StyleSpace.of(Generator.of(SPEC, network(SPEC)));
    }

    private static float[] raw(INDArray a) {
        return a.dup().data().asFloat();
    }

    @Test
    void synthesisFromTheMappedStyleWithFixedNoiseIsTheGeneratorsSample() {
        Generator g = Generator.of(SPEC, network(SPEC));
        StyleSpace space = StyleSpace.of(g);
        INDArray z = space.latent(4, 9);
        assertArrayEquals(raw(g.generate(z, null)), raw(space.synthesize(space.mapping(z), Noise.fixed())),
                "same z, same image, bit for bit");
        assertArrayEquals(new long[]{4, 1, 28, 28}, space.synthesize(space.mapping(z), Noise.fixed()).shape());
    }

    /** Inference goes through in chunks of 256 rows; rows 256..299 of a 300-row batch are a 44-row batch's output. */
    @Test
    void largeBatchesAreGeneratedInChunksWithTheSameResult() {
        StyleNetwork net = network(SPEC);
        INDArray z = RandomStream.seeded(3).gaussian(DataType.FLOAT, 300, 6);
        INDArray all = net.output(z);
        INDArray tail = net.output(z.get(NDArrayIndex.interval(256, 300), NDArrayIndex.all()).dup());
        assertArrayEquals(raw(tail), raw(all.get(NDArrayIndex.interval(256, 300))));
        assertArrayEquals(new long[]{300, 1, 28, 28}, all.shape());
    }

    @Test
    void mixingTakesCoarseLayersFromTheFirstSourceAndFineFromTheSecond() {
        StyleSpace space = space();
        INDArray a = space.mapping(space.latent(3, 1));
        INDArray b = space.mapping(space.latent(3, 2));
        INDArray mixed = space.mix(a, b, 2);
        for (int l = 0; l < space.styleLayers(); l++) {
            INDArray layer = mixed.get(NDArrayIndex.all(), NDArrayIndex.point(l), NDArrayIndex.all());
            assertArrayEquals(raw(l < 2 ? a : b), raw(layer), "layer " + l);
        }
        assertArrayEquals(raw(space.perLayer(b)), raw(space.mix(a, b, 0)), "crossover 0: all from fine");
        assertArrayEquals(raw(space.perLayer(a)), raw(space.mix(a, b, space.styleLayers())), "all from coarse");
        assertNotEquals(space.synthesize(space.mix(a, b, 2), Noise.fixed()),
                space.synthesize(space.mix(a, b, 4), Noise.fixed()), "the crossover changes the image");
    }

    @Test
    void truncationMovesStylesTowardsTheAverageUpToTheCutoff() {
        StyleSpace space = space();
        INDArray w = space.mapping(space.latent(3, 1));
        INDArray avg = space.averageStyle();
        assertTrue(avg.norm2Number().doubleValue() > 0, "the average style of this network is not zero");
        INDArray t = space.truncate(w, 0.0, 4);
        for (int l = 0; l < space.styleLayers(); l++) {
            INDArray layer = t.get(NDArrayIndex.all(), NDArrayIndex.point(l), NDArrayIndex.all());
            INDArray expected = l < 4 ? avg.repeat(0, 3) : w;
            assertArrayEquals(raw(expected), raw(layer), 1e-6f, "psi 0, layer " + l);
        }
        assertArrayEquals(raw(space.perLayer(w)), raw(space.truncate(w, 1.0, space.styleLayers())), 1e-6f,
                "psi 1 changes nothing");
        INDArray half = space.truncate(w, 0.5, space.styleLayers());
        INDArray expected = w.sub(avg.repeat(0, 3)).muli(0.5).addi(avg.repeat(0, 3));
        assertArrayEquals(raw(expected), raw(half.get(NDArrayIndex.all(), NDArrayIndex.point(3), NDArrayIndex.all())),
                1e-6f, "psi 0.5 halves the distance to the average");
    }

    @Test
    void noiseChangesPixelsButFixedNoiseIsReproducible() {
        StyleSpace space = space();
        INDArray w = space.mapping(space.latent(2, 1));
        INDArray fixed = space.synthesize(w, Noise.fixed());
        assertArrayEquals(raw(fixed), raw(space.synthesize(w, Noise.fixed())));
        assertArrayEquals(raw(space.synthesize(w, Noise.random(3))), raw(space.synthesize(w, Noise.random(3))),
                "one seed, one noise");
        double moved = space.synthesize(w, Noise.random(3)).sub(space.synthesize(w, Noise.random(4)))
                .amaxNumber().doubleValue();
        assertTrue(moved > 1e-4, "two noise draws give different pixels: " + moved);
        assertNotEquals(fixed, space.synthesize(w, Noise.none()));
    }

    @Test
    void figuresLayOutSourcesAndMixes() {
        StyleSpace space = space();
        INDArray cells = StyleFigures.mixingImages(space, 1, 2, 2, 3, 2);
        assertEquals(3 * 4, cells.size(0));
        assertEquals(-1.0, cells.get(NDArrayIndex.point(0)).maxNumber().doubleValue(), 0.0, "black corner");
        INDArray a = space.mapping(space.latent(2, 1));
        INDArray b = space.mapping(space.latent(3, 2));
        INDArray expected = space.synthesize(space.mix(a.get(NDArrayIndex.interval(1, 2), NDArrayIndex.all()),
                b.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all()), 2), Noise.fixed());
        assertArrayEquals(raw(expected), raw(cells.get(NDArrayIndex.interval(2 * 4 + 3, 2 * 4 + 4))),
                "row 2 (source A_1), column 3 (source B_2)");
        INDArray variation = StyleFigures.noiseVariationImages(space, 1, 2, 4, 5);
        assertEquals(2 * 5, variation.size(0));
        assertTrue(StyleFigures.mixingGrid(space, 1, 2, 2, 3, 2).getWidth() > 0);
    }

    @Test
    void badInputGetsOneClearError() {
        StyleSpace space = space();
        INDArray w = space.mapping(space.latent(2, 1));
        assertMessage(() -> space.synthesize(w.reshape(2, 1, 5).repeat(1, 3), Noise.fixed()),
                "styles must be [n, 5] or [n, 6 layers, 5], got [2, 3, 5]");
        assertMessage(() -> space.mix(w, w, 7), "crossover must be in [0, 6], got 7");
        assertMessage(() -> space.truncate(w, 3, 2), "psi must be in [0, 2], got 3.0");
        assertMessage(() -> space.mapping(space.latent(2, 1), new int[]{0, 1}), "this generator is unconditional");
        assertMessage(() -> space.mapping(RandomStream.seeded(1).gaussian(DataType.FLOAT, 2, 4)),
                "z must be [n, 6], got [2, 4]");
        Generator dcgan = Generator.of(DcganGenerator.builder().baseWidth(2).build(),
                DcganGenerator.builder().baseWidth(2).build().create(1, new Adam(1e-3), DataType.FLOAT));
        assertMessage(() -> StyleSpace.of(dcgan), "needs a style-based generator");
        StyleNetwork net = network(SPEC);
        assertMessage(() -> net.forward(RandomStream.seeded(1).gaussian(DataType.FLOAT, 2, 7), RandomStream.seeded(1)),
                "input must be [n, latentSize + numClasses] = [n, 6], got [2, 7]");
        assertMessage(() -> net.backward(null), "backward needs a training forward pass first");
    }

    @Test
    void writtenAndReadBackNetworkIsBitIdentical() throws IOException {
        StyleGenerator conditional = StyleGenerator.builder().latentSize(6).styleSize(5).mappingLayers(2)
                .baseWidth(3).numClasses(3).build();
        StyleNetwork net = network(conditional);
        INDArray input = RandomStream.seeded(1).gaussian(DataType.FLOAT, 4, 9);
        net.forward(input, RandomStream.seeded(2));
        net.backward(RandomStream.seeded(3).gaussian(DataType.FLOAT, 4, 784).reshape(4, 1, 28, 28));
        net.update(net.gradientView(), 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        net.write(bytes);
        StyleNetwork back = StyleNetwork.read(conditional, new ByteArrayInputStream(bytes.toByteArray()),
                new Adam(1e-3));
        assertArrayEquals(raw(net.params()), raw(back.params()), "parameters");
        assertArrayEquals(raw(net.updaterState()), raw(back.updaterState()), "optimiser state");
        assertEquals(1, back.iterationCount());
        IOException e = assertThrows(IOException.class, () -> StyleNetwork.read(SPEC,
                new ByteArrayInputStream(bytes.toByteArray()), new Adam(1e-3)));
        assertTrue(e.getMessage().contains("parameters, the specification"), e.getMessage());
    }

    private static void assertMessage(Executable call, String expected) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(expected), "expected '" + expected + "' in: "
                + e.getMessage());
    }
}
