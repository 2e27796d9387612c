package org.gan4j.latent;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.gan4j.info.InfoCodes;
import org.gan4j.nn.Generator;
import org.gan4j.nn.StyleGenerator;
import org.gan4j.random.RandomStream;
import org.gan4j.style.Noise;
import org.gan4j.style.StyleSpace;
import org.gan4j.viz.ImageGrid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One grid of a trained image generator's samples under every knob its latent space offers, for an interactive
 * explorer ({@code org.gan4j.kernel.explore.Explorer} puts a slider on each): the seed of the latents, a position
 * on the slerp path to a second set of latents, moves along a few fixed random directions, the truncation ψ, a
 * blend between two classes (conditional generators), the crossover layer of style mixing (style-based generators)
 * and the InfoGAN codes (with {@link #withInfo}).
 *
 * <pre>{@code
 * LatentExplorer explorer = LatentExplorer.of(generator);
 * BufferedImage grid = explorer.render(explorer.defaults().withPsi(0.7).withSeed(3));
 * }</pre>
 *
 * <p>How each knob acts: latents {@code z = slerp(z_A, z_B, t) + Σ_j a_j·d_j} for unit directions {@code d_j} drawn
 * once; for a z generator ψ scales z toward the mean latent 0 and a class blend feeds
 * {@code (1-b)·onehot(A) + b·onehot(B)}; for a style generator ψ is the truncation trick in w, the blend mixes the
 * two classes' w linearly, and layers from the crossover on take their style from a third set of latents. InfoGAN
 * codes overwrite the latents' last columns.
 */
public final class LatentExplorer {

    /** Number of fixed random directions {@link View#directions()} moves along. */
    public static final int DIRECTIONS = 3;

    private static final long SECOND_SEED_OFFSET = 7_919;
    private static final long MIX_SEED_OFFSET = 104_729;
    private static final long DIRECTION_SEED = 20_261_130;

    private final Generator generator;
    private final InfoCodes info;
    private final int samples;
    private final int columns;
    private final INDArray directionVectors;

    private LatentExplorer(Generator generator, InfoCodes info, int samples, int columns) {
        this.generator = generator;
        this.info = info;
        this.samples = samples;
        this.columns = columns;
        int d = generator.spec().latentSize();
        INDArray dirs = RandomStream.seeded(DIRECTION_SEED).gaussian(DataType.DOUBLE, DIRECTIONS, d);
        for (int j = 0; j < DIRECTIONS; j++) {
            INDArray row = dirs.getRow(j);
            row.divi(row.norm2Number());
        }
        this.directionVectors = dirs;
    }

    /**
     * @param generator an image generator (DCGAN, conditional, style-based)
     * @return an explorer of 32 samples in 8 columns
     */
    public static LatentExplorer of(Generator generator) {
        if (generator == null) {
            throw new IllegalArgumentException("generator must not be null");
        }
        if (generator.spec().sampleShape().length != 3) {
            throw new IllegalArgumentException("LatentExplorer needs an image generator, got samples of shape "
                    + Arrays.toString(generator.spec().sampleShape()));
        }
        return new LatentExplorer(generator, null, 32, 8);
    }

    /**
     * @param codes the InfoGAN codes the generator was trained with ({@code GanConfig.info()})
     * @return an explorer that also sets the codes
     */
    public LatentExplorer withInfo(InfoCodes codes) {
        if (codes != null && generator.spec().latentSize() <= codes.width()) {
            throw new IllegalArgumentException("the generator's latent size " + generator.spec().latentSize()
                    + " cannot hold InfoGAN codes of width " + codes.width());
        }
        return new LatentExplorer(generator, codes, samples, columns);
    }

    /**
     * @param samples images in the grid, {@code >= 1}
     * @param columns images per row, {@code >= 1}
     * @return an explorer with that grid
     */
    public LatentExplorer withGrid(int samples, int columns) {
        if (samples < 1 || columns < 1) {
            throw new IllegalArgumentException("samples and columns must be >= 1, got " + samples + " and "
                    + columns);
        }
        return new LatentExplorer(generator, info, samples, columns);
    }

    /** @return the generator */
    public Generator generator() {
        return generator;
    }

    /** @return the InfoGAN codes, or {@code null} */
    public InfoCodes info() {
        return info;
    }

    /** @return whether the generator is style-based (ψ and mixing act in w) */
    public boolean styleBased() {
        return generator.spec() instanceof StyleGenerator;
    }

    /** @return the number of classes, 0 for an unconditional generator */
    public int numClasses() {
        return generator.spec().numClasses();
    }

    /** @return the style layers of a style-based generator, else 0 */
    public int styleLayers() {
        return styleBased() ? StyleSpace.of(generator).styleLayers() : 0;
    }

    /**
     * The settings of one picture. Out-of-range values are refused by {@link #render} with the knob's name.
     *
     * @param seed        seed of the first latents {@code z_A}
     * @param t           position on the slerp path from {@code z_A} to {@code z_B}, in [0, 1]
     * @param directions  {@value #DIRECTIONS} amounts to move along the fixed random directions (any real)
     * @param psi         truncation ψ, in [0, 1] (1: none)
     * @param classA      first class (conditional generators; ignored otherwise)
     * @param classB      second class
     * @param blend       share of {@code classB}, in [0, 1]
     * @param crossover   style mixing: layers from here on take the third latents' style (style generators;
     *                    {@code styleLayers} = no mixing)
     * @param category    InfoGAN categorical code (ignored without codes)
     * @param continuous  InfoGAN continuous codes, one per code
     */
    public record View(long seed, double t, double[] directions, double psi, int classA, int classB, double blend,
                       int crossover, int category, double[] continuous) {

        /** Copies the arrays. */
        public View {
            directions = directions.clone();
            continuous = continuous.clone();
        }

        @Override
        public double[] directions() {
            return directions.clone();
        }

        @Override
        public double[] continuous() {
            return continuous.clone();
        }

        /** @param v the seed @return a copy with it */
        public View withSeed(long v) {
            return new View(v, t, directions, psi, classA, classB, blend, crossover, category, continuous);
        }

        /** @param v the slerp position @return a copy with it */
        public View withT(double v) {
            return new View(seed, v, directions, psi, classA, classB, blend, crossover, category, continuous);
        }

        /** @param j the direction @param amount how far @return a copy with it */
        public View withDirection(int j, double amount) {
            double[] d = directions.clone();
            d[j] = amount;
            return new View(seed, t, d, psi, classA, classB, blend, crossover, category, continuous);
        }

        /** @param v ψ @return a copy with it */
        public View withPsi(double v) {
            return new View(seed, t, directions, v, classA, classB, blend, crossover, category, continuous);
        }

        /** @param a first class @param b second class @param share of b @return a copy with them */
        public View withClasses(int a, int b, double share) {
            return new View(seed, t, directions, psi, a, b, share, crossover, category, continuous);
        }

        /** @param v the crossover layer @return a copy with it */
        public View withCrossover(int v) {
            return new View(seed, t, directions, psi, classA, classB, blend, v, category, continuous);
        }

        /** @param v the category @return a copy with it */
        public View withCategory(int v) {
            return new View(seed, t, directions, psi, classA, classB, blend, crossover, v, continuous);
        }

        /** @param j the code @param value its value @return a copy with it */
        public View withContinuous(int j, double value) {
            double[] c = continuous.clone();
            c[j] = value;
            return new View(seed, t, directions, psi, classA, classB, blend, crossover, category, c);
        }
    }

    /** @return seed 0, t 0, no moves, ψ 1, classes 0 and 1 (blend 0), no mixing, category 0, codes 0 */
    public View defaults() {
        int k = numClasses();
        return new View(0, 0, new double[DIRECTIONS], 1, 0, k > 1 ? 1 : 0, 0, styleLayers(), 0,
                new double[info == null ? 0 : info.continuous()]);
    }

    /**
     * Renders the grid for one setting of the knobs.
     *
     * @param view the settings
     * @return the grid, each image scaled ×2
     * @throws IllegalArgumentException naming the knob that is out of range
     */
    public BufferedImage render(View view) {
        return ImageGrid.builder().columns(columns).scale(2).limit(Integer.MAX_VALUE).render(images(view));
    }

    /**
     * The images for one setting of the knobs.
     *
     * @param view the settings
     * @return {@code [samples, channels, size, size]} in [-1, 1]
     */
    public INDArray images(View view) {
        check(view);
        INDArray z = latents(view);
        if (styleBased()) {
            return styleImages(view, z);
        }
        INDArray scaled = z.mul(view.psi());
        int k = numClasses();
        if (k == 0) {
            return generator.generate(scaled, null);
        }
        INDArray conditions = Nd4j.zeros(DataType.DOUBLE, samples, k);
        for (int i = 0; i < samples; i++) {
            conditions.putScalar(i, view.classA(), 1 - view.blend());
            conditions.putScalar(i, view.classB(), conditions.getDouble(i, view.classB()) + view.blend());
        }
        return generator.generateConditioned(scaled, conditions);
    }

    private INDArray latents(View view) {
        DataType type = generator.network().dataType();
        INDArray a = generator.latent(samples, view.seed()).castTo(DataType.DOUBLE);
        INDArray b = generator.latent(samples, view.seed() + SECOND_SEED_OFFSET).castTo(DataType.DOUBLE);
        INDArray z = Nd4j.create(DataType.DOUBLE, samples, a.size(1));
        for (int i = 0; i < samples; i++) {
            z.putRow(i, Interpolation.slerp(a.getRow(i), b.getRow(i), view.t()));
        }
        double[] amounts = view.directions();
        for (int j = 0; j < DIRECTIONS; j++) {
            if (amounts[j] != 0) {
                z.addiRowVector(directionVectors.getRow(j).mul(amounts[j]));
            }
        }
        return withCodes(z, view).castTo(type);
    }

    /** {@code z} with the view's InfoGAN codes in its last columns (in place; unchanged without codes). */
    private INDArray withCodes(INDArray z, View view) {
        if (info != null) {
            int[] category = new int[samples];
            Arrays.fill(category, view.category());
            double[][] values = new double[samples][];
            Arrays.fill(values, view.continuous());
            info.set(z, category, values);
        }
        return z;
    }

    private INDArray styleImages(View view, INDArray z) {
        StyleSpace space = StyleSpace.of(generator);
        INDArray w;
        INDArray mixW;
        // the fine styles' source carries the same codes: an InfoGAN's codes are a property of the whole image
        INDArray zMix = withCodes(generator.latent(samples, view.seed() + MIX_SEED_OFFSET), view);
        if (numClasses() == 0) {
            w = space.mapping(z);
            mixW = space.mapping(zMix);
        } else {
            int[] a = new int[samples];
            int[] b = new int[samples];
            Arrays.fill(a, view.classA());
            Arrays.fill(b, view.classB());
            w = space.mapping(z, a).mul(1 - view.blend()).addi(space.mapping(z, b).mul(view.blend()));
            mixW = space.mapping(zMix, a);
        }
        INDArray styles = space.mix(space.perLayer(w), space.perLayer(mixW), view.crossover());
        styles = space.truncate(styles, view.psi(), space.styleLayers());
        return space.synthesize(styles, Noise.fixed());
    }

    private void check(View view) {
        require(view.t() >= 0 && view.t() <= 1, "t must be in [0, 1], got " + view.t());
        require(view.psi() >= 0 && view.psi() <= 1, "psi must be in [0, 1], got " + view.psi());
        require(view.directions().length == DIRECTIONS, "directions must hold " + DIRECTIONS + " amounts, got "
                + view.directions().length);
        for (double a : view.directions()) {
            require(Double.isFinite(a), "directions must be finite, got " + Arrays.toString(view.directions()));
        }
        int k = numClasses();
        if (k > 0) {
            require(view.classA() >= 0 && view.classA() < k && view.classB() >= 0 && view.classB() < k,
                    "classA and classB must be in [0, " + k + "), got " + view.classA() + " and " + view.classB());
            require(view.blend() >= 0 && view.blend() <= 1, "blend must be in [0, 1], got " + view.blend());
        }
        if (styleBased()) {
            require(view.crossover() >= 0 && view.crossover() <= styleLayers(), "crossover must be in [0, "
                    + styleLayers() + "], got " + view.crossover());
        }
        if (info != null) {
            require(info.categories() == 0 || (view.category() >= 0 && view.category() < info.categories()),
                    "category must be in [0, " + info.categories() + "), got " + view.category());
            require(view.continuous().length == info.continuous(), "continuous must hold " + info.continuous()
                    + " codes, got " + view.continuous().length);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
