package org.gan4j.invert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gan4j.eval.FeatureNetwork;
import org.gan4j.nn.DcganGenerator;
import org.gan4j.nn.Generator;
import org.gan4j.nn.GeneratorSpec;
import org.gan4j.nn.StyleGenerator;
import org.gan4j.train.SingleNd4jThread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The projector on small untrained generators (fast): it finds the generator's own samples again (from random
 * starts, far closer than other samples are), one seed reproduces a projection bit for bit, an interrupt stops it
 * after the current step with what it found, and bad input gets one error naming the parameter.
 */
@ExtendWith(SingleNd4jThread.class)
class ProjectorTest {
    private static final ProjectorOptions PIXELS = ProjectorOptions.defaults().withWeights(1, 0).withSteps(150)
            .withRestarts(2);

    private static Generator generator(GeneratorSpec spec) {
        return Generator.of(spec, spec.create(7, new Adam(1e-3), DataType.FLOAT));
    }

    /**
     * An untrained conditional DCGAN generator with its weights tripled: at initialisation its inference samples are
     * all close to 0 (about 1e-3 apart), too alike to tell a found latent from any other.
     */
    private static final Generator CONDITIONAL_DCGAN = scaled(DcganGenerator.builder().latentSize(8).numClasses(3)
            .baseWidth(4).build());

    private static Generator scaled(GeneratorSpec spec) {
        var network = spec.create(7, new Adam(1e-3), DataType.FLOAT);
        network.params().muli(network.statisticsMask().reshape(network.numParams()).rsub(1).muli(2).addi(1));
        return Generator.of(spec, network);
    }
    private static final Generator STYLE = generator(StyleGenerator.builder().latentSize(8).styleSize(8)
            .mappingLayers(2).baseWidth(4).build());

    private static double meanSquared(INDArray a, INDArray b) {
        INDArray d = a.sub(b);
        return d.muli(d).meanNumber().doubleValue();
    }

    @Test
    void aConditionalDcgansOwnSamplesAreFoundAgainInZ() {
        int[] labels = {0, 1, 2, 0, 1, 2};
        INDArray targets = CONDITIONAL_DCGAN.generate(CONDITIONAL_DCGAN.latent(6, 100), labels);
        INDArray others = CONDITIONAL_DCGAN.generate(CONDITIONAL_DCGAN.latent(6, 200), labels);
        Projection p = Projector.of(CONDITIONAL_DCGAN, PIXELS, null).project(targets, labels);
        double found = Arrays.stream(p.pixelErrors()).average().orElseThrow();
        double chance = meanSquared(targets, others);   // other samples of the same classes
        System.out.printf("own DCGAN samples: reconstruction error %.5f, other samples %.5f%n", found, chance);
        assertEquals(LatentSpace.Z, p.space());
        assertArrayEquals(new long[]{6, 8}, p.latents().shape());
        assertTrue(found < 0.1 * chance, "error " + found + " vs other samples " + chance);
        double[] history = p.lossHistory();
        assertTrue(history[history.length - 1] < 0.5 * history[0], "the loss falls: " + Arrays.toString(history));
    }

    @Test
    void aStyleGeneratorsOwnSamplesAreFoundAgainInWPlus() {
        INDArray targets = STYLE.sample(6, 100);
        Projection p = Projector.of(STYLE, PIXELS, null).project(targets);
        double found = Arrays.stream(p.pixelErrors()).average().orElseThrow();
        double chance = meanSquared(targets, STYLE.sample(6, 200));
        System.out.printf("own style samples: reconstruction error %.5f, other samples %.5f%n", found, chance);
        assertEquals(LatentSpace.W_PLUS, p.space());
        assertEquals(6, p.noiseMaps().length);
        assertTrue(found < 0.1 * chance, "error " + found + " vs other samples " + chance);
    }

    @Test
    void oneSeedReproducesAProjectionBitForBit() {
        ProjectorOptions o = PIXELS.withSteps(20).withSeed(3);
        INDArray targets = STYLE.sample(3, 5);
        Projection a = Projector.of(STYLE, o, null).project(targets);
        Projection b = Projector.of(STYLE, o, null).project(targets);
        assertArrayEquals(a.latents().data().asFloat(), b.latents().data().asFloat());
        assertArrayEquals(a.reconstructions().data().asFloat(), b.reconstructions().data().asFloat());
        assertArrayEquals(a.lossHistory(), b.lossHistory());
    }

    @Test
    void anInterruptStopsAfterTheCurrentStepWithWhatWasFound() {
        int[] labels = {0, 1};
        INDArray targets = CONDITIONAL_DCGAN.generate(CONDITIONAL_DCGAN.latent(2, 1), labels);
        Projection p = Projector.of(CONDITIONAL_DCGAN, PIXELS, null).project(targets, labels,
                (step, steps, loss) -> {
                    if (step == 4) {
                        Thread.currentThread().interrupt();
                    }
                });
        assertTrue(p.interrupted());
        assertEquals(5, p.steps());
        assertTrue(Thread.interrupted(), "the flag stays set for the caller");
        assertArrayEquals(new long[]{2, 1, 28, 28}, p.reconstructions().shape());
    }

    @Test
    void badInputGetsOneErrorNamingWhatWasExpected() {
        Projector z = Projector.of(CONDITIONAL_DCGAN, PIXELS, null);
        INDArray ok = CONDITIONAL_DCGAN.sample(2, 1);
        assertMessage(() -> z.project(ok), "conditional", "labels");
        assertMessage(() -> z.project(ok, new int[]{0}), "one class per target image");
        assertMessage(() -> z.project(ok, new int[]{0, 3}), "labels[1]", "[0, 3)");
        assertMessage(() -> z.project(ok.repeat(1, 3), new int[]{0, 1}), "[n, 1, 28, 28]", "3 channels");
        assertMessage(() -> z.project(ok.add(2), new int[]{0, 1}), "[-1, 1]");
        Projector w = Projector.of(STYLE, PIXELS, null);
        assertMessage(() -> w.project(STYLE.sample(2, 1), new int[]{0, 1}), "unconditional");
        Generator rgb = generator(StyleGenerator.builder().latentSize(4).styleSize(4).mappingLayers(1).baseWidth(2)
                .imageSize(32).channels(3).build());
        ProjectorOptions withFeatures = ProjectorOptions.defaults().withWeights(1, 0.1);
        assertMessage(() -> Projector.of(rgb, withFeatures, FeatureNetwork.fashionMnist()),
                "feature network", "[1, 28, 28]", "[3, 32, 32]");
        assertMessage(() -> Projector.of(rgb, withFeatures, null), "featureWeight");
        assertEquals(0.0, Projector.of(rgb, withFeatures).options().featureWeight(), "no fitting features: pixels");
        assertMessage(() -> PIXELS.withWeights(0, 0), "nothing to match");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }
}
