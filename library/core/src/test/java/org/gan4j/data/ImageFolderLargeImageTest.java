package org.gan4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images far larger than the target size: generated grey PNGs of one colour, written row by row (a few hundred KB
 * on disk, no large raster in the test's memory). The tests run with -Xmx2g (the parent POM's surefire argLine).
 */
class ImageFolderLargeImageTest {
    @TempDir
    Path tmp;

    /**
     * Writes a grey 8-bit PNG of {@code width × height} pixels, all {@code value}; with {@code rows < height} only
     * that many rows of pixel data are written (a valid header announcing a large image, truncated data).
     */
    private static void writeGreyPng(Path file, int width, int height, int value, int rows) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[width + 1];
            Arrays.fill(row, 1, row.length, (byte) value); // filter byte 0 = none
            for (int y = 0; y < rows; y++) {
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
            data.write(new byte[] {(byte) 137, 80, 78, 71, 13, 10, 26, 10});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {8, 0, 0, 0, 0}); // 8 bits, grey, deflate, adaptive filtering, no interlace
            chunk(data, "IHDR", ihdr.toByteArray());
            chunk(data, "IDAT", idat.toByteArray());
            chunk(data, "IEND", new byte[0]);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeInt(body.length);
        out.write(t);
        out.write(body);
        out.writeInt((int) crc.getValue());
    }

    /**
     * A 24 000 × 24 000 PNG at 28 × 28: decoded in full it needs 576 MB grey plus 2.3 GB as RGB, more than the 2 GB
     * heap (the loader failed before subsampling); subsampled it loads, with every pixel its one grey value.
     */
    @Test
    void aHugeImageLoadsAtATargetSizeBySubsampling() throws IOException {
        Files.createDirectories(tmp.resolve("big"));
        writeGreyPng(tmp.resolve("big/a.png"), 24_000, 24_000, 200, 24_000);
        assertTrue(Files.size(tmp.resolve("big/a.png")) < 4_000_000, "small on disk");
        ImageDataset d = ImageFolder.from(tmp).size(28, 28).channels(1).load();
        assertEquals(1, d.size());
        assertEquals(28, d.width());
        float expected = Pixels.normalise(200);
        for (float v : d.image(0)) {
            assertEquals(expected, v);
        }
    }

    /** A header announcing 45 000 × 45 000 (2 GB grey, more than the heap) without a target size: the message says heap. */
    @Test
    void anImageTooLargeForTheHeapSaysItIsTheHeap() throws IOException {
        Files.createDirectories(tmp.resolve("big"));
        writeGreyPng(tmp.resolve("big/a.png"), 45_000, 45_000, 7, 1);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(tmp));
        assertTrue(e.getMessage().contains("a.png") && e.getMessage().contains("not enough Java heap to decode this "
                + "45000 x 45000 image") && e.getMessage().contains("size(width, height)"), e.getMessage());
    }
}
