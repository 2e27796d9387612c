package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gan4j.nn.Generator;
import org.gan4j.nn.LabelConditioning;
import org.gan4j.nn.MlpDiscriminator;
import org.gan4j.synth.GaussianRing;
import org.gan4j.synth.RingMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GANs learn the ring of 8 Gaussians (radius 2, σ = 0.05) on CPU with a fixed seed: the unconditional MLP GAN
 * covers the modes with high-quality samples, the conditional one generates from the requested mode.
 */
@ExtendWith(SingleNd4jThread.class)
class RingLearningTest {
    private static final GaussianRing RING = new GaussianRing(8, 2.0, 0.05);

    @Test
    void mlpGanCoversTheRingWithHighQualitySamples() {
        GanConfig config = GanConfig.mlp(2).toBuilder().seed(7).build();
        long t0 = System.nanoTime();
        GanResult result = new GanTrainer(config).train(RING.sample(8192, 1));
        double seconds = (System.nanoTime() - t0) / 1e9;
        RingMetrics ema = RING.evaluate(result.emaGenerator().sample(2000, 123));
        RingMetrics raw = RING.evaluate(result.generator().sample(2000, 123));
        System.out.printf("ring (%d steps, %.1f s): EMA %s%n    raw %s%n", config.steps(), seconds, ema, raw);
        assertEquals(1500, result.steps());
        assertTrue(ema.modesCovered() >= 7, "modes covered: " + ema);
        assertTrue(ema.highQualityFraction() >= 0.8, "high quality: " + ema);
    }

    /** WGAN-GP's MLP preset learns the ring too (a critic without batch norm, five critic updates per G step). */
    @Test
    void wassersteinGanWithGradientPenaltyCoversTheRing() {
        GanConfig config = GanConfig.mlpWganGp(2).toBuilder().steps(600).seed(7).build();
        long t0 = System.nanoTime();
        GanResult result = new GanTrainer(config).train(RING.sample(8192, 1));
        RingMetrics ema = RING.evaluate(result.emaGenerator().sample(2000, 123));
        System.out.printf("ring, WGAN-GP (%d steps, %.1f s): EMA %s%n", config.steps(),
                (System.nanoTime() - t0) / 1e9, ema);
        assertTrue(ema.modesCovered() >= 7, "modes covered: " + ema);
        // measured 34 % within 3σ after 600 steps; the paper's image settings (penalty 10, β1 0) reached 1 %
        assertTrue(ema.highQualityFraction() >= 0.25, "high quality: " + ema);
    }

    /** Negative control: the MLP preset before training fails the bars of the tests above. */
    @Test
    void anUntrainedGeneratorFailsTheRingBars() {
        GanConfig config = GanConfig.mlp(2).toBuilder().seed(7).build();
        TrainingSession untrained = new GanTrainer(config).session(RING.sample(8192, 1));
        RingMetrics ema = RING.evaluate(untrained.emaGenerator().sample(2000, 123));
        System.out.printf("ring, untrained: %s%n", ema);
        assertTrue(ema.modesCovered() < 7 || ema.highQualityFraction() < 0.25, "untrained must not pass: " + ema);
    }

    /**
     * The benchmark ring (σ = 0.02, Metz et al. 2017) needs about twice as many steps: ~60 s on an idle 2-core
     * machine, so it runs only with {@code -Dgan4j.slowTests=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "gan4j.slowTests", matches = "true")
    void mlpGanCoversTheStandardRing() {
        GaussianRing standard = GaussianRing.standard();
        GanConfig config = GanConfig.mlp(2).toBuilder().steps(3000).seed(7).build();
        long t0 = System.nanoTime();
        GanResult result = new GanTrainer(config).train(standard.sample(8192, 1));
        RingMetrics ema = standard.evaluate(result.emaGenerator().sample(2000, 123));
        System.out.printf("standard ring (%d steps, %.1f s): EMA %s%n", config.steps(),
                (System.nanoTime() - t0) / 1e9, ema);
        assertTrue(ema.modesCovered() >= 7, "modes covered: " + ema);
        assertTrue(ema.highQualityFraction() >= 0.8, "high quality: " + ema);
    }

    @Test
    void conditionalMlpGanGeneratesTheRequestedMode() {
        assertRequestedModes(GanConfig.conditionalMlp(2, 8).toBuilder().steps(600).seed(7).build(), "concatenation");
    }

    /** The same with a projection discriminator (it learns the conditioning more slowly here than concatenation). */
    @Test
    void projectionDiscriminatorGeneratesTheRequestedMode() {
        GanConfig concat = GanConfig.conditionalMlp(2, 8);
        MlpDiscriminator d = (MlpDiscriminator) concat.discriminator();
        GanConfig config = concat.toBuilder()
                .discriminator(MlpDiscriminator.builder().numClasses(8).hiddenWidths(d.hiddenWidths()
                        .toArray(Integer[]::new)).conditioning(LabelConditioning.PROJECTION).build())
                .steps(900).seed(7).build(); // measured: 88.1 % of requested modes after 600 steps, 94.3 % after 900
        assertRequestedModes(config, "projection");
    }

    private static void assertRequestedModes(GanConfig config, String what) {
        long t0 = System.nanoTime();
        GanResult result = new GanTrainer(config).train(RING.sample(8192, 1));
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder perMode = new StringBuilder();
        double accuracy = requestedModeHitRate(result.emaGenerator(), perMode);
        System.out.printf("conditional ring, %s (%d steps, %.1f s): requested mode hit %.1f%% (per mode%s)%n",
                what, config.steps(), seconds, 100 * accuracy, perMode);
        assertTrue(accuracy >= 0.9, what + ": requested mode hit rate " + accuracy + " per mode" + perMode);
    }

    /** Negative control: the conditional preset before training fails the requested-mode bar. */
    @Test
    void anUntrainedConditionalGeneratorFailsTheRequestedModeBar() {
        GanConfig config = GanConfig.conditionalMlp(2, 8).toBuilder().seed(7).build();
        StringBuilder perMode = new StringBuilder();
        double accuracy = requestedModeHitRate(
                new GanTrainer(config).session(RING.sample(8192, 1)).emaGenerator(), perMode);
        System.out.printf("conditional ring, untrained: requested mode hit %.1f%%%n", 100 * accuracy);
        assertTrue(accuracy < 0.9, "untrained must not pass: " + accuracy + " per mode" + perMode);
    }

    private static double requestedModeHitRate(Generator g, StringBuilder perMode) {
        double accuracy = 0;
        for (int k = 0; k < 8; k++) {
            int[] requested = new int[250];
            java.util.Arrays.fill(requested, k);
            double a = RING.labelAccuracy(g.sample(k, 250, 100 + k), requested);
            perMode.append(String.format(" %.2f", a));
            accuracy += a / 8;
        }
        return accuracy;
    }
}
