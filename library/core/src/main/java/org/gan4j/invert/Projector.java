package org.gan4j.invert;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.gan4j.data.ImageDataset;
import org.gan4j.eval.FeatureNetwork;
import org.gan4j.nn.Conditioning;
import org.gan4j.nn.FrozenNetwork;
import org.gan4j.nn.Generator;
import org.gan4j.nn.StyleGenerator;
import org.gan4j.random.RandomStream;
import org.gan4j.style.Noise;
import org.gan4j.style.StyleSpace;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * GAN inversion: finds, for each target image, the latent from which a trained generator reproduces it.
 *
 * <p>The loss of a reconstruction x of a target t is
 * {@code pixelWeight · mean((x − t)²) + featureWeight · mean((φ(x) − φ(t))²) / mean(φ(t)²)}, with φ the features of
 * a {@link FeatureNetwork} (a network that knows the domain: two garments of one kind are close in φ even where their
 * pixels differ). Adam minimises it over the latent — z (the label stays fixed) for the MLP, DCGAN and conditional
 * generators, w or one w per layer for the style-based generator — from several starting points per image, with
 * StyleGAN2's learning-rate ramps; the best start per image wins. For the style-based generator the search adds
 * decaying exploration noise to w, and optionally optimises the noise maps too, with StyleGAN2's penalty on their
 * autocorrelation at every scale and re-normalisation after every step, so that they stay noise instead of carrying
 * the image.
 *
 * <p>Everything runs in inference mode (batch norm with its running statistics; see {@link FrozenNetwork}), all
 * images and starts in one batch. The thread's interrupt flag stops the search after the current step; the
 * projection then holds what was found so far ({@link Projection#interrupted()}), and the flag stays set for the
 * caller, as after an interrupted {@code TrainingSession.fit}.
 *
 * <pre>{@code
 * Projection p = Projector.of(generator).project(testImages.features(0, 8));   // pixels, 200 steps, 4 restarts
 * p.comparison();                                                               // originals above reconstructions
 * Projector perceptual = Projector.of(generator, ProjectorOptions.defaults().withWeights(1, 0.1));   // + features
 * }</pre>
 */
public final class Projector {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;
    /** Samples used to estimate the spread of w for the exploration noise (StyleGAN2 uses 10 000). */
    private static final int SPREAD_SAMPLES = 2000;
    /** The exploration noise reaches 0 at this share of the steps. */
    private static final double LATENT_NOISE_RAMP = 0.75;

    private final Generator generator;
    private final ProjectorOptions options;
    private final FrozenNetwork features;
    private final long[] imageShape;
    /** The generator's data type, read once: {@code Generator.network()} hands out a copy of the whole network. */
    private final DataType dataType;

    private Projector(Generator generator, ProjectorOptions options, FeatureNetwork featureNetwork) {
        this.generator = generator;
        this.options = options;
        this.imageShape = generator.spec().sampleShape();
        this.dataType = generator.network().dataType();
        if (imageShape.length != 3) {
            throw new IllegalArgumentException("a projector needs an image generator; this one makes samples of shape "
                    + Arrays.toString(imageShape));
        }
        if (featureNetwork != null && options.featureWeight() > 0) {
            if (!Arrays.equals(featureNetwork.imageShape(), imageShape)) {
                throw new IllegalArgumentException("the feature network reads images of shape "
                        + Arrays.toString(featureNetwork.imageShape()) + " but the generator makes "
                        + Arrays.toString(imageShape) + ": pass a feature network for these images, or null with "
                        + "featureWeight 0");
            }
            this.features = featureNetwork.frozenFeatures();
        } else if (options.featureWeight() > 0) {
            throw new IllegalArgumentException("featureWeight is " + options.featureWeight() + " but no feature "
                    + "network was given: pass one, or set featureWeight to 0");
        } else {
            this.features = null;
        }
    }

    /** A projector with {@link ProjectorOptions#defaults()}. */
    public static Projector of(Generator generator) {
        return of(generator, ProjectorOptions.defaults());
    }

    /**
     * A projector with the given options. A feature weight above 0 uses the shipped Fashion-MNIST feature network,
     * for 28×28 grey generators; other generators get the pixel distance only (the feature weight is set to 0).
     */
    public static Projector of(Generator generator, ProjectorOptions options) {
        checkGenerator(generator);
        if (options == null) {
            throw new IllegalArgumentException("options must not be null: use ProjectorOptions.defaults()");
        }
        if (options.featureWeight() == 0) {
            return of(generator, options, null);
        }
        if (Arrays.equals(generator.spec().sampleShape(), new long[]{1, 28, 28})) {
            return of(generator, options, FeatureNetwork.fashionMnist());
        }
        return of(generator, options.withWeights(Math.max(options.pixelWeight(), 1), 0), null);
    }

    /**
     * A projector with the given options and feature network.
     *
     * @param featureNetwork the network whose features measure the distance, or {@code null} for pixels only (then
     *                       {@code options.featureWeight()} must be 0)
     * @throws IllegalArgumentException when the feature network reads other images than the generator makes
     */
    public static Projector of(Generator generator, ProjectorOptions options, FeatureNetwork featureNetwork) {
        checkGenerator(generator);
        if (options == null) {
            throw new IllegalArgumentException("options must not be null: use ProjectorOptions.defaults()");
        }
        return new Projector(generator, options, featureNetwork);
    }

    private static void checkGenerator(Generator generator) {
        if (generator == null) {
            throw new IllegalArgumentException("generator must not be null");
        }
    }

    /** The options. */
    public ProjectorOptions options() {
        return options;
    }

    /** The space this projector searches for its generator. */
    public LatentSpace space() {
        return isStyle() ? options.styleSpace() : LatentSpace.Z;
    }

    /** Projects the images of a dataset (unconditional or style-based generators). */
    public Projection project(ImageDataset images) {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null");
        }
        return project(images.features(), null, null);
    }

    /** Projects target images {@code [n, channels, height, width]} in [-1, 1] (unconditional or style-based). */
    public Projection project(INDArray targets) {
        return project(targets, null, null);
    }

    /**
     * Projects target images under given classes: required for a conditional z generator (the label is part of
     * its input and stays fixed), optional for a conditional style-based generator (its random starts then use
     * these classes).
     */
    public Projection project(INDArray targets, int[] labels) {
        return project(targets, labels, null);
    }

    /**
     * Projects target images, telling {@code listener} (may be null; for example the kernel's {@code LiveView})
     * when it starts, after every step and at the end.
     *
     * @param targets images {@code [n, channels, height, width]} of the generator's shape, pixels in [-1, 1]
     * @param labels  one class per image, or {@code null}
     * @throws IllegalArgumentException on a wrong shape, pixels outside [-1, 1], labels a generator cannot take or
     *                                  a conditional z generator without labels
     */
    public Projection project(INDArray targets, int[] labels, ProjectionListener listener) {
        checkTargets(targets);
        checkLabels(labels, (int) targets.size(0));
        INDArray t = targets.castTo(dataType).dup();
        Objective objective = new Objective(t, options.restarts());
        Projection projection = isStyle() ? projectStyle(t, labels, objective, listener)
                : projectLatent(t, labels, objective, listener);
        if (listener != null) {
            listener.onEnd(projection);
        }
        if (projection.interrupted()) {
            // set again: the final pass or a listener may have consumed it (a library that waits and swallows it)
            Thread.currentThread().interrupt();
        }
        return projection;
    }

    private boolean isStyle() {
        return generator.spec() instanceof StyleGenerator;
    }

    private void checkTargets(INDArray targets) {
        if (targets == null) {
            throw new IllegalArgumentException("targets must not be null");
        }
        long[] shape = targets.shape();
        if (targets.rank() != 4 || shape[0] < 1 || shape[1] != imageShape[0] || shape[2] != imageShape[1]
                || shape[3] != imageShape[2]) {
            throw new IllegalArgumentException("targets must be images [n, " + imageShape[0] + ", " + imageShape[1]
                    + ", " + imageShape[2] + "] like the generator's, got " + Arrays.toString(shape)
                    + (targets.rank() == 4 && shape[1] != imageShape[0] ? " (" + shape[1] + " channels: convert with "
                    + "ImageFolder's grey/RGB option)" : ""));
        }
        double max = targets.amaxNumber().doubleValue();
        if (!(max <= 1.0 + 1e-6)) {
            throw new IllegalArgumentException("target pixels must be in [-1, 1] as ImageDataset gives them, found "
                    + "|pixel| = " + max);
        }
    }

    private void checkLabels(int[] labels, int n) {
        int k = generator.spec().numClasses();
        if (labels == null) {
            if (k > 0 && !isStyle()) {
                throw new IllegalArgumentException("this generator is conditional (" + k + " classes): give one label "
                        + "per target image, project(targets, labels)");
            }
            return;
        }
        if (k == 0) {
            throw new IllegalArgumentException("labels were given but this generator is unconditional (it takes no "
                    + "label): use project(targets)");
        }
        if (labels.length != n) {
            throw new IllegalArgumentException("labels must hold one class per target image: " + n + " images, "
                    + labels.length + " labels");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + "), got " + labels[i]);
            }
        }
    }

    // ---- z ----

    private Projection projectLatent(INDArray targets, int[] labels, Objective objective, ProjectionListener listener) {
        int n = (int) targets.size(0);
        int rows = n * options.restarts();
        int latentSize = generator.spec().latentSize();
        int k = generator.spec().numClasses();
        FrozenNetwork g = generator.frozen();
        INDArray z = RandomStream.seeded(options.seed()).gaussian(dataType, rows, latentSize);
        INDArray conditions = k == 0 ? null : Conditioning.oneHot(repeat(labels, options.restarts()), k, z);
        Adam adam = new Adam(z);
        Search search = search(objective, listener, step -> {
            FrozenNetwork.Pass pass = g.forward(conditions == null ? z : Nd4j.hstack(z, conditions));
            INDArray dImages = objective.gradient(pass.output());
            INDArray dz = pass.backward(dImages).get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentSize));
            adam.step(z, dz, options.learningRateAt(step));
        });
        INDArray images = g.output(conditions == null ? z : Nd4j.hstack(z, conditions));
        objective.gradient(images);
        int[] best = objective.bestRestart();
        return new Projection(LatentSpace.Z, targets, pick(z, best, n), labels, null, pick(images, best, n),
                objective.lossesOf(best), search.history(), search.interrupted());
    }

    // ---- w and W+ ----

    private Projection projectStyle(INDArray targets, int[] labels, Objective objective, ProjectionListener listener) {
        StyleSpace space = StyleSpace.of(generator);
        int n = (int) targets.size(0);
        int restarts = options.restarts();
        int rows = n * restarts;
        int layers = space.styleLayers();
        int size = space.styleSize();
        boolean plus = options.styleSpace() == LatentSpace.W_PLUS;
        RandomStream random = RandomStream.seeded(options.seed());

        INDArray average = space.averageStyle().castTo(dataType);
        INDArray w = Nd4j.createUninitialized(dataType, rows, size);
        w.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).assign(average.broadcast(n, size));
        if (restarts > 1) {
            INDArray z = random.gaussian(dataType, rows - n, generator.spec().latentSize());
            INDArray starts = generator.spec().numClasses() == 0 ? space.mapping(z)
                    : space.mapping(z, labels != null ? repeat(labels, restarts - 1)
                    : Conditioning.cyclingLabels(rows - n, generator.spec().numClasses()));
            w.get(NDArrayIndex.interval(n, rows), NDArrayIndex.all()).assign(starts);
        }
        INDArray latent = plus ? space.perLayer(w) : w;
        double spread = styleSpread(space, average);

        INDArray[] maps = space.noiseMaps(Noise.fixed(), rows);
        Adam latentAdam = new Adam(latent);
        Adam[] noiseAdam = new Adam[layers];
        for (int l = 0; l < layers; l++) {
            noiseAdam[l] = new Adam(maps[l]);
        }
        Search search = search(objective, listener, step -> {
            double t = (double) step / options.steps();
            double noiseScale = spread * options.latentNoise()
                    * Math.pow(Math.max(0, 1 - t / LATENT_NOISE_RAMP), 2);
            INDArray explored = noiseScale == 0 ? latent
                    : latent.add(random.gaussian(dataType, 1, (int) latent.length()).reshape(latent.shape())
                    .muli(noiseScale));
            StyleSpace.Gradient g = space.gradient(explored, maps, objective::gradient);
            INDArray dLatent = plus ? g.styles() : g.styles().sum(1);
            double lr = options.learningRateAt(step);
            latentAdam.step(latent, dLatent, lr);
            if (options.optimiseNoise()) {
                double[] penalty = new double[rows];   // the penalty's value: not part of the reported loss
                for (int l = 0; l < layers; l++) {
                    INDArray d = g.noise()[l].add(NoiseRegularizer.gradient(maps[l], penalty)
                            .muli(options.noiseRegularization()));
                    noiseAdam[l].step(maps[l], d, lr);
                    NoiseRegularizer.normalise(maps[l]);
                }
            }
        });
        INDArray images = space.gradient(latent, maps, objective::gradient).images();
        int[] best = objective.bestRestart();
        INDArray[] bestMaps = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            bestMaps[l] = pick(maps[l], best, n);
        }
        return new Projection(options.styleSpace(), targets, pick(latent, best, n), labels, bestMaps,
                pick(images, best, n), objective.lossesOf(best), search.history(), search.interrupted());
    }

    /** The completed steps' loss history, and whether an interrupt stopped the search. */
    private record Search(double[] history, boolean interrupted) {
    }

    /**
     * Runs {@code step} for each step in this thread's projector workspace, records the best restarts' mean loss,
     * tells the listener, and stops early when the thread is interrupted (leaving the flag set).
     */
    private Search search(Objective objective, ProjectionListener listener, IntConsumer step) {
        if (listener != null) {
            listener.onStart(options.steps());
        }
        double[] history = new double[options.steps()];
        int done = 0;
        boolean interrupted = false;
        for (int s = 0; s < options.steps(); s++) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                break;
            }
            try (MemoryWorkspace scope = workspace()) {
                step.accept(s);
            }
            history[s] = objective.bestMean();
            done = s + 1;
            if (listener != null) {
                listener.onStep(s, options.steps(), history[s]);
            }
        }
        return new Search(Arrays.copyOf(history, done), interrupted);
    }

    /** StyleGAN2's σ_w: the root mean squared distance of sampled styles from the average style. */
    private double styleSpread(StyleSpace space, INDArray average) {
        if (options.latentNoise() == 0) {
            return 0;
        }
        INDArray ws = space.sampleStyles(SPREAD_SAMPLES, options.seed() ^ 0x5DEECE66DL).castTo(dataType);
        INDArray d = ws.subRowVector(average);
        return Math.sqrt(d.muli(d).sumNumber().doubleValue() / SPREAD_SAMPLES);
    }

    // ---- helpers ----

    /**
     * Every intermediate array of a step lives in this thread's workspace of this name and is reused from step to
     * step: a projection allocates the same arrays hundreds of times, and fresh native memory per array made it
     * several times slower. The latents, noise maps and Adam moments live outside and are updated in place.
     */
    private static final String WORKSPACE = "gan4j-projector";
    private static final WorkspaceConfiguration WORKSPACE_CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.1).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP).policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE).build();

    private static MemoryWorkspace workspace() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE_CONFIG, WORKSPACE);
    }

    private static int[] repeat(int[] labels, int times) {
        int[] out = new int[labels.length * times];
        for (int r = 0; r < times; r++) {
            System.arraycopy(labels, 0, out, r * labels.length, labels.length);
        }
        return out;
    }

    /** Row {@code best[i]·n + i} of {@code rows} for each image i (the winning restart's row). */
    private static INDArray pick(INDArray rows, int[] best, int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = best[i] * n + i;
        }
        long[] shape = rows.shape().clone();
        shape[0] = n;
        INDArray flat = rows.dup().reshape(rows.size(0), rows.length() / rows.size(0));
        return Nd4j.pullRows(flat, 1, indices).reshape(shape);
    }

    /** Adam on one array, in place. */
    private static final class Adam {
        private final INDArray m;
        private final INDArray v;
        private int t;

        Adam(INDArray like) {
            m = Nd4j.zeros(like.dataType(), like.shape());
            v = Nd4j.zeros(like.dataType(), like.shape());
        }

        void step(INDArray x, INDArray gradient, double learningRate) {
            t++;
            m.muli(BETA1).addi(gradient.mul(1 - BETA1));
            v.muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            INDArray denominator = Transforms.sqrt(v.div(c2), false).addi(ADAM_EPSILON);
            x.subi(m.div(c1).divi(denominator).muli(learningRate));
        }
    }

    /**
     * The loss of every row (image × restart) and its gradient w.r.t. the images; remembers the last losses to pick
     * the best restart.
     */
    private final class Objective {
        private final INDArray targets;
        private final int n;
        private final int restarts;
        private final INDArray repeatedTargets;
        private final INDArray targetFeatures;
        private final double featureScale;
        private double[] losses;

        Objective(INDArray targets, int restarts) {
            this.targets = targets;
            this.n = (int) targets.size(0);
            this.restarts = restarts;
            this.repeatedTargets = Nd4j.tile(targets, restarts, 1, 1, 1);
            if (features != null) {
                INDArray f = features.output(targets);
                this.targetFeatures = Nd4j.tile(f, restarts, 1);
                double meanSquare = f.mul(f).meanNumber().doubleValue();
                this.featureScale = meanSquare > 0 ? meanSquare : 1;
            } else {
                this.targetFeatures = null;
                this.featureScale = 1;
            }
        }

        /** Loss gradient w.r.t. {@code images} (rows = restart·n + image); records each row's loss. */
        INDArray gradient(INDArray images) {
            int rows = (int) images.size(0);
            INDArray diff = images.sub(repeatedTargets);
            long pixels = diff.length() / rows;
            INDArray perRow = diff.mul(diff).reshape(rows, pixels).mean(1).muli(options.pixelWeight());
            INDArray grad = diff.muli(2.0 * options.pixelWeight() / pixels);
            if (features != null) {
                FrozenNetwork.Pass pass = features.forward(images);
                INDArray fd = pass.output().sub(targetFeatures);
                long width = fd.size(1);
                double weight = options.featureWeight() / featureScale;
                perRow.addi(fd.mul(fd).mean(1).muli(weight));
                grad.addi(pass.backward(fd.muli(2.0 * weight / width)));
            }
            losses = perRow.toDoubleVector();
            return grad;
        }

        /** For each image, the restart with the lowest recorded loss. */
        int[] bestRestart() {
            int[] best = new int[n];
            for (int i = 0; i < n; i++) {
                for (int r = 1; r < restarts; r++) {
                    if (losses[r * n + i] < losses[best[i] * n + i]) {
                        best[i] = r;
                    }
                }
            }
            return best;
        }

        double[] lossesOf(int[] best) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = losses[best[i] * n + i];
            }
            return out;
        }

        double bestMean() {
            return Arrays.stream(lossesOf(bestRestart())).average().orElse(Double.NaN);
        }
    }
}
