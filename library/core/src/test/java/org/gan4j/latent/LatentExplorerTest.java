package org.gan4j.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gan4j.info.InfoCodes;
import org.gan4j.nn.DcganGenerator;
import org.gan4j.nn.Generator;
import org.gan4j.nn.StyleGenerator;
import org.gan4j.style.StyleNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/** What each knob of {@link LatentExplorer} does, on small untrained generators. */
class LatentExplorerTest {

    private static final DcganGenerator PLAIN = DcganGenerator.builder().latentSize(8).baseWidth(4).build();
    private static final DcganGenerator CONDITIONAL = DcganGenerator.builder().numClasses(3).latentSize(8)
            .baseWidth(4).build();
    private static final StyleGenerator STYLE = StyleGenerator.builder().latentSize(6).styleSize(5).mappingLayers(2)
            .baseWidth(3).build();

    private static Generator plain() {
        return Generator.of(PLAIN, PLAIN.create(1, new Adam(1e-3), DataType.FLOAT));
    }

    private static INDArray row(INDArray images, int i) {
        return images.get(NDArrayIndex.point(i)).dup();
    }

    @Test
    void theDefaultViewIsTheGeneratorsOwnSamplesOfTheSeedBitForBit() {
        Generator g = plain();
        LatentExplorer e = LatentExplorer.of(g).withGrid(6, 3);
        INDArray shown = e.images(e.defaults().withSeed(5));
        assertEquals(g.generate(g.latent(6, 5), null), shown, "t 0, no moves, psi 1: generate(latent(n, seed))");
        assertNotEquals(shown, e.images(e.defaults().withSeed(6)), "another seed, other samples");
        assertNotEquals(shown, e.images(e.defaults().withSeed(5).withT(0.5)), "half way to the second latents");
        assertNotEquals(shown, e.images(e.defaults().withSeed(5).withDirection(1, 2.0)), "a move along a direction");
    }

    @Test
    void psiZeroGivesEverySampleTheMeanLatent() {
        LatentExplorer e = LatentExplorer.of(plain()).withGrid(4, 4);
        INDArray images = e.images(e.defaults().withPsi(0));
        for (int i = 1; i < 4; i++) {
            assertEquals(row(images, 0), row(images, i), "sample " + i);
        }
    }

    @Test
    void aClassBlendOfZeroIsClassAAndOfOneIsClassB() {
        Generator g = Generator.of(CONDITIONAL, CONDITIONAL.create(2, new Adam(1e-3), DataType.FLOAT));
        LatentExplorer e = LatentExplorer.of(g).withGrid(4, 4);
        INDArray z = g.latent(4, 0);
        assertEquals(g.generate(z, new int[] {2, 2, 2, 2}), e.images(e.defaults().withClasses(2, 0, 0)));
        assertEquals(g.generate(z, new int[] {0, 0, 0, 0}), e.images(e.defaults().withClasses(2, 0, 1)));
        INDArray half = e.images(e.defaults().withClasses(2, 0, 0.5));
        assertNotEquals(g.generate(z, new int[] {2, 2, 2, 2}), half);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> e.images(e.defaults().withClasses(3, 0, 0)));
        assertTrue(bad.getMessage().contains("classA"), bad.getMessage());
    }

    @Test
    void styleMixingCrossoverAndTruncationActInW() {
        Generator g = Generator.of(STYLE, new StyleNetwork(STYLE, 1, new Adam(1e-3), DataType.FLOAT));
        LatentExplorer e = LatentExplorer.of(g).withGrid(4, 4);
        int layers = e.styleLayers();
        assertTrue(layers >= 2);
        INDArray unmixed = e.images(e.defaults());
        assertEquals(layers, e.defaults().crossover(), "no mixing by default");
        assertNotEquals(unmixed, e.images(e.defaults().withCrossover(0)), "all styles from the third latents");
        INDArray truncated = e.images(e.defaults().withPsi(0));
        assertTrue(spread(truncated) < 0.5 * spread(unmixed), "psi 0: every sample gets the average style ("
                + spread(truncated) + " vs " + spread(unmixed) + ")");
        assertThrows(IllegalArgumentException.class, () -> e.images(e.defaults().withCrossover(layers + 1)));
    }

    @Test
    void infoCodesOverwriteTheLatentsLastColumns() {
        Generator g = plain();
        InfoCodes codes = new InfoCodes(3, 1, 1.0);
        LatentExplorer e = LatentExplorer.of(g).withInfo(codes).withGrid(2, 2);
        assertEquals(1, e.defaults().continuous().length);
        assertNotEquals(e.images(e.defaults()), e.images(e.defaults().withCategory(2)));
        assertNotEquals(e.images(e.defaults()), e.images(e.defaults().withContinuous(0, 1.5)));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> e.images(e.defaults().withCategory(3)));
        assertTrue(bad.getMessage().contains("category"), bad.getMessage());
    }

    /** Mean absolute difference of each sample from the first. */
    private static double spread(INDArray images) {
        double sum = 0;
        for (int i = 1; i < images.size(0); i++) {
            sum += row(images, i).sub(row(images, 0)).amean().getDouble(0);
        }
        return sum / (images.size(0) - 1);
    }
}
