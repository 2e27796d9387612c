package org.gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @TempDir
    Path dir;

    private static void assertFashionShape(ImageDataset ds, int perClass) {
        assertEquals(10 * perClass, ds.size());
        assertEquals(1, ds.channels());
        assertEquals(28, ds.height());
        assertEquals(28, ds.width());
        assertEquals(FashionMnist.CLASS_NAMES, ds.classNames());
        int[] expected = new int[10];
        Arrays.fill(expected, perClass);
        assertArrayEquals(expected, ds.classCounts());
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : ds.pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-1f, min);
        assertEquals(1f, max);
    }

    @Test
    void classNames() {
        assertEquals(10, FashionMnist.CLASS_NAMES.size());
        assertEquals("T-shirt/top", FashionMnist.CLASS_NAMES.get(0));
        assertEquals("Sneaker", FashionMnist.CLASS_NAMES.get(7));
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(9));
    }

    @Test
    void embeddedTrain() {
        ImageDataset train = FashionMnist.embedded(Split.TRAIN);
        assertFashionShape(train, FashionMnist.EMBEDDED_TRAIN_PER_CLASS);
        assertTrue(train.source().contains("embedded"), train.source());
        assertTrue(train.toString().contains("10000 images"), train.toString());
        // the committed subset never changes silently (datasets/README.md)
        assertEquals("118b4ab55d53fc796262232ed0931ba5b9be1c4ae332ba6974fe7423f4d8a1f0", train.fingerprint());
    }

    @Test
    void embeddedTest() {
        ImageDataset test = FashionMnist.embedded(Split.TEST);
        assertFashionShape(test, FashionMnist.EMBEDDED_TEST_PER_CLASS);
        assertTrue(test.source().contains("t10k"), test.source());
    }

    @Test
    void fullFromDebianPackageWhenInstalled() {
        assumeTrue(Files.isDirectory(Path.of(FashionMnist.DEBIAN_LOCATION)),
                "Debian package dataset-fashion-mnist not installed");
        ImageDataset test = FashionMnist.full(Split.TEST);
        assertFashionShape(test, 1000);
        // the embedded test split is the first 200 of each class of the full one, in file order
        ImageDataset embedded = FashionMnist.embedded(Split.TEST);
        for (int k = 0; k < 10; k++) {
            assertEquals(embedded.ofClass(k).fingerprint(), test.ofClass(k).take(200).fingerprint(), "class " + k);
        }
    }

    @Test
    void fullFromAFolderWithPlainFiles() throws IOException {
        byte[] pixels = new byte[3 * 28 * 28];
        pixels[5] = (byte) 255;
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxTest.imagesFile(3, 28, 28, pixels));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxTest.labelsFile(3, new byte[] {9, 0, 4}));
        ImageDataset ds = FashionMnist.full(dir, Split.TEST);
        assertEquals(3, ds.size());
        assertEquals("Ankle boot", ds.className(ds.label(0)));
        assertEquals(1f, ds.pixel(0, 0, 0, 5));
    }

    @Test
    void fullFromAFolderWithoutTheFiles() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> FashionMnist.full(dir, Split.TRAIN));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected train-images-idx3-ubyte.gz or train-images-idx3-ubyte"),
                e.getMessage());
    }

    @Test
    void fullFromAMissingFolder() {
        Path missing = dir.resolve("missing");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> FashionMnist.full(missing, Split.TRAIN));
        assertEquals(missing.toString(), e.source());
        assertTrue(e.getMessage().contains("expected a folder"), e.getMessage());
    }

    @Test
    void fullWithoutTheDebianPackageSaysHowToGetIt() {
        Path missing = dir.resolve("usr-share-datasets-fashion-mnist");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> FashionMnist.fullFromPackage(missing, Split.TRAIN));
        assertEquals(missing.toString(), e.source());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("FashionMnist.full(Path, Split)"), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }
}
