package org.gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path root;

    /** A grey image whose pixel (x, y) is {@code base + x + 10 y}, stored as TYPE_BYTE_GRAY. */
    static BufferedImage grey(int w, int h, int base) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, base + x + 10 * y);
            }
        }
        return img;
    }

    static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    private Path write(String relative, BufferedImage img, String format) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(img, format, file.toFile()));
        return file;
    }

    private static void assertMessage(DatasetFormatException e, Path file, String... parts) {
        String m = e.getMessage();
        assertEquals(file.toString(), e.source());
        assertTrue(m.startsWith(file.toString()), () -> "message should name " + file + ": " + m);
        assertTrue(m.contains("expected"), () -> "message should say what was expected: " + m);
        for (String part : parts) {
            assertTrue(m.contains(part), () -> "message should contain '" + part + "': " + m);
        }
    }

    @Test
    void greyPngsKeepTheirValues() throws IOException {
        write("boots/a.png", grey(4, 3, 100), "png");
        write("boots/b.png", grey(4, 3, 0), "png");
        write("alpha/c.png", grey(4, 3, 50), "png");
        Files.writeString(root.resolve("boots/notes.txt"), "not an image, skipped");
        ImageDataset ds = ImageFolder.load(root);
        assertEquals(List.of("alpha", "boots"), ds.classNames()); // sorted folder names
        assertEquals(3, ds.size());
        assertEquals(1, ds.channels());
        assertEquals(3, ds.height());
        assertEquals(4, ds.width());
        assertArrayEquals(new int[] {0, 1, 1}, ds.labels());
        assertEquals(Pixels.normalise(50), ds.pixel(0, 0, 0, 0));
        assertEquals(Pixels.normalise(100 + 3 + 20), ds.pixel(1, 0, 2, 3));
        assertEquals(Pixels.normalise(0 + 1 + 10), ds.pixel(2, 0, 1, 1));
        assertEquals(root.toString(), ds.source());
    }

    @Test
    void rgbToThreeChannelsAndToGrey() throws IOException {
        write("red/r.png", solid(2, 2, 0xFF0000), "png");
        write("mixed/m.png", solid(2, 2, 0x204080), "png");
        ImageDataset rgb = ImageFolder.load(root); // automatic: colour images -> 3 channels
        assertEquals(3, rgb.channels());
        // class 0 = "mixed", class 1 = "red"
        assertEquals(Pixels.normalise(0x20), rgb.pixel(0, 0, 1, 1));
        assertEquals(Pixels.normalise(0x40), rgb.pixel(0, 1, 1, 1));
        assertEquals(Pixels.normalise(0x80), rgb.pixel(0, 2, 1, 1));
        assertEquals(1f, rgb.pixel(1, 0, 0, 0));
        assertEquals(-1f, rgb.pixel(1, 1, 0, 0));

        ImageDataset grey = ImageFolder.from(root).channels(1).load();
        assertEquals(1, grey.channels());
        int luma = (int) Math.round(0.299 * 255);
        assertEquals(Pixels.normalise(luma), grey.pixel(1, 0, 0, 0));
    }

    @Test
    void greyToThreeChannels() throws IOException {
        write("g/a.png", grey(3, 3, 60), "png");
        ImageDataset ds = ImageFolder.from(root).channels(3).load();
        assertEquals(3, ds.channels());
        for (int c = 0; c < 3; c++) {
            assertEquals(Pixels.normalise(60 + 2 + 20), ds.pixel(0, c, 2, 2));
        }
    }

    @Test
    void resizesToTargetSize() throws IOException {
        write("a/big.png", solid(40, 30, 0x808080), "png");
        write("a/small.jpg", solid(8, 8, 0x808080), "jpg");
        ImageDataset ds = ImageFolder.from(root).size(28, 20).channels(1).load();
        assertEquals(2, ds.size());
        assertEquals(28, ds.width());
        assertEquals(20, ds.height());
        for (int i = 0; i < 2; i++) {
            for (float v : ds.image(i)) {
                assertEquals(Pixels.normalise(0x80), v, 2.5f / 127.5f, "uniform grey stays grey after resizing");
            }
        }
    }

    @Test
    void missingRoot() {
        Path missing = root.resolve("nowhere");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(missing));
        assertMessage(e, missing, "no such directory", "one sub-folder per class");
    }

    @Test
    void rootIsAFile() throws IOException {
        Path file = Files.writeString(root.resolve("file.png"), "x");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(file));
        assertMessage(e, file, "not a directory");
    }

    @Test
    void emptyRoot() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(root));
        assertMessage(e, root, "no class folders");
    }

    @Test
    void classFolderWithoutImages() throws IOException {
        write("good/a.png", grey(2, 2, 0), "png");
        Path empty = Files.createDirectories(root.resolve("hollow"));
        Files.writeString(empty.resolve("readme.txt"), "no images here");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(root));
        assertMessage(e, empty, "no images", "*.png");
    }

    @Test
    void corruptImage() throws IOException {
        write("c/a.png", grey(2, 2, 0), "png");
        Path bad = Files.write(root.resolve("c/broken.png"), new byte[] {1, 2, 3, 4, 5});
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(root));
        assertMessage(e, bad, "unreadable image", "PNG or JPEG");
    }

    @Test
    void truncatedPng() throws IOException {
        Path good = write("c/a.png", grey(20, 20, 0), "png");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(root.resolve("c/b.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(root));
        assertMessage(e, cut, "unreadable image");
    }

    @Test
    void mixedSizesWithoutTargetSize() throws IOException {
        Path first = write("a/1.png", grey(4, 4, 0), "png");
        Path odd = write("b/2.png", grey(5, 4, 0), "png");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(root));
        assertMessage(e, odd, "mixed image sizes", "expected 4x4", "found 5x4", first.toString(), ".size(");
        // with a target size they load
        assertEquals(2, ImageFolder.from(root).size(4, 4).load().size());
    }

    /** A single image of one's own: resized, converted to grey by luma, as [1, 1, h, w] in [-1, 1]; bad files named. */
    @Test
    void oneImageIsReadResizedAndConvertedToGrey() throws IOException {
        write("mine/photo.png", solid(40, 30, 0xFF0000), "png");
        org.nd4j.linalg.api.ndarray.INDArray x = ImageFolder.image(root.resolve("mine/photo.png"), 28, 28, 1);
        assertArrayEquals(new long[]{1, 1, 28, 28}, x.shape());
        // luma of pure red: round(0.299 · 255) = 76, normalised to 76 / 127.5 − 1
        assertEquals(Pixels.normalise(76), x.getFloat(0, 0, 14, 14), 1e-6);
        assertEquals(0.0, x.maxNumber().doubleValue() - x.minNumber().doubleValue(), 1e-6, "a solid image stays solid");
        DatasetFormatException missing = assertThrows(DatasetFormatException.class,
                () -> ImageFolder.image(root.resolve("mine/nothing.png"), 28, 28, 1));
        assertTrue(missing.getMessage().contains("nothing.png"), missing.getMessage());
        Files.writeString(root.resolve("mine/notes.png"), "not an image");
        DatasetFormatException corrupt = assertThrows(DatasetFormatException.class,
                () -> ImageFolder.image(root.resolve("mine/notes.png"), 28, 28, 1));
        assertTrue(corrupt.getMessage().contains("notes.png"), corrupt.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageFolder.image(root.resolve("mine/photo.png"), 28, 28, 2));
    }
}
