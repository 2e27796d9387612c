package org.gan4j.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.gan4j.io.AtomicFiles;

/**
 * Reads and writes the IDX format of MNIST and Fashion-MNIST: an image file (magic number {@code 0x00000803}:
 * unsigned bytes, 3 dimensions {@code n × rows × columns}) and a label file ({@code 0x00000801}: unsigned bytes,
 * 1 dimension {@code n}), big-endian, each optionally gzip-compressed. Compression is detected from the first
 * bytes of the file (gzip magic {@code 1f 8b}), not from the file name.
 *
 * <p>Any problem with the files (missing, truncated, wrong magic number, corrupt gzip, image and label counts
 * that disagree, a label outside the class range) raises one {@link DatasetFormatException} naming the file and
 * what was expected.
 *
 * <pre>{@code
 * ImageDataset test = Idx.load(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"),
 *                              FashionMnist.CLASS_NAMES);
 * }</pre>
 */
public final class Idx {

    /** Magic number of an IDX image file: unsigned bytes ({@code 0x08}), 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX label file: unsigned bytes ({@code 0x08}), 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    /**
     * Loads an image file and its label file as a grey ({@code 1 × rows × columns}) dataset in {@code [-1, 1]}.
     *
     * @param images     IDX image file (gzip or not)
     * @param labels     IDX label file (gzip or not)
     * @param classNames class names, index = label; every label must be below {@code classNames.size()}
     * @return the dataset, with {@code images} as its source
     * @throws DatasetFormatException if a file is missing or malformed, or the files disagree
     */
    public static ImageDataset load(Path images, Path labels, List<String> classNames) {
        Objects.requireNonNull(classNames, "classNames");
        return load(images.toString(), () -> Files.newInputStream(images),
                labels.toString(), () -> Files.newInputStream(labels), classNames, images.toString());
    }

    /**
     * Loads an image file and its label file; class names are {@code "0", "1", …} up to the largest label.
     *
     * @param images IDX image file (gzip or not)
     * @param labels IDX label file (gzip or not)
     * @return the dataset
     * @throws DatasetFormatException if a file is missing or malformed, or the files disagree
     */
    public static ImageDataset load(Path images, Path labels) {
        return load(images.toString(), () -> Files.newInputStream(images),
                labels.toString(), () -> Files.newInputStream(labels), null, images.toString());
    }

    /** Opens a stream; lets callers pass files and classpath resources alike. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    static ImageDataset load(String imagesName, Opener images, String labelsName, Opener labels,
                             List<String> classNames, String source) {
        ImageArray img = readImages(imagesName, images);
        byte[] lbl = readLabels(labelsName, labels);
        if (lbl.length != img.count) {
            throw new DatasetFormatException(labelsName, "label count does not match the image file: expected "
                    + img.count + " labels (as in " + imagesName + "), found " + lbl.length);
        }
        int[] intLabels = new int[lbl.length];
        int max = -1;
        for (int i = 0; i < lbl.length; i++) {
            intLabels[i] = lbl[i] & 0xFF;
            max = Math.max(max, intLabels[i]);
        }
        List<String> names = classNames;
        if (names == null) {
            names = new ArrayList<>();
            for (int k = 0; k <= max; k++) {
                names.add(Integer.toString(k));
            }
        } else {
            for (int i = 0; i < intLabels.length; i++) {
                if (intLabels[i] >= names.size()) {
                    throw new DatasetFormatException(labelsName, "label out of range at index " + i
                            + ": expected 0.." + (names.size() - 1) + " (" + names.size() + " classes), found "
                            + intLabels[i]);
                }
            }
        }
        return ImageDataset.create(Pixels.normalise(img.pixels), intLabels, names, 1, img.rows, img.columns,
                source);
    }

    /** Raw content of an IDX image file. */
    static final class ImageArray {
        final int count;
        final int rows;
        final int columns;
        final byte[] pixels;

        ImageArray(int count, int rows, int columns, byte[] pixels) {
            this.count = count;
            this.rows = rows;
            this.columns = columns;
            this.pixels = pixels;
        }
    }

    static ImageArray readImages(String name, Opener opener) {
        byte[] data = readAll(name, opener);
        ByteBuffer buf = header(name, data, IMAGES_MAGIC, "IDX image file (unsigned bytes, 3 dimensions)");
        if (data.length < 16) {
            throw new DatasetFormatException(name, "truncated IDX header: expected 16 bytes (magic, count, rows, "
                    + "columns), found " + data.length);
        }
        int n = buf.getInt(4);
        int rows = buf.getInt(8);
        int cols = buf.getInt(12);
        if (n < 0 || rows <= 0 || cols <= 0) {
            throw new DatasetFormatException(name, "invalid IDX dimensions: expected count >= 0 and positive rows "
                    + "and columns, found " + Integer.toUnsignedString(n) + " x " + Integer.toUnsignedString(rows)
                    + " x " + Integer.toUnsignedString(cols));
        }
        long expected = 16L + (long) n * rows * cols;
        checkLength(name, data.length, expected, n + " images of " + rows + "x" + cols);
        byte[] pixels = new byte[data.length - 16];
        System.arraycopy(data, 16, pixels, 0, pixels.length);
        return new ImageArray(n, rows, cols, pixels);
    }

