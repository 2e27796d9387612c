package org.gan4j.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimatedGifTest {

    @TempDir
    Path tmp;

    private static List<BufferedImage> frames(int n, int w, int h) {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage f = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int grey = 255 * i / Math.max(1, n - 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    f.setRGB(x, y, x < w / 2 ? new Color(grey, grey, grey).getRGB() : Color.WHITE.getRGB());
                }
            }
            frames.add(f);
        }
        return frames;
    }

    @Test
    void hasEveryFrameLoopsForeverAndKeepsTheDelay() throws IOException {
        AnimatedGif gif = AnimatedGif.of(frames(5, 12, 8), 80);
        assertEquals(5, gif.frames());
        assertEquals(12, gif.width());
        assertEquals(8, gif.height());
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif.bytes()))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            for (int i = 0; i < 5; i++) {
                BufferedImage f = reader.read(i);
                assertEquals(12, f.getWidth());
                int grey = 255 * i / 4;
                assertEquals(grey, f.getRGB(0, 0) & 0xFF, "frame " + i + " keeps its grey");
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension")
                        .item(0);
                assertEquals("8", control.getAttribute("delayTime"));
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0)
                    .getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertNotNull(app, "NETSCAPE2.0 loop extension");
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertEquals("2.0", app.getAttribute("authenticationCode"));
            assertArrayEquals(new byte[]{1, 0, 0}, (byte[]) app.getUserObject(), "loop count 0 = forever");
        }
    }

    @Test
    void savesAtomicallyAndReadsBack() throws IOException {
        AnimatedGif gif = AnimatedGif.of(frames(3, 6, 6), 100);
        Path file = gif.save(tmp.resolve("sub/walk.gif"));
        assertArrayEquals(gif.bytes(), Files.readAllBytes(file));
        try (var files = Files.list(tmp.resolve("sub"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        assertTrue(gif.toString().contains("3 frames, 6x6, 100 ms/frame"), gif.toString());
        assertEquals(gif, AnimatedGif.of(frames(3, 6, 6), 100));
    }

    @Test
    void badParametersAreNamed() {
        assertMessage(() -> AnimatedGif.of(List.of(), 80), "frames must hold at least one image");
        assertMessage(() -> AnimatedGif.of(frames(2, 4, 4), 5), "delayMillis must be >= 20");
        List<BufferedImage> mixed = new ArrayList<>(frames(1, 4, 4));
        mixed.addAll(frames(1, 5, 4));
        assertMessage(() -> AnimatedGif.of(mixed, 80), "frames[1] is 5x4");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String part) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), "message '" + x.getMessage() + "' should contain '" + part + "'");
    }
}
