package org.gan4j.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;
import org.gan4j.nn.Generator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates generated images with every metric of this package in one call, on the features of one
 * {@link FeatureNetwork}, against one fixed set of real reference images, and beside the real floor of each metric
 * (two disjoint real sets at the same sample count). Returns an immutable {@link EvaluationReport}.
 *
 * <p>Memory and time grow with the square of the sample count (the k-NN metrics compare all pairs): up to
 * {@value #MAX_SAMPLES} samples are accepted; 2 000 take a few seconds. FD and KID compare the samples with all
 * reference images; precision, recall, density and coverage with as many reference images as there are samples
 * (a fixed random subset when there are fewer samples), since they depend on both set sizes. Compare runs at the same sample count: the
 * Fréchet distance is biased at small counts (see {@link FrechetDistance}).
 *
 * <pre>{@code
 * Evaluator eval = Evaluator.fashionMnist();            // shipped feature network, 2 000 real test images
 * EvaluationReport r = eval.evaluate(generator, 2000, 7);  // 2 000 samples from latent seed 7
 * r.table();  r.toJson();
 * }</pre>
 */
public final class Evaluator {

    /** The largest sample count accepted. */
    public static final int MAX_SAMPLES = 5000;
    /** Seed of the draw of the real floor images from the floor pool. */
    private static final long FLOOR_SEED = 20_261_130L;

    private final FeatureNetwork network;
    private final ImageDataset reference;
    private final double[][] referenceFeatures;
    /** The reference features in a fixed random order, for the k-NN metrics' equal-sized subsets. */
    private final double[][] referenceShuffled;
    private final ImageDataset floorPool;
    private final Map<Integer, Floor> floors = new HashMap<>();

    /** The real-vs-real values at one sample count. */
    private record Floor(double frechet, KernelInceptionDistance kid, PrecisionRecall pr, DensityCoverage dc,
                         CoverageReport classes, double labelAccuracy) {
    }

    private Evaluator(FeatureNetwork network, ImageDataset reference, ImageDataset floorPool) {
        this.network = network;
        this.reference = reference;
        this.referenceFeatures = network.features(reference);
        int[] order = org.gan4j.random.RandomStream.seeded(FLOOR_SEED).split("reference").permutation(
                referenceFeatures.length);
        this.referenceShuffled = new double[order.length][];
        for (int i = 0; i < order.length; i++) {
            referenceShuffled[i] = referenceFeatures[order[i]];
        }
        this.floorPool = floorPool.shuffled(FLOOR_SEED);
    }

    /**
     * The standard Fashion-MNIST evaluator: the shipped {@link FeatureNetwork#fashionMnist() feature network}, the
     * embedded test split (2 000 images, 200 per class) as reference, and the embedded training split as the pool of
     * real floor images.
     *
     * @return the evaluator
     */
    public static Evaluator fashionMnist() {
        return of(FeatureNetwork.fashionMnist(), FashionMnist.embedded(Split.TEST),
                FashionMnist.embedded(Split.TRAIN));
    }

    /**
     * An evaluator for any data.
     *
     * @param network   the feature network (its head judges classes and labels)
     * @param reference real images the samples are compared with, at least 10, the network's image shape
     * @param floorPool other real images (not in {@code reference}) from which the real floor is drawn; its size
     *                  bounds the sample count
     * @return the evaluator
     * @throws IllegalArgumentException if a set is too small or of the wrong shape
     */
    public static Evaluator of(FeatureNetwork network, ImageDataset reference, ImageDataset floorPool) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(floorPool, "floorPool");
        if (reference.size() < 10 || floorPool.size() < 10) {
            throw new IllegalArgumentException("reference and floorPool need at least 10 images each, got "
                    + reference.size() + " and " + floorPool.size());
        }
        return new Evaluator(network, reference, floorPool);
    }

    /**
     * Evaluates {@code n} samples of a generator drawn from latent seed {@code seed}; a conditional generator's
     * samples cycle through the classes (sample i asks for class {@code i % classes}) and get a label accuracy.
     *
     * @param generator the generator
     * @param n         sample count, 10..{@link #maxSamples()}
     * @param seed      latent seed
     * @return the report
     */
    public EvaluationReport evaluate(Generator generator, int n, long seed) {
        Objects.requireNonNull(generator, "generator");
        checkCount(n);
        INDArray images = generator.sample(n, seed);
        int classes = generator.spec().numClasses();
        String source = n + " samples of " + generator.spec().getClass().getSimpleName() + " (latent seed " + seed
                + ")";
        if (classes > 0) {
            if (classes != network.numClasses()) {
                throw new IllegalArgumentException("the generator has " + classes + " classes, the feature network "
                        + network.numClasses() + ": it cannot judge label accuracy");
            }
            int[] labels = IntStream.range(0, n).map(i -> i % classes).toArray();
            return evaluate(ImageDataset.of(images, labels, network.classNames(), source));
        }
        return evaluate(ImageDataset.of(images, source));
    }

    /**
     * Evaluates images in an array {@code [n, channels, height, width]}, pixels in [-1, 1].
     *
     * @param samples the images
     * @return the report
     */
    public EvaluationReport evaluate(INDArray samples) {
        return evaluate(ImageDataset.of(samples, "array of " + samples.size(0) + " images"));
    }

    /**
     * Evaluates images. If they carry labels with the feature network's class names, those are taken as the
     * requested labels and the report has a label accuracy.
     *
     * @param samples the images, 10..{@link #maxSamples()} of them
     * @return the report
     * @throws IllegalArgumentException if the count is out of range or the shape differs from the network's
     */
    public EvaluationReport evaluate(ImageDataset samples) {
        Objects.requireNonNull(samples, "samples");
        checkCount(samples.size());
        double[][] features = network.features(samples);
        double[][] probabilities = network.probabilities(samples);
        Floor floor = floor(samples.size());
        boolean labelled = samples.numClasses() > 0 && samples.classNames().equals(network.classNames());
        return new EvaluationReport(samples.source(), reference.size() + " images of " + reference.source(),
                network.toString(), samples.size(), reference.size(),
                FrechetDistance.between(referenceFeatures, features), floor.frechet(),
                KernelInceptionDistance.of(referenceFeatures, features), floor.kid(),
                PrecisionRecall.of(knnReference(features.length), features), floor.pr(),
                DensityCoverage.of(knnReference(features.length), features), floor.dc(),
                coverage(probabilities), floor.classes(),
                labelled ? accuracy(probabilities, samples.labels()) : Double.NaN, floor.labelAccuracy());
    }

    private Floor floor(int n) {
        synchronized (floors) {
            return floors.computeIfAbsent(n, count -> {
                ImageDataset real = floorPool.take(count);
                double[][] f = network.features(real);
                double[][] p = network.probabilities(real);
                return new Floor(FrechetDistance.between(referenceFeatures, f),
                        KernelInceptionDistance.of(referenceFeatures, f), PrecisionRecall.of(knnReference(count), f),
                        DensityCoverage.of(knnReference(count), f), coverage(p), accuracy(p, real.labels()));
            });
        }
    }

    /**
     * The reference vectors the k-NN metrics use for n samples: as many as there are samples (when the reference
     * has enough), drawn in a fixed random order, because precision, recall, density and coverage depend on both
     * set sizes and their papers compare sets of equal size.
     */
    private double[][] knnReference(int n) {
        return n >= referenceShuffled.length ? referenceShuffled : java.util.Arrays.copyOf(referenceShuffled, n);
    }

    private void checkCount(int n) {
        if (n < 10 || n > maxSamples()) {
            throw new IllegalArgumentException("sample count must be in [10, " + maxSamples() + "] (at most "
                    + MAX_SAMPLES + " and the size of the real floor pool), got " + n);
        }
    }

    private CoverageReport coverage(double[][] probabilities) {
        int[] counts = new int[network.numClasses()];
        double confidence = 0;
        for (double[] p : probabilities) {
            int best = argmax(p);
            counts[best]++;
            confidence += p[best];
        }
        return new CoverageReport(probabilities.length, network.classNames(), counts,
                CoverageReport.DEFAULT_MIN_SHARE, confidence / probabilities.length);
    }

    private static double accuracy(double[][] probabilities, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argmax(probabilities[i]) == labels[i]) {
                right++;
            }
        }
        return right / (double) labels.length;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** @return the largest sample count {@link #evaluate} accepts */
    public int maxSamples() {
        return Math.min(MAX_SAMPLES, floorPool.size());
    }

    /** @return the feature network */
    public FeatureNetwork network() {
        return network;
    }

    /** @return the real reference images */
    public ImageDataset reference() {
        return reference;
    }

    /** @return the class names the head judges */
    public List<String> classNames() {
        return network.classNames();
    }

    @Override
    public String toString() {
        return "Evaluator[" + network + "; reference " + reference.size() + " images of " + reference.source()
                + "; floor pool " + floorPool.size() + " images]";
    }
}
