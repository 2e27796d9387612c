package org.gan4j.latent;

import static org.gan4j.latent.InterpolationTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.gan4j.nn.DcganGenerator;
import org.gan4j.nn.Generator;
import org.gan4j.nn.MlpGenerator;
import org.gan4j.train.SingleNd4jThread;
import org.gan4j.viz.AnimatedGif;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/** Latent pictures from tiny untrained generators: shapes, soft labels, sizes, GIF frames. */
@ExtendWith(SingleNd4jThread.class)
class LatentGridTest {

    private static final int K = 3;
    private static final int CELL = 28 * 2;
    private static final DcganGenerator SPEC = DcganGenerator.builder().numClasses(K).latentSize(8).baseWidth(4)
            .build();
    private static final Generator G = Generator.of(SPEC, SPEC.create(1, new Adam(1e-3), DataType.FLOAT));

    /** Grid size for ImageGrid's defaults: scale 2, padding 2. */
    private static int side(int cells) {
        return cells * CELL + (cells + 1) * 2;
    }

    private static INDArray image(INDArray images, int i) {
        return images.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
    }

    @Test
    void softLabelsAtTheEndsAreTheHardLabels() {
        INDArray z = G.latent(4, 7);
        for (int label = 0; label < K; label++) {
            INDArray hard = G.generate(z, new int[]{label, label, label, label});
            INDArray conditions = Nd4j.concat(0, ClassConditions.oneHot(label, K), ClassConditions.oneHot(label, K),
                    ClassConditions.oneHot(label, K), ClassConditions.oneHot(label, K));
            assertEquals(hard, G.generateConditioned(z, conditions), "class " + label);
        }
        INDArray path = ClassConditions.path(0, 2, 4, K);
        INDArray soft = G.generateConditioned(z, path);
        assertEquals(G.generate(z.getRow(0, true), new int[]{0}), image(soft, 0));
        assertEquals(G.generate(z.getRow(3, true), new int[]{2}), image(soft, 3));
        assertFalse(image(soft, 1).equals(G.generate(z.getRow(1, true), new int[]{0})), "a blend differs from its ends");
    }

    @Test
    void conditionsMustFitTheGenerator() {
        INDArray z = G.latent(2, 1);
        assertMessage(() -> G.generateConditioned(z, Nd4j.zeros(2, K + 1)), "conditions must have shape [2, 3]");
        assertMessage(() -> G.generateConditioned(z, Nd4j.zeros(3, K)), "conditions must have shape [2, 3]");
        MlpGenerator plain = MlpGenerator.builder().outputSize(2).build();
        Generator u = Generator.of(plain, plain.create(1, new Adam(1e-3), DataType.FLOAT));
        assertThrows(IllegalStateException.class, () -> u.generateConditioned(u.latent(2, 1), Nd4j.zeros(2, 1)));
    }

    @Test
    void everyClassGridHasOneRowPerLatentAndOneColumnPerClass() {
        INDArray z = G.latent(2, 3);
        INDArray samples = LatentGrid.everyClassSamples(G, z);
        assertArrayEquals(new long[]{2 * K, 1, 28, 28}, samples.shape());
        assertEquals(G.generate(z.getRow(1, true), new int[]{2}), image(samples, K + 2));
        BufferedImage grid = LatentGrid.everyClass(G, 2, 3);
        assertEquals(side(K), grid.getWidth());
        assertEquals(side(2), grid.getHeight());
    }

    @Test
    void gridsHaveTheAskedDimensions() {
        BufferedImage corners = LatentGrid.corners(G, 1, 4, 5, 9);
        assertEquals(side(5), corners.getWidth());
        assertEquals(side(4), corners.getHeight());
        BufferedImage blend = LatentGrid.classBlend(G, 0, 2, 3, 6, 9);
        assertEquals(side(6), blend.getWidth());
        assertEquals(side(3), blend.getHeight());
        assertArrayEquals(new long[]{3 * 6, 1, 28, 28}, LatentGrid.classBlendSamples(G, 0, 2, 3, 6, 9).shape());
        BufferedImage walks = LatentGrid.lerpVsSlerp(G, 0, 7, 9);
        assertEquals(side(2), walks.getHeight());
        assertTrue(walks.getWidth() > side(7), "a label margin");
        BufferedImage truncation = LatentGrid.truncation(G, new double[]{1, 0.5, 0}, 9);
        assertEquals(side(3), truncation.getHeight());
    }

    @Test
    void walksAreClosedSlerpLoops() {
        INDArray keys = G.latent(3, 4);
        INDArray walk = LatentGrid.walk(keys, 5);
        assertArrayEquals(new long[]{15, 8}, walk.shape());
        assertTrue(keys.getRow(0).equalsWithEps(walk.getRow(0), 1e-5));
        assertTrue(keys.getRow(1).equalsWithEps(walk.getRow(5), 1e-5));
        assertTrue(keys.getRow(2).equalsWithEps(walk.getRow(10), 1e-5));
        assertMessage(() -> LatentGrid.walk(keys.getRow(0, true), 5), "keyframes must be latents [m, d] with m >= 2");
    }

    @Test
    void walkGifHasOneFramePerStepAndLoops() throws IOException {
        AnimatedGif gif = LatentGrid.walkGif(G, 2, 3, 5);
        assertEquals(6, gif.frames());
        assertEquals(K * 28 * 2 + (K + 1) * 2, gif.width(), "every class side by side at 2x");
        assertEquals(28 * 2 + 2 * 2, gif.height());
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif.bytes()))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(6, reader.getNumImages(true));
            assertEquals(gif.width(), reader.read(0).getWidth());
        }
    }

    @Test
    void badParametersAreNamed() {
        assertMessage(() -> LatentGrid.everyClass(G, 0, 1), "latents must be > 0");
        assertMessage(() -> LatentGrid.corners(G, K, 3, 3, 1), "label must be a class in [0, 3)");
        assertMessage(() -> LatentGrid.corners(G, LatentGrid.NO_LABEL, 3, 3, 1), "label must be a class");
        assertMessage(() -> LatentGrid.walkGif(G, 1, 3, 1), "keyframes must be >= 2");
        assertMessage(() -> LatentGrid.truncation(G, new double[0], 1), "psis must hold at least one");
        MlpGenerator plain = MlpGenerator.builder().outputSize(2).build();
        Generator u = Generator.of(plain, plain.create(1, new Adam(1e-3), DataType.FLOAT));
        assertMessage(() -> LatentGrid.everyClass(u, 2, 1), "generator must be conditional");
    }
}
