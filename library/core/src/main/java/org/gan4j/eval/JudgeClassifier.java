package org.gan4j.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * An independent judge of generated images: a classifier trained with Tribuo on real images, which tells which
 * classes a generator's samples look like ({@link #judge(ImageDataset)}) and whether a conditional generator's
 * samples show the class they were asked for ({@link #judge(ImageDataset, int[])}).
 *
 * <p>The model is a multinomial logistic regression (Tribuo {@link LinearSGDTrainer} with {@link LogMulticlass}
 * and {@link AdaGrad}) on the pixels plus histograms of oriented gradients (see {@link JudgeConfig}). It is
 * independent of the networks being trained (no DL4J involved), deterministic for a given seed and data (Tribuo's
 * SGD is plain Java), and fast on a laptop: trained on the embedded 10 000 images it is about 90 % accurate on real
 * test images (the measured accuracies and training times are in {@code docs/figures.md}).
 * The weakest class is Shirt (confused with T-shirt, Pullover and Coat). A judge's accuracy
 * bounds the label accuracy it can measure: perfect conditional samples score about the judge's own test accuracy.
 * Tribuo's trainer logs two INFO lines per training through {@code java.util.logging}; they are held back while a
 * judge trains (in a notebook they would show as error output).
 *
 * <p>A judge is immutable. It carries Tribuo's {@link #provenance() provenance} (trainer, hyper-parameters, data
 * description, versions, time) and its own {@link #testEvaluation() test evaluation}; {@link #save(Path)} and
 * {@link #load(Path)} store and restore it.
 *
 * <pre>{@code
 * JudgeClassifier judge = JudgeClassifier.fashionMnist();           // trains on the embedded subset
 * CoverageReport c = judge.judge(ImageDataset.of(samples, "DCGAN")); // samples: INDArray [500, 1, 28, 28]
 * c.coveredClasses();  c.histogram();
 * ConditionalReport r = judge.judge(cSamples, requestedLabels);
 * r.labelAccuracy();   r.confusionTable();
 * }</pre>
 */
public final class JudgeClassifier {

    private static final LabelFactory LABELS = new LabelFactory();

    private final Model<Label> model;
    private final JudgeConfig config;
    private final List<String> classNames;
    private final int channels;
    private final int height;
    private final int width;
    private final TrainingRecord training;
    private final JudgeEvaluation testEvaluation;
    private final JudgeFeatures features;

    /** Where a judge came from: the training data and how long training took. */
    record TrainingRecord(int images, String source, String fingerprint, Duration time) {
    }

    JudgeClassifier(Model<Label> model, JudgeConfig config, List<String> classNames, int channels, int height,
                    int width, TrainingRecord training, JudgeEvaluation testEvaluation) {
        this.model = model;
        this.config = config;
        this.classNames = List.copyOf(classNames);
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.training = training;
        this.testEvaluation = testEvaluation;
        this.features = new JudgeFeatures(channels, height, width, config);
    }

    /**
     * A judge for Fashion-MNIST with the default configuration, trained on the embedded training split (10 000
     * images) and tested on the embedded test split (2 000 images). Takes 20–40 s on 2 cores.
     *
     * @return the judge
     */
    public static JudgeClassifier fashionMnist() {
        return train(FashionMnist.embedded(Split.TRAIN), FashionMnist.embedded(Split.TEST), JudgeConfig.defaults());
    }

    /**
     * The judge of {@link #fashionMnist()}, kept in a file so that it is trained once: loaded from {@code file} when
     * that holds it (see {@link #loadOrTrain}), else trained (20–40 s) and saved there. The notebooks of the course
     * share one such file, so only the first of them trains a judge.
     *
     * @param file where the judge is kept; missing folders are created
     * @return the judge, predicting exactly as a freshly trained one
     * @throws IOException if {@code file} exists but is not a saved judge (it is then left untouched), or cannot be
     *                     written
     */
    public static JudgeClassifier fashionMnist(Path file) throws IOException {
        return loadOrTrain(file, FashionMnist.embedded(Split.TRAIN), FashionMnist.embedded(Split.TEST),
                JudgeConfig.defaults());
    }

    /**
     * Loads the judge saved in {@code file} if it was trained with {@code config} on the same images as {@code train}
     * (equal {@link ImageDataset#fingerprint() fingerprints}) and tested on a set of the size and source of
     * {@code test}; otherwise trains one with {@link #train(ImageDataset, ImageDataset, JudgeConfig)} and saves it
     * to {@code file} (atomically), replacing the saved judge that did not match.
     *
     * @param file   where the judge is kept; missing folders are created
     * @param train  labelled real images to learn from
     * @param test   labelled real images, not in {@code train}, to measure the judge on
     * @param config features and trainer settings
     * @return the loaded or trained judge
     * @throws IOException if {@code file} exists but is not a saved judge (it is then left untouched), or cannot be
     *                     written
     */
    public static JudgeClassifier loadOrTrain(Path file, ImageDataset train, ImageDataset test, JudgeConfig config)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(config, "config");
        if (Files.exists(file)) {
            JudgeClassifier saved = load(file);
            if (saved.config().equals(config) && saved.trainingFingerprint().equals(train.fingerprint())
                    && saved.classNames().equals(train.classNames())
                    && saved.testEvaluation().what().equals(test.size() + " images of " + test.source())) {
                return saved;
            }
        }
        JudgeClassifier judge = train(train, test, config);
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        judge.save(file);
        return judge;
    }

    /**
     * Trains a judge with the {@link JudgeConfig#defaults() default configuration}.
     *
     * @param train labelled real images to learn from
     * @param test  labelled real images, not in {@code train}, to measure the judge on
     * @return the trained judge, with its test evaluation
     */
    public static JudgeClassifier train(ImageDataset train, ImageDataset test) {
        return train(train, test, JudgeConfig.defaults());
    }

    /**
     * Trains a judge.
     *
     * @param train  labelled real images to learn from
     * @param test   labelled real images, not in {@code train}, to measure the judge on; same image size and class
     *               names as {@code train}
     * @param config features and trainer settings
     * @return the trained judge, with its test evaluation
     * @throws IllegalArgumentException if a dataset is empty, or {@code test} differs from {@code train} in image
     *                                  size or class names
     */
    public static JudgeClassifier train(ImageDataset train, ImageDataset test, JudgeConfig config) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(config, "config");
        if (train.size() == 0) {
            throw new IllegalArgumentException("train must hold at least one image, got 0");
        }
        if (test.size() == 0) {
            throw new IllegalArgumentException("test must hold at least one image, got 0");
        }
        if (!test.classNames().equals(train.classNames())) {
            throw new IllegalArgumentException("test has classes " + test.classNames() + ", expected the classes of "
                    + "train " + train.classNames());
        }
        JudgeFeatures features = new JudgeFeatures(train.channels(), train.height(), train.width(), config);
        long start = System.nanoTime();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(train.source()
                + " [sha256 " + train.fingerprint() + "; features: " + config.featureDescription() + "]", LABELS),
                LABELS);
        for (int i = 0; i < train.size(); i++) {
            data.add(features.example(train.image(i), new Label(train.className(train.label(i)))));
        }
        Trainer<Label> trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(config.learningRate(), 0.1),
                config.epochs(), -1, 1, config.seed());
        Model<Label> model = withTribuoInfoLogsOff(() -> trainer.train(data));
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        TrainingRecord record = new TrainingRecord(train.size(), train.source(), train.fingerprint(), time);
        JudgeClassifier untested = new JudgeClassifier(model, config, train.classNames(), train.channels(),
                train.height(), train.width(), record, null);
        JudgeEvaluation evaluation = untested.evaluate(test);
        return new JudgeClassifier(model, config, train.classNames(), train.channels(), train.height(),
                train.width(), record, evaluation);
    }

    /**
     * Runs {@code work} with the {@code org.tribuo} logger at WARNING (unless it is set stricter already), then puts
     * the level back.
     */
    private static <T> T withTribuoInfoLogsOff(Supplier<T> work) {
        Logger tribuo = Logger.getLogger("org.tribuo");
        Level before = tribuo.getLevel();
        if (before == null || before.intValue() < Level.WARNING.intValue()) {
            tribuo.setLevel(Level.WARNING);
        }
        try {
            return work.get();
        } finally {
            tribuo.setLevel(before);
        }
    }

    /**
     * Restores a judge written by {@link #save(Path)}.
     *
     * @param file the file
     * @return the judge, predicting exactly as the saved one
     * @throws IOException if the file cannot be read or is not a saved judge
     */
    public static JudgeClassifier load(Path file) throws IOException {
        return JudgeFiles.read(file);
    }

    /**
     * Writes this judge (Tribuo model in its protobuf format, configuration, test evaluation) to a file, atomically:
     * to a temporary file in the same folder, then renamed over {@code file}.
     *
     * @param file where to write; its folder must exist
     * @throws IOException if writing fails (the target is then left as it was)
     */
    public void save(Path file) throws IOException {
        JudgeFiles.write(this, file);
    }

    // ---------------------------------------------------------------------------------------------- judging

    /**
     * Judges unlabelled samples with the default minimum share per class ({@value CoverageReport#DEFAULT_MIN_SHARE}).
     *
     * @param samples generated images (their labels, if any, are ignored)
     * @return class histogram, covered classes and mean confidence
     * @throws IllegalArgumentException if {@code samples} is empty or its images differ in size from the judge's
     */
    public CoverageReport judge(ImageDataset samples) {
        return judge(samples, CoverageReport.DEFAULT_MIN_SHARE);
    }

    /**
     * Judges unlabelled samples.
     *
     * @param samples  generated images (their labels, if any, are ignored)
     * @param minShare share of the samples a class needs to count as covered, in (0, 1]
     * @return class histogram, covered classes and mean confidence
     * @throws IllegalArgumentException if {@code samples} is empty, its images differ in size from the judge's or
     *                                  {@code minShare} is out of range
     */
    public CoverageReport judge(ImageDataset samples, double minShare) {
        if (!(minShare > 0 && minShare <= 1)) {
            throw new IllegalArgumentException("minShare must be in (0, 1], got " + minShare);
        }
        checkImages("samples", samples);
        return coverage(predict(samples, null), minShare);
    }

    /**
     * Judges unlabelled samples held in an ND4J array, e.g. generator output.
     *
     * @param samples {@code [n, channels, height, width]} in [-1, 1]
     * @return class histogram, covered classes and mean confidence
     * @throws IllegalArgumentException as {@link #judge(ImageDataset)}, or if the array is not 4-dimensional
     */
    public CoverageReport judge(INDArray samples) {
        return judge(wrap(samples));
    }

    /**
     * Judges a conditional generator's samples against the labels they were generated for.
     *
     * @param samples         generated images (their own labels, if any, are ignored)
     * @param requestedLabels the class index each sample was generated for, one per sample
     * @return label accuracy, confusion of requested against predicted class, and class coverage
     * @throws IllegalArgumentException if {@code samples} is empty or of the wrong image size, or
     *                                  {@code requestedLabels} does not hold one valid class index per sample
     */
    public ConditionalReport judge(ImageDataset samples, int[] requestedLabels) {
        checkImages("samples", samples);
        Objects.requireNonNull(requestedLabels, "requestedLabels");
        if (requestedLabels.length != samples.size()) {
            throw new IllegalArgumentException("requestedLabels has " + requestedLabels.length + " entries, expected "
                    + "one per sample (" + samples.size() + ")");
        }
        for (int i = 0; i < requestedLabels.length; i++) {
            if (requestedLabels[i] < 0 || requestedLabels[i] >= classNames.size()) {
                throw new IllegalArgumentException("requestedLabels[" + i + "] is " + requestedLabels[i]
                        + ", expected a class index in 0.." + (classNames.size() - 1));
            }
        }
        Predicted p = predict(samples, requestedLabels);
        JudgeEvaluation agreement = evaluation(p, samples.size() + " samples (" + samples.source()
                + ") against their requested labels");
        return new ConditionalReport(agreement, coverage(p, CoverageReport.DEFAULT_MIN_SHARE));
    }

    /**
     * Judges a conditional generator's samples held in an ND4J array.
     *
     * @param samples         {@code [n, channels, height, width]} in [-1, 1]
     * @param requestedLabels the class index each sample was generated for
     * @return as {@link #judge(ImageDataset, int[])}
     */
    public ConditionalReport judge(INDArray samples, int[] requestedLabels) {
        return judge(wrap(samples), requestedLabels);
    }

    /**
     * Evaluates the judge on labelled real images with Tribuo's {@link LabelEvaluator}.
     *
     * @param labelled images with their true labels, the judge's class names and image size
     * @return accuracy, confusion matrix, per-class precision and recall
     * @throws IllegalArgumentException if {@code labelled} is empty, of the wrong image size or has other classes
     */
    public JudgeEvaluation evaluate(ImageDataset labelled) {
        checkImages("labelled", labelled);
        if (!labelled.classNames().equals(classNames)) {
            throw new IllegalArgumentException("labelled has classes " + labelled.classNames() + ", expected the "
                    + "judge's classes " + classNames);
        }
        Predicted p = predict(labelled, labelled.labels());
        return evaluation(p, labelled.size() + " images of " + labelled.source());
    }

    /**
     * @param images images of the judge's size (labels ignored)
     * @return the predicted class index of each image
     */
    public int[] predict(ImageDataset images) {
        checkImages("images", images);
        return predict(images, null).classes;
    }

    /**
     * @param images images of the judge's size (labels ignored)
     * @return per image, the probability of each class ({@code [n][numClasses]}, rows sum to 1)
     */
    public double[][] probabilities(ImageDataset images) {
        checkImages("images", images);
        return predict(images, null).probabilities;
    }

    // ---------------------------------------------------------------------------------------------- accessors

    /** @return the Tribuo model (immutable; its {@code toString()} lists features and outputs) */
    public Model<Label> model() {
        return model;
    }

    /** @return Tribuo's provenance of the model: trainer and its settings, data description, versions, time */
    public ModelProvenance provenance() {
        return model.getProvenance();
    }

    /** @return the configuration the judge was trained with */
    public JudgeConfig config() {
        return config;
    }

    /** @return the class names, index = label */
    public List<String> classNames() {
        return classNames;
    }

    /** @return the number of classes */
    public int numClasses() {
        return classNames.size();
    }

    /** @return channels of the images the judge takes */
    public int channels() {
        return channels;
    }

    /** @return height of the images the judge takes */
    public int height() {
        return height;
    }

    /** @return width of the images the judge takes */
    public int width() {
        return width;
    }

    /** @return the number of distinct features the model was trained on */
    public int featureCount() {
        return features.featureCount();
    }

    /** @return accuracy, confusion matrix and per-class precision/recall on the test images given to training */
    public JudgeEvaluation testEvaluation() {
        return testEvaluation;
    }

    /** @return the judge's accuracy on its test images */
    public double testAccuracy() {
        return testEvaluation.accuracy();
    }

    /** @return wall-clock time of training, feature extraction included */
    public Duration trainingTime() {
        return training.time();
    }

    /** @return the number of training images */
    public int trainingImages() {
        return training.images();
    }

    /** @return where the training images came from */
    public String trainingSource() {
        return training.source();
    }

    /** @return the {@link ImageDataset#fingerprint()} of the training images */
    public String trainingFingerprint() {
        return training.fingerprint();
    }

    TrainingRecord training() {
        return training;
    }

    /** A few lines for the REPL: model, features, classes, training data and time, test accuracy. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "JudgeClassifier[multinomial logistic regression (Tribuo %s) on %s = %d "
                        + "features%n  images %dx%dx%d (CxHxW), %d classes %s%n  trained on %d images (%s) in %.1f s, "
                        + "%d epochs, AdaGrad lr %s, seed %d%n  test: %s]",
                model.getClass().getSimpleName(), config.featureDescription(), featureCount(), channels, height,
                width, classNames.size(), classNames, training.images(), training.source(),
                training.time().toMillis() / 1000.0, config.epochs(), config.learningRate(), config.seed(),
                testEvaluation);
    }

    // ---------------------------------------------------------------------------------------------- internals

    /** Predictions for a set of images, with the examples' labels when known (for Tribuo's evaluator). */
    private record Predicted(int[] classes, double[][] probabilities, List<Prediction<Label>> tribuo) {
    }

    private Predicted predict(ImageDataset images, int[] truth) {
        List<Example<Label>> examples = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            Label label = truth == null ? LabelFactory.UNKNOWN_LABEL : new Label(classNames.get(truth[i]));
            examples.add(features.example(images.image(i), label));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        int[] classes = new int[images.size()];
        double[][] probabilities = new double[images.size()][classNames.size()];
        for (int i = 0; i < classes.length; i++) {
            Prediction<Label> p = predictions.get(i);
            classes[i] = classNames.indexOf(p.getOutput().getLabel());
            for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) {
                int k = classNames.indexOf(e.getKey());
                if (k >= 0) {
                    probabilities[i][k] = e.getValue().getScore();
                }
            }
        }
        return new Predicted(classes, probabilities, predictions);
    }

    private JudgeEvaluation evaluation(Predicted p, String what) {
        LabelEvaluation e = new LabelEvaluator().evaluate(model, p.tribuo(),
                new SimpleDataSourceProvenance(what, LABELS));
        return JudgeEvaluation.fromTribuo(what, classNames, e);
    }

    private CoverageReport coverage(Predicted p, double minShare) {
        int[] counts = new int[classNames.size()];
        double confidence = 0;
        for (int i = 0; i < p.classes.length; i++) {
            counts[p.classes[i]]++;
            double max = 0;
            for (double q : p.probabilities[i]) {
                max = Math.max(max, q);
            }
            confidence += max;
        }
        return new CoverageReport(p.classes.length, classNames, counts, minShare, confidence / p.classes.length);
    }

    private static ImageDataset wrap(INDArray samples) {
        Objects.requireNonNull(samples, "samples");
        if (samples.rank() != 4) {
            throw new IllegalArgumentException("samples must be an array of shape [n, channels, height, width], got "
                    + "shape " + java.util.Arrays.toString(samples.shape()));
        }
        return ImageDataset.of(samples, "samples (ND4J array)");
    }

    private void checkImages(String parameter, ImageDataset images) {
        Objects.requireNonNull(images, parameter);
        if (images.size() == 0) {
            throw new IllegalArgumentException(parameter + " must hold at least one image, got 0");
        }
        if (images.channels() != channels || images.height() != height || images.width() != width) {
            throw new IllegalArgumentException(parameter + " has images of " + images.channels() + "x"
                    + images.height() + "x" + images.width() + " (CxHxW), expected " + channels + "x" + height + "x"
                    + width + " as the judge was trained on");
        }
    }
}
