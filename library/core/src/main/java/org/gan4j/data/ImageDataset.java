package org.gan4j.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable set of labelled images, pixels as {@code float} in {@code [-1, 1]}, laid out NCHW (image, channel,
 * row, column), with the class names and a description of where the images came from.
 *
 * <p>Create one with a loader ({@link FashionMnist#embedded(Split)}, {@link Idx#load}, {@link ImageFolder#load})
 * or with {@link #of}. Every accessor that hands out arrays hands out copies, so a dataset never changes after
 * construction; {@link #subset(int...)}, {@link #take(int)}, {@link #ofClass(int)} and {@link #shuffled(long)}
 * return new datasets. {@link #fingerprint()} identifies the content (SHA-256) for provenance records.
 *
 * <pre>{@code
 * ImageDataset train = FashionMnist.embedded(Split.TRAIN);
 * INDArray x = train.features();        // [10000, 1, 28, 28], float, in [-1, 1]
 * INDArray y = train.labelsOneHot();    // [10000, 10]
 * }</pre>
 */
public final class ImageDataset {

    private final float[] pixels;
    private final int[] labels;
    private final List<String> classNames;
    private final int channels;
    private final int height;
    private final int width;
    private final String source;
    private volatile String fingerprint;

    private ImageDataset(float[] pixels, int[] labels, List<String> classNames, int channels, int height, int width,
                         String source) {
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = classNames;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.source = source;
    }

    /**
     * Creates a dataset from flat NCHW pixel values (copied).
     *
     * @param pixels     {@code n · channels · height · width} values, nominally in {@code [-1, 1]} (see {@link Pixels})
     * @param labels     {@code n} class indices in {@code [0, classNames.size())}
     * @param classNames names of the classes, index = label
     * @param channels   1 (grey) or 3 (RGB), or any positive count
     * @param height     image height in pixels
     * @param width      image width in pixels
     * @param source     where the images came from (shown by {@link #toString()}), e.g. a file path
     * @return the dataset
     * @throws IllegalArgumentException if the sizes disagree or a label is out of range
     */
    public static ImageDataset of(float[] pixels, int[] labels, List<String> classNames, int channels, int height,
                                  int width, String source) {
        return create(pixels.clone(), labels.clone(), classNames, channels, height, width, source);
    }

    /**
     * Wraps images held in an ND4J array, e.g. generator output, with labels.
     *
     * @param images     {@code [n, channels, height, width]} (copied, converted to float), nominally in {@code [-1, 1]}
     * @param labels     {@code n} class indices
     * @param classNames names of the classes, index = label
     * @param source     where the images came from, e.g. {@code "generator, step 2000"}
     * @return the dataset
     * @throws IllegalArgumentException if the array is not 4-dimensional or the sizes disagree
     */
    public static ImageDataset of(INDArray images, int[] labels, List<String> classNames, String source) {
        long[] s = images.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("expected images of shape [n, channels, height, width], got "
                    + Arrays.toString(s));
        }
        float[] pixels = images.castTo(DataType.FLOAT).dup('c').data().asFloat();
        return create(pixels, labels.clone(), classNames, (int) s[1], (int) s[2], (int) s[3], source);
    }

    /**
     * Wraps unlabelled images held in an ND4J array, e.g. generator output, so that grids, statistics and
     * histograms work on them as on real data. Every image gets label 0 of a single class {@code "unlabelled"}.
     *
     * @param images {@code [n, channels, height, width]} (copied, converted to float), nominally in {@code [-1, 1]}
     * @param source where the images came from
     * @return the dataset
     */
    public static ImageDataset of(INDArray images, String source) {
        return of(images, new int[(int) images.size(0)], List.of("unlabelled"), source);
    }

    /** Builds without copying the arrays: for loaders in this package that created them. */
    static ImageDataset create(float[] pixels, int[] labels, List<String> classNames, int channels, int height,
                               int width, String source) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(classNames, "classNames");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("channels, height and width must be positive, got "
                    + channels + "x" + height + "x" + width);
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " pixel values for " + labels.length
                    + " images of " + channels + "x" + height + "x" + width + ", got " + pixels.length);
        }
        List<String> names = List.copyOf(classNames);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= names.size()) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i]
                        + ", expected 0.." + (names.size() - 1) + " (" + names.size() + " classes)");
            }
        }
        return new ImageDataset(pixels, labels, names, channels, height, width,
                source == null ? "(unnamed)" : source);
    }

    /** @return the number of images */
    public int size() {
        return labels.length;
    }

    /** @return channels per image: 1 = grey, 3 = RGB */
    public int channels() {
        return channels;
    }

    /** @return image height in pixels */
    public int height() {
        return height;
    }

    /** @return image width in pixels */
    public int width() {
        return width;
    }

    /** @return values per image, {@code channels · height · width} */
    public int imageSize() {
        return channels * height * width;
    }

    /** @return the shape of {@link #features()}: {@code [n, channels, height, width]} */
    public long[] shape() {
        return new long[] {size(), channels, height, width};
    }

    /** @return the number of classes (including classes without images) */
    public int numClasses() {
        return classNames.size();
    }

    /** @return the class names, index = label (unmodifiable) */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * @param label a class index
     * @return the name of that class
     */
    public String className(int label) {
        return classNames.get(label);
    }

    /** @return where the images came from, e.g. a file path or resource name */
    public String source() {
        return source;
    }

    /**
     * @param i image index
     * @return the class index of image {@code i}
     */
    public int label(int i) {
        Objects.checkIndex(i, labels.length);
        return labels[i];
    }

    /** @return a copy of all labels */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * @param i image index
     * @return a copy of image {@code i}: {@code channels · height · width} values, CHW order, in {@code [-1, 1]}
     */
    public float[] image(int i) {
        Objects.checkIndex(i, labels.length);
        int size = imageSize();
        return Arrays.copyOfRange(pixels, i * size, (i + 1) * size);
    }

    /**
     * @param i image index
     * @param c channel
     * @param y row
     * @param x column
     * @return one pixel value in {@code [-1, 1]}
     */
    public float pixel(int i, int c, int y, int x) {
        Objects.checkIndex(i, labels.length);
        Objects.checkIndex(c, channels);
        Objects.checkIndex(y, height);
        Objects.checkIndex(x, width);
        return pixels[((i * channels + c) * height + y) * width + x];
    }

    /** @return a copy of all pixel values, NCHW order */
    public float[] pixels() {
        return pixels.clone();
    }

    /** Read access for summaries in this package, without a copy. */
    float[] pixelArray() {
        return pixels;
    }

    /** @return all images as a new float array of shape {@code [n, channels, height, width]} */
    public INDArray features() {
        return features(0, size());
    }

    /**
     * @param from first image (inclusive)
     * @param to   last image (exclusive)
     * @return images {@code from..to-1} as a new float array of shape {@code [to-from, channels, height, width]}
     */
    public INDArray features(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        int size = imageSize();
        float[] part = Arrays.copyOfRange(pixels, from * size, to * size);
        return Nd4j.create(part, new long[] {to - from, channels, height, width}, DataType.FLOAT);
    }

    /** @return the labels one-hot encoded, a new float array of shape {@code [n, numClasses]} */
    public INDArray labelsOneHot() {
        return labelsOneHot(0, size());
    }

    /**
     * @param from first image (inclusive)
     * @param to   last image (exclusive)
     * @return labels {@code from..to-1} one-hot encoded, shape {@code [to-from, numClasses]}
     */
    public INDArray labelsOneHot(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        int k = numClasses();
        float[] oneHot = new float[(to - from) * k];
        for (int i = from; i < to; i++) {
            oneHot[(i - from) * k + labels[i]] = 1f;
        }
        return Nd4j.create(oneHot, new long[] {to - from, k}, DataType.FLOAT);
    }

    /**
     * @param indices image indices, in the order wanted (repeats allowed)
     * @return a new dataset with those images
     */
    public ImageDataset subset(int... indices) {
        int size = imageSize();
        float[] p = new float[indices.length * size];
        int[] l = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            int i = Objects.checkIndex(indices[j], labels.length);
            System.arraycopy(pixels, i * size, p, j * size, size);
            l[j] = labels[i];
        }
        return new ImageDataset(p, l, classNames, channels, height, width, source);
    }

    /**
     * @param n how many images
     * @return the first {@code min(n, size())} images
     */
    public ImageDataset take(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return subset(IntStream.range(0, Math.min(n, size())).toArray());
    }

    /**
     * @param label a class index
     * @return the images of that class, in their order here
     */
    public ImageDataset ofClass(int label) {
        Objects.checkIndex(label, numClasses());
        return subset(IntStream.range(0, size()).filter(i -> labels[i] == label).toArray());
    }

    /**
     * @param seed random seed; the same seed gives the same order
     * @return the same images in a random order
     */
    public ImageDataset shuffled(long seed) {
        int[] order = IntStream.range(0, size()).toArray();
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return subset(order);
    }

    /** @return images per class, index = label (length {@link #numClasses()}) */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * A SHA-256 over shape, class names, labels and pixel values (as IEEE floats, big-endian): equal content gives
     * equal fingerprints whatever the {@link #source()}.
     *
     * @return 64 hex digits
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            fingerprint = f = computeFingerprint();
        }
        return f;
    }

    private String computeFingerprint() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
        ByteBuffer header = ByteBuffer.allocate(16).putInt(size()).putInt(channels).putInt(height).putInt(width);
        sha.update(header.array());
        for (String name : classNames) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (int label : labels) {
            if (buffer.remaining() < 4) {
                flush(sha, buffer);
            }
            buffer.putInt(label);
        }
        for (float v : pixels) {
            if (buffer.remaining() < 4) {
                flush(sha, buffer);
            }
            buffer.putFloat(v);
        }
        flush(sha, buffer);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void flush(MessageDigest sha, ByteBuffer buffer) {
        sha.update(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    /**
     * For the REPL, e.g. {@code ImageDataset[10000 images, 1x28x28, 10 classes (T-shirt/top: 1000, ...), pixels in
     * [-1, 1], source: ...]}.
     */
    @Override
    public String toString() {
        int[] counts = classCounts();
        List<String> perClass = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            perClass.add(classNames.get(k) + ": " + counts[k]);
        }
        return "ImageDataset[" + size() + " images, " + channels + "x" + height + "x" + width + " (CxHxW), "
                + numClasses() + " classes {" + String.join(", ", perClass) + "}, pixels float in [-1, 1], source: "
                + source + "]";
    }
}
