package org.gan4j.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Pixels;
import org.gan4j.data.Split;
import org.junit.jupiter.api.Test;

class ImageGridTest {

    private static final int WHITE = 0xFFFFFF;

    /** n grey images of 2x2; image i, pixel (y, x) has byte value 10 i + 2 y + x; labels i % 3. */
    static ImageDataset sample(int n) {
        float[] p = new float[n * 4];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                p[i * 4 + j] = Pixels.normalise(10 * i + j);
            }
            l[i] = i % 3;
        }
        return ImageDataset.of(p, l, List.of("first", "second", "third"), 1, 2, 2, "sample");
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    private static int grey(int v) {
        return (v << 16) | (v << 8) | v;
    }

    @Test
    void defaultGridSize() {
        BufferedImage img = ImageGrid.of(sample(5)); // 5 columns used, scale 2, padding 2
        assertEquals(2 + 5 * (4 + 2), img.getWidth());
        assertEquals(2 + 4 + 2, img.getHeight());
    }

    @Test
    void pixelsLandWhereExpected() {
        BufferedImage img = ImageGrid.builder().columns(3).scale(2).padding(1).render(sample(5));
        assertEquals(1 + 3 * (4 + 1), img.getWidth());
        assertEquals(1 + 2 * (4 + 1), img.getHeight());
        // image 4: row 1, column 1 -> top-left corner at (1 + 5, 1 + 5)
        int x0 = 6;
        int y0 = 6;
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                int expected = grey(40 + 2 * y + x);
                for (int d = 0; d < 4; d++) {
                    assertEquals(expected, rgb(img, x0 + 2 * x + d % 2, y0 + 2 * y + d / 2));
                }
            }
        }
        assertEquals(WHITE, rgb(img, 0, 0));        // padding
        assertEquals(WHITE, rgb(img, 12, 8));       // empty cell (row 1, column 2)
        assertEquals(grey(0), rgb(img, 1, 1));      // image 0, pixel (0, 0)
    }

    @Test
    void ndArrayAndFloatInputMatchDatasetInput() {
        ImageDataset ds = sample(7);
        ImageGrid.Builder b = ImageGrid.builder().columns(4).scale(3);
        BufferedImage fromDataset = b.render(ds);
        BufferedImage fromArray = b.render(ds.features());
        BufferedImage fromFloats = b.render(ds.pixels(), 1, 2, 2);
        int[] expected = fromDataset.getRGB(0, 0, fromDataset.getWidth(), fromDataset.getHeight(), null, 0,
                fromDataset.getWidth());
        assertArrayEquals(expected, fromArray.getRGB(0, 0, fromArray.getWidth(), fromArray.getHeight(), null, 0,
                fromArray.getWidth()));
        assertArrayEquals(expected, fromFloats.getRGB(0, 0, fromFloats.getWidth(), fromFloats.getHeight(), null,
                0, fromFloats.getWidth()));
    }

    @Test
    void rgbImages() {
        // two 1x1 RGB images, planes R, G, B each: red, then mid-grey-blue
        float[] pixels = {1f, -1f, -1f, /* image 1 */ 0f, 0f, 1f};
        BufferedImage img = ImageGrid.builder().scale(1).padding(0).render(pixels, 3, 1, 1);
        assertEquals(2, img.getWidth());
        assertEquals(0xFF0000, rgb(img, 0, 0));
        assertEquals(0x8080FF, rgb(img, 1, 0));
    }

    @Test
    void limitCapsTheImageCount() {
        BufferedImage img = ImageGrid.builder().columns(2).limit(3).padding(0).scale(1).render(sample(10));
        assertEquals(4, img.getHeight()); // 3 images in 2 columns -> 2 rows of 2 px
    }

    @Test
    void perClassRowsAreLabelledAndHoldTheirClass() {
        ImageDataset ds = sample(5); // class 0: images 0, 3; class 1: 1, 4; class 2: 2
        int k = 2;
        BufferedImage img = ImageGrid.builder().scale(2).padding(2).perClass(ds, k);
        int cell = 4;
        int margin = img.getWidth() - (2 + k * (cell + 2));
        assertTrue(margin > 20, "a left margin for the labels, got " + margin);
        assertEquals(2 + 3 * (cell + 2), img.getHeight());

        int[][] expected = {{0, 3}, {1, 4}, {2, -1}};
        for (int r = 0; r < 3; r++) {
            int y0 = 2 + r * (cell + 2);
            for (int j = 0; j < k; j++) {
                int x0 = margin + 2 + j * (cell + 2);
                int i = expected[r][j];
                int want = i < 0 ? WHITE : grey(10 * i + 3); // pixel (1, 1) of image i
                assertEquals(want, rgb(img, x0 + 2, y0 + 2), "row " + r + " column " + j);
            }
            // some dark label pixels in the margin, inside this row's band
            int dark = 0;
            for (int y = y0; y < y0 + cell; y++) {
                for (int x = 0; x < margin; x++) {
                    if ((rgb(img, x, y) & 0xFF) < 128) {
                        dark++;
                    }
                }
            }
            assertTrue(dark > 0, "label pixels in row " + r);
        }
    }

    @Test
    void perClassOnTheEmbeddedData() {
        ImageDataset train = FashionMnist.embedded(Split.TRAIN);
        BufferedImage img = ImageGrid.perClass(train, 8);
        // 10 rows of 28x28 at scale 2 with 2 px padding
        assertEquals(2 + 10 * (56 + 2), img.getHeight());
        int margin = img.getWidth() - (2 + 8 * (56 + 2));
        assertTrue(margin > 50, "margin wide enough for 'T-shirt/top', got " + margin);
        // the first cell of row 9 is the first ankle boot
        int first = -1;
        for (int i = 0; i < train.size() && first < 0; i++) {
            if (train.label(i) == 9) {
                first = i;
            }
        }
        int y0 = 2 + 9 * 58;
        int x0 = margin + 2;
        for (int y = 0; y < 28; y += 3) {
            for (int x = 0; x < 28; x += 3) {
                assertEquals(grey(Pixels.toByte(train.pixel(first, 0, y, x))), rgb(img, x0 + 2 * x, y0 + 2 * y));
            }
        }
    }
}
