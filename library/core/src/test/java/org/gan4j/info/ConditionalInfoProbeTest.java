package org.gan4j.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;
import org.gan4j.eval.JudgeClassifier;
import org.gan4j.nn.Generator;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.TrainingSet;
import org.gan4j.viz.ImageGrid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The InfoGAN measures and figures with a conditional generator (codes beside the label), on an untrained generator
 * of {@link GanConfig#quickConditionalInfoGan(int)}: sweep {@code s} renders class {@code s mod 10} — each measured
 * value equals, bit for bit, the attribute of the same batch built by hand with those labels, and most differ from
 * the same latents under other labels; the sweep figure has one row per class; the categorical-code agreement, which
 * a label would decide, is refused with a message.
 */
class ConditionalInfoProbeTest {
    private static final int SWEEPS = 12;
    private static final int POINTS = 3;
    private static GanConfig config;
    private static TrainingSet data;
    private static Generator generator;

    @BeforeAll
    static void untrained() {
        config = GanConfig.quickConditionalInfoGan(10);
        ImageDataset train = FashionMnist.embedded(Split.TRAIN);
        data = TrainingSet.labelled(train.features(), train.labels(), train.numClasses());
        generator = new GanTrainer(config).session(data).emaGenerator();
    }

    @Test
    void eachSweepRendersOneClassAlongTheSweep() {
        InfoCodes codes = config.info();
        InfoProbe.SweepReport report = InfoProbe.sweeps(generator, codes, 1, SWEEPS, POINTS, InfoProbe.INK, 3);
        // the same batch built by hand: row s·POINTS + p is sweep s at point p
        INDArray z = codes.latent(generator, SWEEPS, 3).repeat(0, POINTS);
        int column = (int) z.size(1) - 1;   // continuous code 1 is the last latent entry
        int[] own = new int[SWEEPS * POINTS];
        int[] other = new int[SWEEPS * POINTS];
        for (int r = 0; r < own.length; r++) {
            z.putScalar(r, column, InfoProbe.sweepValue(r % POINTS, POINTS, 1));
            own[r] = (r / POINTS) % 10;
            other[r] = (own[r] + 5) % 10;
        }
        INDArray ownImages = generator.generate(z, own);
        INDArray otherImages = generator.generate(z, other);
        int differing = 0;
        for (int r = 0; r < own.length; r++) {
            double measured = report.values()[r / POINTS][r % POINTS];
            assertEquals(InfoProbe.INK.applyAsDouble(ownImages.get(NDArrayIndex.point(r))), measured, 0.0,
                    "sweep " + r / POINTS + " point " + r % POINTS + " is class " + own[r] + ", bit for bit");
            differing += InfoProbe.INK.applyAsDouble(otherImages.get(NDArrayIndex.point(r))) != measured ? 1 : 0;
        }
        assertTrue(differing > own.length / 2, "another label gives another image: " + differing + " of "
                + own.length + " values differ");
    }

    @Test
    void theSweepFigureHasOneRowPerClass() {
        BufferedImage figure = InfoFigures.sweep(generator, config.info(), 0, 5, 1);
        BufferedImage tenRows = ImageGrid.builder().columns(5).scale(2).render(Nd4j.zeros(50, 1, 28, 28));
        assertEquals(tenRows.getWidth(), figure.getWidth());
        assertEquals(tenRows.getHeight(), figure.getHeight());
    }

    @Test
    void theCategoricalAgreementIsRefusedForAConditionalGenerator() {
        GanConfig withCategory = config.toBuilder().info(new InfoCodes(4, 2, 1)).build();
        Generator g = new GanTrainer(withCategory).session(data).emaGenerator();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InfoProbe.categories(g, withCategory.info(), JudgeClassifier.fashionMnist(), 5, 1));
        assertTrue(e.getMessage().contains("follows its label, not the categorical code"), e.getMessage());
    }
}
