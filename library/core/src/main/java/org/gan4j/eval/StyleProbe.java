package org.gan4j.eval;

import java.util.Arrays;
import java.util.Locale;
import org.gan4j.data.ImageDataset;
import org.gan4j.style.Noise;
import org.gan4j.style.StyleSpace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What an independent judge sees of a style-based generator's parts: whether noise changes only detail (the judged
 * class survives fresh noise), and which source decides the class of a style-mixed image.
 *
 * <pre>{@code
 * StyleProbe.noise(judge, space, 100, 8, 77)      // NoiseStability[kept 96 of 100, mean per-pixel std 0.06]
 * StyleProbe.mixing(judge, space, 300, 2, 11)     // MixingAgreement[coarse 71.2 %, fine 12.3 % of 240 pairs]
 * }</pre>
 */
public final class StyleProbe {
    private StyleProbe() {
    }

    /**
     * How often one style keeps its judged class under fresh noise.
     *
     * @param styles        styles drawn
     * @param draws         noise draws per style
     * @param kept          styles whose draws were all judged the same class
     * @param meanPixelStd  the per-pixel standard deviation over the draws, averaged over pixels and styles (pixels in
     *                      [-1, 1]): how much the noise moves the image
     */
    public record NoiseStability(int styles, int draws, int kept, double meanPixelStd) {
        /** {@code kept / styles}. */
        public double keptShare() {
            return (double) kept / styles;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "class kept under noise by %d of %d styles (%d draws each); mean "
                    + "per-pixel std %.4f", kept, styles, draws, meanPixelStd);
        }
    }

    /**
     * Which source decides the judged class of a mixed image, over pairs whose sources are judged different classes.
     *
     * @param pairs       pairs drawn
     * @param crossover   the first layer that took the fine source's style
     * @param differing   pairs whose two sources were judged different classes
     * @param fromCoarse  of those, mixes judged the coarse source's class
     * @param fromFine    of those, mixes judged the fine source's class
     */
    public record MixingAgreement(int pairs, int crossover, int differing, int fromCoarse, int fromFine) {
        /** Share of the differing pairs whose mix has the coarse source's class. */
        public double coarseShare() {
            return differing == 0 ? 0 : (double) fromCoarse / differing;
        }

        /** Share of the differing pairs whose mix has the fine source's class. */
        public double fineShare() {
            return differing == 0 ? 0 : (double) fromFine / differing;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "crossover at layer %d, %d pairs with different classes: coarse source "
                    + "decides %.1f %%, fine source %.1f %%", crossover, differing, 100 * coarseShare(),
                    100 * fineShare());
        }
    }

    /**
     * Draws {@code styles} styles (latent seed {@code seed}), synthesises each under {@code draws} fresh noise draws
     * and judges every image.
     */
    public static NoiseStability noise(JudgeClassifier judge, StyleSpace space, int styles, int draws, long seed) {
        require(styles > 0 && draws > 1, "styles must be > 0 and draws > 1, got " + styles + " and " + draws);
        INDArray w = space.sampleStyles(styles, seed);
        int kept = 0;
        double spread = 0;
        for (int i = 0; i < styles; i++) {
            INDArray same = w.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all()).repeat(0, draws);
            INDArray images = space.synthesize(same, Noise.random(seed * 1_000_003L + i));
            int[] c = judge.predict(ImageDataset.of(images, "noise draws of one style"));
            if (Arrays.stream(c).allMatch(x -> x == c[0])) {
                kept++;
            }
            spread += images.std(0).meanNumber().doubleValue() / styles;
        }
        return new NoiseStability(styles, draws, kept, spread);
    }

    /**
     * Draws {@code pairs} pairs of styles (latent seeds {@code seed} and {@code seed + 1}), mixes each pair at
     * {@code crossover} (coarse layers from the first) and judges sources and mixes, with fixed noise.
     */
    public static MixingAgreement mixing(JudgeClassifier judge, StyleSpace space, int pairs, int crossover,
                                         long seed) {
        require(pairs > 0, "pairs must be > 0, got " + pairs);
        INDArray a = space.sampleStyles(pairs, seed);
        INDArray b = space.sampleStyles(pairs, seed + 1);
        int[] classA = judge.predict(ImageDataset.of(space.synthesize(a, Noise.fixed()), "coarse sources"));
        int[] classB = judge.predict(ImageDataset.of(space.synthesize(b, Noise.fixed()), "fine sources"));
        int[] mixed = judge.predict(ImageDataset.of(space.synthesize(space.mix(a, b, crossover), Noise.fixed()),
                "mixes"));
        int differing = 0;
        int fromCoarse = 0;
        int fromFine = 0;
        for (int i = 0; i < pairs; i++) {
            if (classA[i] != classB[i]) {
                differing++;
                fromCoarse += mixed[i] == classA[i] ? 1 : 0;
                fromFine += mixed[i] == classB[i] ? 1 : 0;
            }
        }
        return new MixingAgreement(pairs, crossover, differing, fromCoarse, fromFine);
    }


    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
