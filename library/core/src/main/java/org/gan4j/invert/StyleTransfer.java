package org.gan4j.invert;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.eval.JudgeClassifier;
import org.gan4j.nn.Generator;
import org.gan4j.style.StyleSpace;
import org.gan4j.viz.ImageGrid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Re-rendering inverted real images ({@link Projection}s):
 * <ul>
 *   <li>{@link #mix}: with a style-based generator, the coarse styles (layers before the crossover: pose, shape,
 *       kind of garment) of one image with the fine styles (later layers: texture, shading, small detail) and the
 *       noise maps of another — StyleGAN's style mixing, between real images;</li>
 *   <li>{@link #reclass}: with a conditional generator, one image's z under other classes — the same sample of the
 *       latent space, asked to be a pullover instead of a T-shirt.</li>
 * </ul>
 */
public final class StyleTransfer {
    private StyleTransfer() {
    }

    /**
     * Images with the coarse styles of {@code coarse}'s i-th image and the fine styles and noise of {@code fine}'s
     * i-th image.
     *
     * @param crossover the first layer that takes {@code fine}'s style, in [0, styleLayers]
     * @return {@code [n, channels, size, size]}
     * @throws IllegalArgumentException when a projection is not in the style space or their sizes differ
     */
    public static INDArray mix(StyleSpace space, Projection coarse, Projection fine, int crossover) {
        checkStyle("coarse", coarse);
        checkStyle("fine", fine);
        if (coarse.size() != fine.size()) {
            throw new IllegalArgumentException("coarse and fine must hold as many images: " + coarse.size() + " vs "
                    + fine.size());
        }
        INDArray[] maps = fine.noiseMaps();
        return space.synthesize(space.mix(coarse.latents(), fine.latents(), crossover), maps);
    }

    /**
     * The transfer grid: the originals of {@code fine} across the top, the originals of {@code coarse} down the left
     * side, and in row i, column j the image with i's coarse styles and j's fine styles. The top-left cell is black.
     *
     * @param crossover the first layer that takes the fine source's style
     */
    public static BufferedImage grid(StyleSpace space, Projection coarse, Projection fine, int crossover) {
        checkStyle("coarse", coarse);
        checkStyle("fine", fine);
        int rows = coarse.size();
        int columns = fine.size();
        INDArray a = coarse.targets();
        INDArray b = fine.targets();
        List<INDArray> cells = new ArrayList<>();
        cells.add(a.get(NDArrayIndex.interval(0, 1)).ulike().assign(-1));
        cells.add(b);
        INDArray[] fineMaps = fine.noiseMaps();
        INDArray fineLatents = fine.latents();
        for (int i = 0; i < rows; i++) {
            cells.add(a.get(NDArrayIndex.interval(i, i + 1)));
            INDArray repeated = coarse.latents().get(NDArrayIndex.interval(i, i + 1)).repeat(0, columns);
            cells.add(space.synthesize(space.mix(repeated, fineLatents, crossover), fineMaps));
        }
        return ImageGrid.builder().columns(columns + 1).scale(2).render(Nd4j.concat(0, cells.toArray(new INDArray[0])));
    }

    /**
     * Which source decides the judged class of a mix: {@link #mix} of the i-th images at {@code crossover}, counted
     * over the pairs whose originals the judge puts in different classes.
     */
    public static MixingReport mixingReport(StyleSpace space, Projection coarse, Projection fine, int crossover,
                                            JudgeClassifier judge) {
        if (judge == null) {
            throw new IllegalArgumentException("judge must not be null");
        }
        INDArray mixed = mix(space, coarse, fine, crossover);
        int[] a = judge.predict(org.gan4j.data.ImageDataset.of(coarse.targets(), "coarse sources"));
        int[] b = judge.predict(org.gan4j.data.ImageDataset.of(fine.targets(), "fine sources"));
        int[] m = judge.predict(org.gan4j.data.ImageDataset.of(mixed, "mixes"));
        int pairs = 0;
        int fromCoarse = 0;
        int fromFine = 0;
        for (int i = 0; i < m.length; i++) {
            if (a[i] != b[i]) {
                pairs++;
                fromCoarse += m[i] == a[i] ? 1 : 0;
                fromFine += m[i] == b[i] ? 1 : 0;
            }
        }
        return new MixingReport(crossover, pairs, fromCoarse, fromFine);
    }

    /**
     * How mixes of real images were judged (see {@link #mixingReport}).
     *
     * @param crossover  the first layer taken from the fine source
     * @param pairs      pairs whose originals the judge puts in different classes
     * @param fromCoarse mixes judged as the coarse source's class
     * @param fromFine   mixes judged as the fine source's class
     */
    public record MixingReport(int crossover, int pairs, int fromCoarse, int fromFine) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "real-image mixing at crossover %d, %d pairs with different "
                    + "classes: coarse source's class %d, fine source's class %d", crossover, pairs, fromCoarse,
                    fromFine);
        }
    }

    /**
     * The projection's latents rendered under class {@code label} (a conditional z projection).
     *
     * @return {@code [n, channels, height, width]}
     */
    public static INDArray reclass(Generator generator, Projection projection, int label) {
        checkReclass(generator, projection);
        int[] labels = new int[projection.size()];
        java.util.Arrays.fill(labels, label);
        return generator.generate(projection.latents(), labels);
    }

    /**
     * One row per projected image: the original, its reconstruction, then its latent under every class.
     */
    public static BufferedImage reclassGrid(Generator generator, Projection projection) {
        checkReclass(generator, projection);
        int k = generator.spec().numClasses();
        int n = projection.size();
        INDArray[] perClass = new INDArray[k];
        for (int c = 0; c < k; c++) {
            perClass[c] = reclass(generator, projection, c);
        }
        INDArray targets = projection.targets();
        INDArray reconstructions = projection.reconstructions();
        List<INDArray> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cells.add(targets.get(NDArrayIndex.interval(i, i + 1)));
            cells.add(reconstructions.get(NDArrayIndex.interval(i, i + 1)));
            for (int c = 0; c < k; c++) {
                cells.add(perClass[c].get(NDArrayIndex.interval(i, i + 1)));
            }
        }
        return ImageGrid.builder().columns(k + 2).scale(2).render(Nd4j.concat(0, cells.toArray(new INDArray[0])));
    }

    /**
     * How well re-classing works, measured by an independent judge: each image's latent is rendered under every
     * class other than its own.
     * <ul>
     *   <li><em>class accuracy</em>: the share of renderings the judge assigns to the class asked for;</li>
     *   <li><em>structure</em>: the Pearson correlation of a rendering's pixels with its own image's reconstruction,
     *       against the mean correlation with the reconstructions of the other images — re-classing that keeps the
     *       image's layout (where the garment is, how wide and dark) scores above the baseline; the share of
     *       renderings whose own correlation beats the baseline is reported too.</li>
     * </ul>
     */
    public static ReclassReport reclassReport(Generator generator, Projection projection, JudgeClassifier judge) {
        checkReclass(generator, projection);
        if (judge == null) {
            throw new IllegalArgumentException("judge must not be null");
        }
        int k = generator.spec().numClasses();
        int n = projection.size();
        int[] own = projection.labels();
        INDArray rec = projection.reconstructions().reshape(n, -1);
        INDArray recCentred = centredRows(rec);
        int asked = 0;
        int judgedAsAsked = 0;
        int beats = 0;
        double ownSum = 0;
        double othersSum = 0;
        for (int c = 0; c < k; c++) {
            INDArray images = reclass(generator, projection, c);
            int[] judged = judge.predict(org.gan4j.data.ImageDataset.of(images, "re-classed"));
            INDArray corr = centredRows(images.reshape(n, -1)).mmul(recCentred.transpose());   // [n, n]
            for (int i = 0; i < n; i++) {
                if (own[i] == c) {
                    continue;
                }
                asked++;
                if (judged[i] == c) {
                    judgedAsAsked++;
                }
                double self = corr.getDouble(i, i);
                double others = n > 1 ? (corr.getRow(i).sumNumber().doubleValue() - self) / (n - 1) : 0;
                ownSum += self;
                othersSum += others;
                if (self > others) {
                    beats++;
                }
            }
        }
        return new ReclassReport(asked, (double) judgedAsAsked / asked, ownSum / asked, othersSum / asked,
                (double) beats / asked);
    }

    /** Rows centred and scaled to unit length, so that a product of two is their Pearson correlation. */
    private static INDArray centredRows(INDArray rows) {
        INDArray c = rows.subColumnVector(rows.mean(true, 1));
        INDArray norms = c.norm2(true, 1).addi(1e-12);
        return c.diviColumnVector(norms);
    }

    private static void checkStyle(String name, Projection p) {
        if (p == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (p.space() == LatentSpace.Z) {
            throw new IllegalArgumentException(name + " is a z projection; style mixing needs projections into W or "
                    + "W+ of a style-based generator");
        }
    }

    private static void checkReclass(Generator generator, Projection projection) {
        if (generator == null || projection == null) {
            throw new IllegalArgumentException("generator and projection must not be null");
        }
        if (generator.spec().numClasses() == 0 || projection.space() != LatentSpace.Z || projection.labels() == null) {
            throw new IllegalArgumentException("re-classing needs a conditional generator and a z projection made "
                    + "under labels (Projector.project(targets, labels)); got " + projection.space() + " with "
                    + generator.spec().numClasses() + " classes");
        }
    }

    /**
     * How re-classing fared (see {@link #reclassReport}).
     *
     * @param renderings       renderings judged (images × other classes)
     * @param classAccuracy    share judged as the class asked for
     * @param ownCorrelation   mean pixel correlation of a rendering with its own image's reconstruction
     * @param otherCorrelation mean pixel correlation with the other images' reconstructions (the baseline)
     * @param structureKept    share of renderings closer to their own reconstruction than to the others on average
     */
    public record ReclassReport(int renderings, double classAccuracy, double ownCorrelation, double otherCorrelation,
                                double structureKept) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "re-classed %d renderings: judged as the class asked for "
                            + "%.1f %%; pixel correlation with their own image %.3f vs other images %.3f; structure "
                            + "kept in %.1f %%", renderings, 100 * classAccuracy, ownCorrelation, otherCorrelation,
                    100 * structureKept);
        }
    }
}
