package org.gan4j.eval;

import org.gan4j.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.data.ImageDataset;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * A small convolutional classifier whose penultimate layer supplies the features of the distribution metrics
 * ({@link FrechetDistance}, {@link KernelInceptionDistance}, {@link PrecisionRecall}, {@link DensityCoverage}) and
 * whose softmax head is the judge of class coverage and label accuracy — the role Inception-v3 plays for FID, and
 * a domain classifier plays in TF-GAN's {@code mnist_frechet_distance}.
 *
 * <p>{@link #fashionMnist()} loads the network shipped in gan4j-core: trained by {@code
 * environment/train-feature-network} on the full Fashion-MNIST training split (60 000 images), its accuracy on the
 * full test split (10 000 images), seed, command, date and file checksum are in its {@link #provenance()}. Loading
 * checks the checksum. For other data, {@link #train} makes one in one call.
 *
 * <p>Architecture: three blocks of 3×3 convolution (32, 64, 128 channels) → batch norm → ReLU → max-pool 2 (28 → 14 → 7
 * → 3) →
 * dense ({@link FeatureNetworkOptions#featureSize()}, ReLU: <em>the features</em>) → dropout → softmax over the
 * classes. Images are read as they come from {@link ImageDataset} (pixels in [-1, 1]). Training uses Adam with a
 * per-epoch learning-rate decay and, where the options ask, augments each batch with left-right mirroring and small
 * shifts ({@link FeatureNetworkOptions}).
 *
 * <pre>{@code
 * FeatureNetwork net = FeatureNetwork.fashionMnist();
 * double[][] f = net.features(samples);          // [n][128]
 * FeatureNetwork mine = FeatureNetwork.train(myTrain, myTest, FeatureNetworkOptions.defaults());
 * }</pre>
 */
public final class FeatureNetwork {

    /** Classpath location of the shipped Fashion-MNIST network (a DL4J model zip). */
    static final String SHIPPED_MODEL = "org/gan4j/eval/fashion-mnist-features.zip";
    /** Classpath location of the shipped network's provenance (JSON). */
    static final String SHIPPED_PROVENANCE = "org/gan4j/eval/fashion-mnist-features.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();
    /** Name of the dense layer whose activations are the features. */
    private static final String FEATURE_LAYER_NAME = "features";
    private static final int BATCH = 500;
    private static final String ARCHITECTURE = "conv3x3x32-bn-relu-maxpool2, conv3x3x64-bn-relu-maxpool2, "
            + "conv3x3x128-bn-relu-maxpool2, dense(features)-relu, dropout, softmax";

    private final MultiLayerNetwork network;
    private final int featureLayer;
    private final List<String> classNames;
    private final long[] imageShape;
    private final FeatureNetworkProvenance provenance;

    private FeatureNetwork(MultiLayerNetwork network, List<String> classNames, long[] imageShape,
                           FeatureNetworkProvenance provenance) {
        this.network = network;
        this.featureLayer = featureLayerIndex(network);
        this.classNames = List.copyOf(classNames);
        this.imageShape = imageShape.clone();
        this.provenance = provenance;
    }

    /**
     * The feature network shipped in gan4j-core for 28×28 grey Fashion-MNIST-like images (10 classes). Its file's
     * SHA-256 is checked against the provenance shipped beside it.
     *
     * @return the network
     * @throws IllegalStateException if the resources are missing or the checksum differs (a broken build)
     */
    public static FeatureNetwork fashionMnist() {
        ClassLoader loader = FeatureNetwork.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(SHIPPED_MODEL);
             InputStream json = loader.getResourceAsStream(SHIPPED_PROVENANCE)) {
            if (model == null || json == null) {
                throw new IllegalStateException("classpath:" + SHIPPED_MODEL + " or classpath:" + SHIPPED_PROVENANCE
                        + " is missing: gan4j-core was built without its feature network");
            }
            byte[] bytes = model.readAllBytes();
            FeatureNetworkProvenance p = readProvenance(new String(json.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:" + SHIPPED_PROVENANCE);
            return fromBytes(bytes, p, "classpath:" + SHIPPED_MODEL);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read classpath:" + SHIPPED_MODEL + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trains a feature network on labelled images and measures its accuracy on held-out ones.
     *
     * @param train   labelled training images (at least 2 classes)
     * @param test    labelled test images, not in {@code train}, with the same image shape and class names
     * @param options the training options
     * @return the trained network, with its provenance (checksum empty until {@link #save})
     * @throws IllegalArgumentException if a dataset is empty or the two differ in image shape or class names
     */
    public static FeatureNetwork train(ImageDataset train, ImageDataset test, FeatureNetworkOptions options) {
        return train(train, test, options, message -> { });
    }

    /**
     * {@link #train(ImageDataset, ImageDataset, FeatureNetworkOptions)} reporting each epoch's test accuracy.
     *
     * @param train    labelled training images
     * @param test     labelled test images
     * @param options  the training options
     * @param progress receives one line per epoch
     * @return the trained network
     */
    public static FeatureNetwork train(ImageDataset train, ImageDataset test, FeatureNetworkOptions options,
                                       Consumer<String> progress) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        if (train.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException("train and test must hold images, got " + train.size() + " and "
                    + test.size());
        }
        if (train.numClasses() < 2) {
            throw new IllegalArgumentException("train must have at least 2 classes, got " + train.numClasses());
        }
        if (!java.util.Arrays.equals(imageShapeOf(train), imageShapeOf(test))
                || !train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("test must have the image shape and class names of train: train "
                    + java.util.Arrays.toString(imageShapeOf(train)) + " " + train.classNames() + ", test "
                    + java.util.Arrays.toString(imageShapeOf(test)) + " " + test.classNames());
        }
        Instant start = Instant.now();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(train, options));
        net.init();
        FeatureNetwork fn = new FeatureNetwork(net, train.classNames(), imageShapeOf(train), null);
        double accuracy = Double.NaN;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            ImageDataset order = train.shuffled(options.seed() * 1_000_003L + epoch);
            Random augmentation = new Random(options.seed() * 7_919L + epoch);
            for (int from = 0; from < order.size(); from += options.batchSize()) {
                int to = Math.min(order.size(), from + options.batchSize());
                INDArray images = order.features(from, to);
                if (options.mirror() || options.maxShift() > 0) {
                    images = augmented(images, options, augmentation);
                }
                net.fit(images, order.labelsOneHot(from, to));
            }
            accuracy = fn.accuracy(test);
            progress.accept(String.format(java.util.Locale.ROOT, "epoch %d/%d: test accuracy %.4f (%s)", epoch,
                    options.epochs(), accuracy, Duration.between(start, Instant.now()).truncatedTo(ChronoUnit.SECONDS)));
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "unset");
        FeatureNetworkProvenance p = new FeatureNetworkProvenance(train.classNames(), train.channels(),
                train.height(), train.width(), train.source(), train.fingerprint(), train.size(),
                test.source(), test.size(), accuracy, options, ARCHITECTURE, seconds, threads,
                "FeatureNetwork.train", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                dl4jVersion(), "");
        return new FeatureNetwork(net, train.classNames(), imageShapeOf(train), p);
    }

    /**
     * Mirrors and shifts each image of a batch at random, as {@code options} asks.
     *
     * @param images  {@code [n, channels, height, width]}
     * @param options the augmentation to apply
     * @param random  the draws (one flip and two shifts per image, in image order)
     * @return a new batch
     */
    static INDArray augmented(INDArray images, FeatureNetworkOptions options, Random random) {
        long[] shape = images.shape();
        int n = (int) shape[0];
        int channels = (int) shape[1];
        int height = (int) shape[2];
        int width = (int) shape[3];
        int imageSize = channels * height * width;
        float[] in = images.dup('c').data().asFloat();
        float[] out = new float[in.length];
        int range = 2 * options.maxShift() + 1;
        for (int i = 0; i < n; i++) {
            boolean flip = options.mirror() && random.nextBoolean();
            int dy = random.nextInt(range) - options.maxShift();
            int dx = random.nextInt(range) - options.maxShift();
            int base = i * imageSize;
            float background = Float.POSITIVE_INFINITY;
            for (int k = 0; k < imageSize; k++) {
                background = Math.min(background, in[base + k]);
            }
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    int sy = y - dy;
                    for (int x = 0; x < width; x++) {
                        int sx = x - dx;
                        if (flip) {
                            sx = width - 1 - sx;
                        }
                        int target = base + (c * height + y) * width + x;
                        out[target] = sy >= 0 && sy < height && sx >= 0 && sx < width
                                ? in[base + (c * height + sy) * width + sx] : background;
                    }
                }
            }
        }
        return Nd4j.create(out, shape, DataType.FLOAT);
    }

    private static MultiLayerConfiguration configuration(ImageDataset train, FeatureNetworkOptions o) {
        int stepsPerEpoch = (train.size() + o.batchSize() - 1) / o.batchSize();
        return new NeuralNetConfiguration.Builder()
                .seed(o.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, o.learningRate(),
                        Math.pow(o.epochDecay(), 1.0 / stepsPerEpoch))))
                .weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(32).activation(Activation.IDENTITY)
                        .build())
                .layer(new BatchNormalization.Builder().name("bn1").build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv2").nOut(64).activation(Activation.IDENTITY)
                        .build())
                .layer(new BatchNormalization.Builder().name("bn2").build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv3").nOut(128).activation(Activation.IDENTITY)
                        .build())
                .layer(new BatchNormalization.Builder().name("bn3").build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new DenseLayer.Builder().name(FEATURE_LAYER_NAME).nOut(o.featureSize()).activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("classes")
                        .nOut(train.numClasses()).activation(Activation.SOFTMAX)
                        .dropOut(1 - o.dropout()).build())
                .setInputType(InputType.convolutional(train.height(), train.width(), train.channels()))
                .build();
    }

    /**
     * Loads a network written by {@link #save}: the model file and its provenance {@code <file>.json} beside it.
     *
     * @param file the model file
     * @return the network
     * @throws IOException if a file cannot be read, is malformed, or the model's SHA-256 differs from the provenance's
     */
    public static FeatureNetwork load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path json = provenanceFile(file);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such feature network file");
        }
        if (!Files.isRegularFile(json)) {
            throw new IOException(json + ": missing provenance file (expected beside " + file.getFileName() + ")");
        }
        FeatureNetworkProvenance p = readProvenance(Files.readString(json), json.toString());
        return fromBytes(Files.readAllBytes(file), p, file.toString());
    }

    private static FeatureNetwork fromBytes(byte[] bytes, FeatureNetworkProvenance p, String where)
            throws IOException {
        String sha = sha256(bytes);
        if (!sha.equals(p.sha256())) {
            throw new IOException(where + ": SHA-256 " + sha + " differs from " + p.sha256()
                    + " recorded in its provenance: the file was changed or replaced");
        }
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
        return new FeatureNetwork(net, p.classNames(), new long[] {p.channels(), p.height(), p.width()}, p);
    }

    /**
     * Saves the network atomically to {@code file} (a DL4J model zip) and its provenance, with
     * the file's SHA-256, to {@code <file>.json} beside it.
     *
     * @param file the model file
     * @return the provenance as written
     * @throws IOException if writing fails (nothing half-written is left)
     */
    public FeatureNetworkProvenance save(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, buffer, false);
        byte[] bytes = buffer.toByteArray();
        FeatureNetworkProvenance p = provenance.withSha256(sha256(bytes));
        AtomicFiles.write(file, out -> out.write(bytes));
        AtomicFiles.write(provenanceFile(file), out -> out.write(toJson(p).getBytes(StandardCharsets.UTF_8)));
        return p;
    }

    /** @return the provenance file that belongs to a model file: the same name with {@code .json} for its extension */
    public static Path provenanceFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    /** @return the provenance as pretty-printed JSON */
    public static String toJson(FeatureNetworkProvenance provenance) {
        return GSON.toJson(provenance) + "\n";
    }

    static FeatureNetworkProvenance readProvenance(String json, String where) throws IOException {
        try {
            FeatureNetworkProvenance p = GSON.fromJson(json, FeatureNetworkProvenance.class);
            if (p == null) {
                throw new IOException(where + ": empty provenance file");
            }
            return p;
        } catch (JsonParseException | NullPointerException | IllegalArgumentException e) {
            throw new IOException(where + ": not a feature-network provenance (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Penultimate-layer activations.
     *
     * @param images images of this network's shape
     * @return {@code [n][featureSize]}
     * @throws IllegalArgumentException if the image shape differs from the network's
     */
    public double[][] features(ImageDataset images) {
        checkShape(images);
        return rows(images, true);
    }

    /**
     * Penultimate-layer activations of images in an array {@code [n, channels, height, width]}.
     *
     * @param images the images
     * @return {@code [n][featureSize]}
     */
    public double[][] features(INDArray images) {
        return features(ImageDataset.of(images, "array"));
    }

    /**
     * Class probabilities from the softmax head.
     *
     * @param images images of this network's shape
     * @return {@code [n][numClasses]}
     */
    public double[][] probabilities(ImageDataset images) {
        checkShape(images);
        return rows(images, false);
    }

    /**
     * The most probable class of each image.
     *
     * @param images images of this network's shape
     * @return one label per image
     */
    public int[] predict(ImageDataset images) {
        double[][] p = probabilities(images);
        int[] labels = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int k = 1; k < p[i].length; k++) {
                if (p[i][k] > p[i][best]) {
                    best = k;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    /**
     * Share of labelled images whose label the head predicts.
     *
     * @param labelled images with labels, the class names of this network
     * @return accuracy in [0, 1]
     */
    public double accuracy(ImageDataset labelled) {
        if (labelled.size() == 0) {
            throw new IllegalArgumentException("labelled holds no images");
        }
        int[] predicted = predict(labelled);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labelled.label(i)) {
                right++;
            }
        }
        return right / (double) predicted.length;
    }

    private double[][] rows(ImageDataset images, boolean features) {
        double[][] out = new double[images.size()][];
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            INDArray x = images.features(from, to);
            INDArray y = features ? network.feedForwardToLayer(featureLayer, x, false).get(featureLayer + 1)
                    : network.output(x, false);
            double[][] part = y.castTo(DataType.DOUBLE).toDoubleMatrix();
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    private void checkShape(ImageDataset images) {
        Objects.requireNonNull(images, "images");
        if (!java.util.Arrays.equals(imageShapeOf(images), imageShape)) {
            throw new IllegalArgumentException("images have shape " + java.util.Arrays.toString(imageShapeOf(images))
                    + ", this feature network expects " + java.util.Arrays.toString(imageShape));
        }
    }

    private static int featureLayerIndex(MultiLayerNetwork network) {
        for (int i = 0; i < network.getnLayers(); i++) {
            if (FEATURE_LAYER_NAME.equals(network.getLayer(i).conf().getLayer().getLayerName())) {
                return i;
            }
        }
        throw new IllegalArgumentException("the network has no layer named \"" + FEATURE_LAYER_NAME
                + "\": not a feature network");
    }

    private static long[] imageShapeOf(ImageDataset images) {
        return new long[] {images.channels(), images.height(), images.width()};
    }

    /** @return the width of the feature vectors */
    public int featureSize() {
        return (int) network.getLayer(featureLayer).getParam("W").size(1);
    }

    /** @return the class names of the softmax head, index = label */
    public List<String> classNames() {
        return classNames;
    }

    /** @return the number of classes of the head */
    public int numClasses() {
        return classNames.size();
    }

    /** @return the image shape {@code [channels, height, width]} it reads */
    public long[] imageShape() {
        return imageShape.clone();
    }

    /** @return where this network came from */
    public FeatureNetworkProvenance provenance() {
        return provenance;
    }

    /**
     * The same network with another provenance (to record, say, the command that trained it).
     *
     * @param provenance the new provenance
     * @return a new instance sharing the DL4J network
     */
    public FeatureNetwork withProvenance(FeatureNetworkProvenance provenance) {
        return new FeatureNetwork(network, classNames, imageShape, Objects.requireNonNull(provenance, "provenance"));
    }

    /**
     * The layers up to the feature layer as a fixed differentiable function (a copy): features in inference mode and
     * their gradient with respect to the images, for losses that compare images by their features (the
     * {@linkplain org.gan4j.invert.Projector projector}).
     *
     * @return the frozen feature extractor
     */
    public org.gan4j.nn.FrozenNetwork frozenFeatures() {
        return org.gan4j.nn.FrozenNetwork.upTo(network, featureLayer);
    }

    /** @return the underlying DL4J network (shared, not a copy) */
    public MultiLayerNetwork network() {
        return network;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String dl4jVersion() {
        String resource = "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties";
        try (InputStream in = MultiLayerNetwork.class.getResourceAsStream(resource)) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "FeatureNetwork[%d features, %d classes, test accuracy %.4f on %s]",
                featureSize(), numClasses(), provenance.testAccuracy(), provenance.testSource());
    }
}
