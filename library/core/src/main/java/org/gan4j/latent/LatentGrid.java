package org.gan4j.latent;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gan4j.nn.Conditioning;
import org.gan4j.nn.Generator;
import org.gan4j.viz.AnimatedGif;
import org.gan4j.viz.ImageGrid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pictures of a trained image generator's latent space: the same latent under every class, interpolation walks,
 * class blends, four-corner grids, truncation rows, and an animated walk. Each method draws its latents from a
 * seed (or takes them), generates in inference mode and lays the images out with {@link ImageGrid} (scale 2).
 * The {@code …Samples} methods return the images themselves, {@code [n, c, h, w]} in row-major grid order.
 *
 * <p>{@code label} arguments name the class to draw for a conditional generator; pass {@link #NO_LABEL} for an
 * unconditional one.
 *
 * <pre>{@code
 * LatentGrid.everyClass(generator, 6, 42)                // 6 latents (rows) × every class (columns)
 * LatentGrid.lerpVsSlerp(generator, 0, 9, 42)            // one pair of latents, two rows: lerp, slerp
 * LatentGrid.classBlend(generator, 7, 9, 4, 8, 42)       // Sneaker → Ankle boot, 4 latents × 8 blends
 * LatentGrid.corners(generator, 8, 6, 6, 42)             // bilinear grid between 4 corner latents
 * LatentGrid.truncation(generator, new double[]{1, 0.7, 0.4, 0}, 42)
 * LatentGrid.walkGif(generator, 4, 12, 42)               // AnimatedGif, every class walking together
 * }</pre>
 */
public final class LatentGrid {

    /** The label argument for an unconditional generator. */
    public static final int NO_LABEL = -1;

    /** Delay per frame of {@link #walkGif(Generator, int, int, long)}: 80 ms. */
    public static final int WALK_DELAY_MILLIS = 80;

    private static final int SCALE = 2;

    private LatentGrid() {
    }

    /**
     * The same latents under every class: {@code latents} latents from {@code seed}, each generated with every
     * class.
     *
     * @param generator a conditional image generator
     * @param latents   rows, &gt; 0
     * @param seed      latent seed
     * @return rows = latents, columns = classes 0, 1, …
     */
    public static BufferedImage everyClass(Generator generator, int latents, long seed) {
        return everyClass(generator, generator.latent(positive("latents", latents), seed));
    }

    /**
     * @param generator a conditional image generator
     * @param z         latents {@code [n, latentSize]}, one row of the grid each
     * @return rows = latents, columns = classes 0, 1, …
     */
    public static BufferedImage everyClass(Generator generator, INDArray z) {
        int k = conditional(generator);
        return ImageGrid.builder().columns(k).scale(SCALE).limit(Integer.MAX_VALUE).render(everyClassSamples(generator, z));
    }

    /**
     * @param generator a conditional generator
     * @param z         latents {@code [n, latentSize]}
     * @return {@code [n·numClasses, …]}: latent {@code i} under class {@code j} at index {@code i·numClasses + j}
     */
    public static INDArray everyClassSamples(Generator generator, INDArray z) {
        int k = conditional(generator);
        int n = (int) z.size(0);
        INDArray repeated = Nd4j.create(z.dataType(), (long) n * k, z.size(1));
        int[] labels = new int[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                repeated.putRow((long) i * k + j, z.getRow(i));
                labels[i * k + j] = j;
            }
        }
        return generator.generate(repeated, labels);
    }

    /**
     * Two latents from {@code seed} and the path between them, once straight (lerp, top row) and once along the
     * great circle (slerp, bottom row).
     *
     * @param generator an image generator
     * @param label     the class to draw, or {@link #NO_LABEL}
     * @param steps     images per row, at least 2
     * @param seed      latent seed
     * @return a two-row grid labelled "lerp" and "slerp"
     */
    public static BufferedImage lerpVsSlerp(Generator generator, int label, int steps, long seed) {
        INDArray ends = generator.latent(2, seed);
        INDArray lerp = Interpolation.LERP.path(ends.getRow(0), ends.getRow(1), steps);
        INDArray slerp = Interpolation.SLERP.path(ends.getRow(0), ends.getRow(1), steps);
        INDArray images = generate(generator, Nd4j.vstack(lerp, slerp), label);
        return ImageGrid.builder().columns(steps).scale(SCALE).limit(Integer.MAX_VALUE).rowLabels("lerp", "slerp")
                .render(images);
    }

    /**
     * Interpolation between two classes' embeddings: each row keeps one latent and blends the condition from
     * {@code onehot(from)} to {@code onehot(to)} ({@link ClassConditions#path(int, int, int, int)}).
     *
     * @param generator a conditional image generator
     * @param from      the class of the first column
     * @param to        the class of the last column
     * @param latents   rows, &gt; 0
     * @param steps     columns, at least 2
     * @param seed      latent seed
     * @return rows = latents, columns = blends
     */
    public static BufferedImage classBlend(Generator generator, int from, int to, int latents, int steps, long seed) {
        return ImageGrid.builder().columns(steps).scale(SCALE).limit(Integer.MAX_VALUE)
                .render(classBlendSamples(generator, from, to, latents, steps, seed));
    }

    /**
     * @return {@code [latents·steps, …]}: latent {@code i} at blend {@code j/(steps-1)} at index {@code i·steps + j}
     * @see #classBlend(Generator, int, int, int, int, long)
     */
    public static INDArray classBlendSamples(Generator generator, int from, int to, int latents, int steps,
            long seed) {
        int k = conditional(generator);
        INDArray z = generator.latent(positive("latents", latents), seed);
        INDArray blends = ClassConditions.path(from, to, steps, k);
        INDArray zs = Nd4j.create(z.dataType(), (long) latents * steps, z.size(1));
        INDArray cs = Nd4j.create(blends.dataType(), (long) latents * steps, k);
        for (int i = 0; i < latents; i++) {
            for (int j = 0; j < steps; j++) {
                zs.putRow((long) i * steps + j, z.getRow(i));
                cs.putRow((long) i * steps + j, blends.getRow(j));
            }
        }
        return generator.generateConditioned(zs, cs);
    }

    /**
     * A bilinear grid between four corner latents drawn from {@code seed}
     * ({@link Interpolation#grid(INDArray, INDArray, INDArray, INDArray, int, int)} with lerp).
     *
     * @param generator an image generator
     * @param label     the class to draw, or {@link #NO_LABEL}
     * @param rows      rows, at least 2
     * @param columns   columns, at least 2
     * @param seed      latent seed of the four corners (top left, top right, bottom left, bottom right)
     * @return the grid; its corners are the four corner latents' images
     */
    public static BufferedImage corners(Generator generator, int label, int rows, int columns, long seed) {
        return corners(generator, label, rows, columns, seed, Interpolation.LERP);
    }

    /**
     * @param method how rows and columns interpolate ({@link Interpolation#LERP} = bilinear)
     * @see #corners(Generator, int, int, int, long)
     */
    public static BufferedImage corners(Generator generator, int label, int rows, int columns, long seed,
            Interpolation method) {
        INDArray c = generator.latent(4, seed);
        INDArray z = method.grid(c.getRow(0), c.getRow(1), c.getRow(2), c.getRow(3), rows, columns);
        return ImageGrid.builder().columns(columns).scale(SCALE).limit(Integer.MAX_VALUE)
                .render(generate(generator, z, label));
    }

    /**
     * The truncation trick ({@link Truncation}): the same latents shrunk toward the mean latent 0 by each ψ, one row
     * per ψ. A conditional generator draws class {@code j % numClasses} in column {@code j}.
     *
     * @param generator an image generator
     * @param psis      ψ values, one row each (1 = no truncation, 0 = the mean latent)
     * @param seed      latent seed
     * @return rows labelled "ψ=…", 10 columns
     */
    public static BufferedImage truncation(Generator generator, double[] psis, long seed) {
        if (psis == null || psis.length == 0) {
            throw new IllegalArgumentException("psis must hold at least one ψ, got "
                    + (psis == null ? "null" : "none"));
        }
        int columns = 10;
        INDArray z = generator.latent(columns, seed);
        int[] labels = cyclingLabels(generator, columns);
        List<INDArray> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (double psi : psis) {
            rows.add(generator.generate(Truncation.psi(psi).apply(z), labels));
            names.add(String.format("ψ=%.2f", psi));
        }
        return ImageGrid.builder().columns(columns).scale(SCALE).limit(Integer.MAX_VALUE).rowLabels(names)
                .render(Nd4j.concat(0, rows.toArray(INDArray[]::new)));
    }

    /**
     * An animated walk through latent space that returns to its start: {@code keyframes} latents from {@code seed},
     * slerp from each to the next (the last back to the first), {@code stepsBetween} frames per leg. A frame shows
     * the current latent under every class (a conditional generator) or its one image.
     *
     * @param generator    an image generator
     * @param keyframes    latents visited, at least 2
     * @param stepsBetween frames per leg, at least 1
     * @param seed         latent seed
     * @return a looping GIF of {@code keyframes·stepsBetween} frames, {@value #WALK_DELAY_MILLIS} ms each
     */
    public static AnimatedGif walkGif(Generator generator, int keyframes, int stepsBetween, long seed) {
        if (keyframes < 2) {
            throw new IllegalArgumentException("keyframes must be >= 2 (a walk visits at least two latents), got "
                    + keyframes);
        }
        positive("stepsBetween", stepsBetween);
        return walkGif(generator, walk(generator.latent(keyframes, seed), stepsBetween), WALK_DELAY_MILLIS);
    }

    /**
     * The latents of a closed slerp walk through keyframes.
     *
     * @param keyframes    {@code [m, d]}, m &ge; 2
     * @param stepsBetween frames per leg, at least 1
     * @return {@code [m·stepsBetween, d]}: leg {@code i} goes from keyframe {@code i} toward {@code i+1 (mod m)},
     *         without its end (the next leg starts there)
     */
    public static INDArray walk(INDArray keyframes, int stepsBetween) {
        positive("stepsBetween", stepsBetween);
        if (keyframes.rank() != 2 || keyframes.size(0) < 2) {
            throw new IllegalArgumentException("keyframes must be latents [m, d] with m >= 2, got "
                    + Arrays.toString(keyframes.shape()));
        }
        int m = (int) keyframes.size(0);
        List<INDArray> legs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            INDArray leg = Interpolation.SLERP.path(keyframes.getRow(i), keyframes.getRow((i + 1) % m),
                    stepsBetween + 1);
            legs.add(leg.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, stepsBetween),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()));
        }
        return Nd4j.concat(0, legs.toArray(INDArray[]::new));
    }

    /**
     * A GIF with one frame per latent of {@code path}: every class side by side (conditional generator) or the one
     * image, at 2× scale.
     *
     * @param generator   an image generator
     * @param path        latents {@code [frames, latentSize]}
     * @param delayMillis time per frame
     * @return the GIF
     */
    public static AnimatedGif walkGif(Generator generator, INDArray path, int delayMillis) {
        List<BufferedImage> frames = new ArrayList<>();
        ImageGrid.Builder grid = ImageGrid.builder().scale(SCALE).limit(Integer.MAX_VALUE);
        int k = generator.spec().numClasses();
        for (int f = 0; f < path.size(0); f++) {
            INDArray z = path.getRow(f, true);
            INDArray images = k > 0 ? everyClassSamples(generator, z) : generator.generate(z, null);
            frames.add(grid.columns(Math.max(1, k)).render(images));
        }
        return AnimatedGif.of(frames, delayMillis);
    }

    private static INDArray generate(Generator generator, INDArray z, int label) {
        int k = generator.spec().numClasses();
        if (k == 0) {
            if (label != NO_LABEL) {
                throw new IllegalArgumentException("label must be LatentGrid.NO_LABEL for an unconditional generator, "
                        + "got " + label);
            }
            return generator.generate(z, null);
        }
        ClassConditions.checkLabel("label", label, k);
        int[] labels = new int[(int) z.size(0)];
        Arrays.fill(labels, label);
        return generator.generate(z, labels);
    }

    private static int[] cyclingLabels(Generator generator, int n) {
        return Conditioning.cyclingLabels(n, generator.spec().numClasses());
    }

    private static int conditional(Generator generator) {
        int k = generator.spec().numClasses();
        if (k == 0) {
            throw new IllegalArgumentException("generator must be conditional (these pictures vary its class), got "
                    + "one with numClasses = 0");
        }
        return k;
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }
}
