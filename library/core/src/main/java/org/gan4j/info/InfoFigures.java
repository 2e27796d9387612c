package org.gan4j.info;

import java.awt.image.BufferedImage;
import java.util.Collections;
import org.gan4j.nn.Generator;
import org.gan4j.viz.ImageGrid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The pictures of an InfoGAN's codes, drawn with {@link ImageGrid} (scale 2). */
public final class InfoFigures {
    private InfoFigures() {
    }

    /**
     * One row per value of the categorical code, one column per latent noise (the same noise and continuous codes
     * down each column): what changes along a column is what the categorical code controls. A conditional
     * generator's column {@code j} renders class {@code j mod numClasses}.
     *
     * @param columns latents drawn from {@code seed}
     */
    public static BufferedImage categories(Generator generator, InfoCodes codes, int columns, long seed) {
        if (codes.categories() == 0) {
            throw new IllegalArgumentException("these codes have no categorical code");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int k = codes.categories();
        INDArray base = codes.latent(generator, columns, seed);
        INDArray z = Nd4j.concat(0, Collections.nCopies(k, base).toArray(new INDArray[0])).dup();
        int n = k * columns;
        int[] category = new int[n];
        double[][] values = new double[n][codes.continuous()];
        INDArray c = codes.codesOf(base);
        for (int i = 0; i < n; i++) {
            category[i] = i / columns;
            for (int j = 0; j < codes.continuous(); j++) {
                values[i][j] = c.getDouble(i % columns, codes.categories() + j);
            }
        }
        codes.set(z, category, values);
        return ImageGrid.builder().columns(columns).scale(2)
                .render(generator.generate(z, InfoProbe.labels(generator, n, i -> i % columns)));
    }

    /**
     * Continuous code {@code code} swept from −2 to 2 across {@code points} columns (beyond the training range
     * [−1, 1], as the InfoGAN paper's figures do), the other continuous codes at 0;
     * one row per value of the categorical code, each with its own latent noise, fixed along the row. Without a
     * categorical code: one row per class of a conditional generator (row {@code r} renders class {@code r}), 8 rows
     * for an unconditional one; a conditional generator with a categorical code renders row {@code r} as class
     * {@code r mod numClasses}.
     */
    public static BufferedImage sweep(Generator generator, InfoCodes codes, int code, int points, long seed) {
        if (code < 0 || code >= codes.continuous()) {
            throw new IllegalArgumentException("code must be in [0, " + codes.continuous() + "), got " + code);
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
        int classes = generator.spec().numClasses();
        int rows = codes.categories() > 0 ? codes.categories() : classes > 0 ? classes : 8;
        INDArray z = codes.latent(generator, rows, seed).repeat(0, points);   // row r's latent, points times
        int n = rows * points;
        int[] category = new int[n];
        double[][] values = new double[n][codes.continuous()];
        for (int i = 0; i < n; i++) {
            category[i] = codes.categories() == 0 ? 0 : i / points;
            values[i][code] = InfoProbe.sweepValue(i % points, points, 2);
        }
        codes.set(z, category, values);
        return ImageGrid.builder().columns(points).scale(2)
                .render(generator.generate(z, InfoProbe.labels(generator, n, i -> i / points)));
    }
}
