package org.gan4j.style;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.gan4j.viz.ImageGrid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The two pictures that show what a style-based generator's parts do, drawn with {@link ImageGrid} (scale 2).
 *
 * <pre>{@code
 * StyleFigures.mixingGrid(space, 1, 5, 2, 6, 2)     // 5 coarse sources (down the side) × 6 fine sources (across)
 * StyleFigures.noiseVariation(space, 7, 4, 8, 3)    // 4 styles, each under 8 noise draws, plus the spread per pixel
 * }</pre>
 */
public final class StyleFigures {
    private StyleFigures() {
    }

    /**
     * The style-mixing grid of the StyleGAN paper (its figure 3): sources A down the left side, sources B across the
     * top, and in row i, column j the image whose coarse styles (layers before {@code crossover}) come from A_i and
     * whose fine styles come from B_j. A low crossover keeps only A's pose and shape; a high one keeps more of A and
     * takes only B's finest detail. The top-left cell is left black. Fixed noise everywhere.
     *
     * @param seedA     latent seed of the coarse sources
     * @param rows      number of coarse sources, &gt; 0
     * @param seedB     latent seed of the fine sources
     * @param columns   number of fine sources, &gt; 0
     * @param crossover the first layer that takes B's style, in [0, styleLayers]
     */
    public static BufferedImage mixingGrid(StyleSpace space, long seedA, int rows, long seedB, int columns,
                                           int crossover) {
        return ImageGrid.builder().columns(columns + 1).scale(2)
                .render(mixingImages(space, seedA, rows, seedB, columns, crossover));
    }

    /**
     * The images of {@link #mixingGrid} in row-major order, {@code [(rows + 1)·(columns + 1), c, h, w]}: the first
     * row is the black corner then B's sources, every further row A_i then its mixes.
     */
    public static INDArray mixingImages(StyleSpace space, long seedA, int rows, long seedB, int columns,
                                        int crossover) {
        requirePositive("rows", rows);
        requirePositive("columns", columns);
        INDArray wa = styles(space, seedA, rows);
        INDArray wb = styles(space, seedB, columns);
        INDArray a = space.synthesize(wa, Noise.fixed());
        INDArray b = space.synthesize(wb, Noise.fixed());
        List<INDArray> cells = new ArrayList<>();
        cells.add(a.get(NDArrayIndex.interval(0, 1)).ulike().assign(-1));
        for (int j = 0; j < columns; j++) {
            cells.add(b.get(NDArrayIndex.interval(j, j + 1)));
        }
        for (int i = 0; i < rows; i++) {
            cells.add(a.get(NDArrayIndex.interval(i, i + 1)));
            INDArray coarse = wa.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all()).repeat(0, columns);
            cells.add(space.synthesize(space.mix(coarse, wb, crossover), Noise.fixed()));
        }
        return Nd4j.concat(0, cells.toArray(new INDArray[0]));
    }

    /**
     * Stochastic variation: one row per style (latent seed {@code seed}), each showing that style under
     * {@code draws} independent noise draws, then the per-pixel standard deviation over the draws (white = most
     * variation, scaled per row). The style fixes what the image is; noise moves only fine detail.
     *
     * @param seed      latent seed of the styles
     * @param styles    number of styles (rows), &gt; 0
     * @param draws     noise draws per style, &gt; 1
     * @param noiseSeed seed of the noise draws
     */
    public static BufferedImage noiseVariation(StyleSpace space, long seed, int styles, int draws, long noiseSeed) {
        return ImageGrid.builder().columns(draws + 1).scale(2)
                .render(noiseVariationImages(space, seed, styles, draws, noiseSeed));
    }

    /** The images of {@link #noiseVariation} in row-major order, {@code [styles·(draws + 1), c, h, w]}. */
    public static INDArray noiseVariationImages(StyleSpace space, long seed, int styles, int draws, long noiseSeed) {
        requirePositive("styles", styles);
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be >= 2 (a spread needs two draws), got " + draws);
        }
        INDArray w = styles(space, seed, styles);
        List<INDArray> cells = new ArrayList<>();
        for (int i = 0; i < styles; i++) {
            INDArray same = w.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all()).repeat(0, draws);
            INDArray images = space.synthesize(same, Noise.random(noiseSeed + i));
            cells.add(images);
            INDArray std = images.std(0).reshape(1, images.size(1), images.size(2), images.size(3));
            double max = std.maxNumber().doubleValue();
            cells.add(max > 0 ? std.div(max).muli(2).subi(1) : std.assign(-1));
        }
        return Nd4j.concat(0, cells.toArray(new INDArray[0]));
    }

    /** The per-layer styles of {@code n} latents from {@code seed}; a conditional generator cycles the classes. */
    private static INDArray styles(StyleSpace space, long seed, int n) {
        INDArray z = space.latent(n, seed);
        int classes = space.spec().numClasses();
        if (classes == 0) {
            return space.mapping(z);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
        }
        return space.mapping(z, labels);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
