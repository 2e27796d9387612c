package org.gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    private static final List<String> THREE = List.of("a", "b", "c");

    @TempDir
    Path dir;

    /** 4 images of 2x3 with distinct byte values, labels 0,1,2,1. */
    static byte[] pixelBytes() {
        byte[] p = new byte[4 * 6];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 11);
        }
        return p;
    }

    static byte[] imagesFile(int n, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(Idx.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols)
                .put(pixels).array();
    }

    static byte[] labelsFile(int n, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(Idx.LABELS_MAGIC).putInt(n).put(labels).array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path goodImages(String name) throws IOException {
        return file(name, imagesFile(4, 2, 3, pixelBytes()));
    }

    private Path goodLabels(String name) throws IOException {
        return file(name, labelsFile(4, new byte[] {0, 1, 2, 1}));
    }

    private static void assertMessage(DatasetFormatException e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), () -> "message should name " + file + ": " + m);
        assertEquals(file.toString(), e.source());
        assertTrue(m.contains("expected"), () -> "message should say what was expected: " + m);
        for (String part : parts) {
            assertTrue(m.contains(part), () -> "message should contain '" + part + "': " + m);
        }
    }

    @Test
    void readsPlainFiles() throws IOException {
        ImageDataset ds = Idx.load(goodImages("img"), goodLabels("lbl"), THREE);
        assertEquals(4, ds.size());
        assertEquals(1, ds.channels());
        assertEquals(2, ds.height());
        assertEquals(3, ds.width());
        assertArrayEquals(new int[] {0, 1, 2, 1}, ds.labels());
        assertArrayEquals(Pixels.normalise(pixelBytes()), ds.pixels());
        assertEquals(THREE, ds.classNames());
    }

    @Test
    void detectsGzipByContentNotByName() throws IOException {
        // gzip content under a plain name, plain content under a .gz name
        Path images = file("images.idx", gzip(imagesFile(4, 2, 3, pixelBytes())));
        Path labels = file("labels.gz", labelsFile(4, new byte[] {0, 1, 2, 1}));
        ImageDataset ds = Idx.load(images, labels, THREE);
        assertArrayEquals(Pixels.normalise(pixelBytes()), ds.pixels());
    }

    @Test
    void classNamesDefaultToLabelNumbers() throws IOException {
        ImageDataset ds = Idx.load(goodImages("img"), goodLabels("lbl"));
        assertEquals(List.of("0", "1", "2"), ds.classNames());
    }

    @Test
    void roundTripsGzipAndPlain() {
        float[] pixels = Pixels.normalise(pixelBytes());
        ImageDataset ds = ImageDataset.of(pixels, new int[] {2, 0, 1, 2}, THREE, 1, 2, 3, "synthetic");
        for (String suffix : new String[] {".gz", ""}) {
            Path images = dir.resolve("x-images" + suffix);
            Path labels = dir.resolve("x-labels" + suffix);
            Idx.write(ds, images, labels);
            ImageDataset back = Idx.load(images, labels, THREE);
            assertEquals(ds.fingerprint(), back.fingerprint(), suffix);
            assertArrayEquals(ds.pixels(), back.pixels());
            assertArrayEquals(ds.labels(), back.labels());
        }
        assertTrue(isGzip(dir.resolve("x-images.gz")));
        assertTrue(!isGzip(dir.resolve("x-images")));
    }

    private static boolean isGzip(Path p) {
        try {
            byte[] b = Files.readAllBytes(p);
            return (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wrongMagicInImageFile() throws IOException {
        Path images = file("labels-given-as-images", labelsFile(4, new byte[] {0, 1, 2, 1}));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(images, goodLabels("lbl"), THREE));
        assertMessage(e, images, "magic number", "0x00000803", "0x00000801");
    }

    @Test
    void wrongMagicInLabelFile() throws IOException {
        Path labels = file("not-idx.gz", gzip("hello, world".getBytes()));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(goodImages("img"), labels, THREE));
        assertMessage(e, labels, "magic number", "0x00000801");
    }

    @Test
    void truncatedImageData() throws IOException {
        byte[] full = imagesFile(4, 2, 3, pixelBytes());
        Path images = file("short-images", Arrays.copyOf(full, full.length - 5));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(images, goodLabels("lbl"), THREE));
        assertMessage(e, images, "truncated", "expected 40 bytes", "found 35");
    }

    @Test
    void truncatedImageHeader() throws IOException {
        Path images = file("header-only", Arrays.copyOf(imagesFile(4, 2, 3, pixelBytes()), 10));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(images, goodLabels("lbl"), THREE));
        assertMessage(e, images, "truncated", "16 bytes");
    }

    @Test
    void emptyFile() throws IOException {
        Path images = file("empty", new byte[0]);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(images, goodLabels("lbl"), THREE));
        assertMessage(e, images, "truncated");
    }

    @Test
    void truncatedLabels() throws IOException {
        Path labels = file("short-labels", Arrays.copyOf(labelsFile(4, new byte[] {0, 1, 2, 1}), 10));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(goodImages("img"), labels, THREE));
        assertMessage(e, labels, "truncated", "expected 12 bytes", "found 10");
    }

    @Test
    void truncatedGzipStream() throws IOException {
        byte[] gz = gzip(imagesFile(4, 2, 3, pixelBytes()));
        Path images = file("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(images, goodLabels("lbl"), THREE));
        assertMessage(e, images, "gzip");
    }

    @Test
    void corruptGzipStream() throws IOException {
        byte[] gz = gzip(imagesFile(4, 2, 3, pixelBytes()));
        for (int i = 12; i < gz.length - 8; i++) {
            gz[i] = (byte) 0xFF; // destroy the deflate data, keep the gzip header
        }
        Path images = file("corrupt.gz", gz);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(images, goodLabels("lbl"), THREE));
        assertMessage(e, images, "gzip");
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] full = imagesFile(4, 2, 3, pixelBytes());
        Path images = file("long-images", Arrays.copyOf(full, full.length + 3));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(images, goodLabels("lbl"), THREE));
        assertMessage(e, images, "longer", "expected 40 bytes", "found 43");
    }

    @Test
    void countMismatch() throws IOException {
        Path images = goodImages("img");
        Path labels = file("three-labels", labelsFile(3, new byte[] {0, 1, 2}));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(images, labels, THREE));
        assertMessage(e, labels, "expected 4 labels", "found 3", images.toString());
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path labels = file("bad-label", labelsFile(4, new byte[] {0, 1, 7, 1}));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(goodImages("img"), labels, THREE));
        assertMessage(e, labels, "out of range", "index 2", "expected 0..2", "found 7");
    }

    @Test
    void missingFile() {
        Path images = dir.resolve("nope-images.gz");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Idx.load(images, dir.resolve("nope-labels.gz"), THREE));
        assertMessage(e, images, "no such file");
    }

    @Test
    void zeroImagesIsValid() throws IOException {
        Path images = file("none-img", imagesFile(0, 28, 28, new byte[0]));
        Path labels = file("none-lbl", labelsFile(0, new byte[0]));
        ImageDataset ds = Idx.load(images, labels, THREE);
        assertEquals(0, ds.size());
        assertEquals(28, ds.width());
    }
}