    static byte[] readLabels(String name, Opener opener) {
        byte[] data = readAll(name, opener);
        ByteBuffer buf = header(name, data, LABELS_MAGIC, "IDX label file (unsigned bytes, 1 dimension)");
        if (data.length < 8) {
            throw new DatasetFormatException(name, "truncated IDX header: expected 8 bytes (magic, count), found "
                    + data.length);
        }
        int n = buf.getInt(4);
        if (n < 0) {
            throw new DatasetFormatException(name, "invalid IDX label count: expected >= 0, found "
                    + Integer.toUnsignedString(n));
        }
        checkLength(name, data.length, 8L + n, n + " labels");
        byte[] labels = new byte[n];
        System.arraycopy(data, 8, labels, 0, n);
        return labels;
    }

    private static ByteBuffer header(String name, byte[] data, int magic, String what) {
        if (data.length < 4) {
            throw new DatasetFormatException(name, "truncated IDX file: expected at least a 4-byte magic number "
                    + String.format("0x%08x", magic) + " (" + what + "), found " + data.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        int found = buf.getInt(0);
        if (found != magic) {
            String hint = "";
            if (found == LABELS_MAGIC) {
                hint = "; this is a label file";
            } else if (found == IMAGES_MAGIC) {
                hint = "; this is an image file";
            } else if ((found >>> 16) != 0) {
                hint = "; not an IDX file";
            }
            throw new DatasetFormatException(name, "wrong magic number: expected " + String.format("0x%08x", magic)
                    + " (" + what + "), found " + String.format("0x%08x", found) + hint);
        }
        return buf;
    }

    private static void checkLength(String name, long found, long expected, String what) {
        if (found < expected) {
            throw new DatasetFormatException(name, "truncated IDX file: expected " + expected + " bytes (" + what
                    + "), found " + found);
        }
        if (found > expected) {
            throw new DatasetFormatException(name, "IDX file longer than its header says: expected " + expected
                    + " bytes (" + what + "), found " + found);
        }
    }

    /** Reads the whole stream, un-gzipping when it starts with the gzip magic bytes. */
    private static byte[] readAll(String name, Opener opener) {
        try (InputStream raw = opener.open()) {
            if (raw == null) {
                throw new DatasetFormatException(name, "not found: expected an IDX file (gzip or not)");
            }
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (InputStream body = gzip ? new GZIPInputStream(in, 1 << 16) : in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
                body.transferTo(out);
                return out.toByteArray();
            } catch (EOFException e) {
                throw new DatasetFormatException(name, "truncated gzip stream: expected a complete gzip file, "
                        + "found it cut short", e);
            } catch (ZipException e) {
                throw new DatasetFormatException(name, "corrupt gzip stream: expected valid gzip data, found: "
                        + e.getMessage(), e);
            }
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(name, "no such file: expected an IDX file (gzip or not)", e);
        } catch (IOException e) {
            throw new DatasetFormatException(name, "cannot read: expected a readable IDX file, found " + e, e);
        }
    }

    /**
     * Writes a grey dataset as an IDX image file and an IDX label file, gzip-compressed when the file name ends
     * in {@code .gz}. Pixels go back to bytes with {@link Pixels#toByte(float)}. Each file is written to a
     * temporary file first and then renamed, so readers never see a half-written file.
     *
     * @param dataset a dataset with 1 channel and at most 256 classes
     * @param images  the image file to write
     * @param labels  the label file to write
     * @throws IllegalArgumentException if the dataset has more than one channel or more than 256 classes
     * @throws java.io.UncheckedIOException if writing fails
     */
    public static void write(ImageDataset dataset, Path images, Path labels) {
        if (dataset.channels() != 1) {
            throw new IllegalArgumentException("IDX stores grey images: expected 1 channel, found "
                    + dataset.channels());
        }
        if (dataset.numClasses() > 256) {
            throw new IllegalArgumentException("IDX labels are bytes: expected at most 256 classes, found "
                    + dataset.numClasses());
        }
        int n = dataset.size();
        ByteBuffer head = ByteBuffer.allocate(16).putInt(IMAGES_MAGIC).putInt(n).putInt(dataset.height())
                .putInt(dataset.width());
        writeAtomically(images, head.array(), Pixels.toBytes(dataset.pixelArray()));
        byte[] lbl = new byte[n];
        for (int i = 0; i < n; i++) {
            lbl[i] = (byte) dataset.label(i);
        }
        writeAtomically(labels, ByteBuffer.allocate(8).putInt(LABELS_MAGIC).putInt(n).array(), lbl);
    }

    private static void writeAtomically(Path target, byte[] header, byte[] body) {
        try {
            AtomicFiles.write(target, file -> {
                // not closed here: AtomicFiles closes the file after syncing it; finish() completes the gzip stream
                OutputStream out = target.getFileName().toString().endsWith(".gz")
                        ? new GZIPOutputStream(file, 1 << 16) : file;
                out.write(header);
                out.write(body);
                if (out instanceof GZIPOutputStream gz) {
                    gz.finish();
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + target, e);
        }
    }
}
