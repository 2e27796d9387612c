package org.gan4j.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Zalando Research, MIT licence): 28×28 grey images of clothing in 10 classes — the classes a
 * conditional generator is asked for in the gan4j notebooks.
 *
 * <ul>
 *   <li>{@link #embedded(Split)}: the class-balanced subset shipped inside gan4j-core (1 000 training and 200
 *       test images per class, the first of each class in file order; see {@code datasets/README.md}). Always
 *       available, no download.</li>
 *   <li>{@link #full(Split)}: the complete set (60 000 / 10 000) from the Debian package
 *       {@code dataset-fashion-mnist}, installed under {@value #DEBIAN_LOCATION}.</li>
 *   <li>{@link #full(Path, Split)}: the complete set from any folder holding the four IDX files.</li>
 * </ul>
 *
 * <pre>{@code
 * var train = FashionMnist.embedded(Split.TRAIN);   // 10 000 images, 1x28x28, in [-1, 1]
 * }</pre>
 */
public final class FashionMnist {

    /** The ten class names, index = label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Where the Debian package {@code dataset-fashion-mnist} installs the full dataset. */
    public static final String DEBIAN_LOCATION = "/usr/share/datasets/fashion-mnist";

    /** Images per class in the embedded training split. */
    public static final int EMBEDDED_TRAIN_PER_CLASS = 1000;
    /** Images per class in the embedded test split. */
    public static final int EMBEDDED_TEST_PER_CLASS = 200;

    /** Classpath folder of the embedded subset (files as in {@code datasets/fashion-mnist-subset}). */
    static final String RESOURCE_DIR = "org/gan4j/data/fashion-mnist-subset/";

    private FashionMnist() {
    }

    /**
     * The class-balanced subset embedded in gan4j-core: 10 000 training images (1 000 per class) or 2 000 test
     * images (200 per class), the first images of each class in the order of the original files.
     *
     * @param split TRAIN or TEST
     * @return the images, 1×28×28, in {@code [-1, 1]}, with the 10 {@link #CLASS_NAMES}
     * @throws DatasetFormatException if the resources are missing from the classpath (a broken build)
     */
    public static ImageDataset embedded(Split split) {
        String images = RESOURCE_DIR + split.filePrefix() + "-images-idx3-ubyte.gz";
        String labels = RESOURCE_DIR + split.filePrefix() + "-labels-idx1-ubyte.gz";
        ClassLoader loader = FashionMnist.class.getClassLoader();
        return Idx.load("classpath:" + images, () -> loader.getResourceAsStream(images),
                "classpath:" + labels, () -> loader.getResourceAsStream(labels), CLASS_NAMES,
                "Fashion-MNIST embedded subset, " + split.name().toLowerCase() + " (classpath:" + images + ")");
    }

    /**
     * The full Fashion-MNIST from the Debian package location {@value #DEBIAN_LOCATION}.
     *
     * @param split TRAIN (60 000 images) or TEST (10 000 images)
     * @return the images, 1×28×28, in {@code [-1, 1]}
     * @throws DatasetFormatException if the package is not installed (the message says how to install it or
     *                                which method takes another folder) or a file is malformed
     */
    public static ImageDataset full(Split split) {
        return fullFromPackage(Path.of(DEBIAN_LOCATION), split);
    }

    /** {@link #full(Split)} with the package location as a parameter, for tests. */
    static ImageDataset fullFromPackage(Path dir, Split split) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetFormatException(dir.toString(), "full Fashion-MNIST not found: expected the folder of "
                    + "the Debian package dataset-fashion-mnist. Install it with "
                    + "'sudo apt-get install dataset-fashion-mnist', or pass the folder holding "
                    + "train-images-idx3-ubyte(.gz) etc. to FashionMnist.full(Path, Split), "
                    + "or use FashionMnist.embedded(Split) for the built-in subset");
        }
        return full(dir, split);
    }

    /**
     * The full Fashion-MNIST from a folder holding {@code train-images-idx3-ubyte}, {@code
     * train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each with or
     * without {@code .gz} (as published by Zalando Research or installed by Debian).
     *
     * @param dir   the folder
     * @param split TRAIN or TEST
     * @return the images, 1×28×28, in {@code [-1, 1]}
     * @throws DatasetFormatException if a file is missing or malformed
     */
    public static ImageDataset full(Path dir, Split split) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetFormatException(dir.toString(), "no such directory: expected a folder with the "
                    + "Fashion-MNIST IDX files (" + split.filePrefix() + "-images-idx3-ubyte.gz, ...)");
        }
        Path images = find(dir, split.filePrefix() + "-images-idx3-ubyte");
        Path labels = find(dir, split.filePrefix() + "-labels-idx1-ubyte");
        return Idx.load(images, labels, CLASS_NAMES);
    }

    private static Path find(Path dir, String baseName) {
        Path gz = dir.resolve(baseName + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(baseName);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new DatasetFormatException(gz.toString(), "no such file: expected " + baseName + ".gz or "
                + baseName + " in " + dir);
    }
}
