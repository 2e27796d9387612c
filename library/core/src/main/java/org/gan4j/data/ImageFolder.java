package org.gan4j.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads labelled images from a folder with one sub-folder per class:
 *
 * <pre>
 * root/
 *   boots/    a.png b.jpg ...
 *   dresses/  c.png ...
 * </pre>
 *
 * Class names are the sub-folder names in sorted order (label 0 = first name). Files ending in {@code .png},
 * {@code .jpg} or {@code .jpeg} (any case) are read with {@link ImageIO}, in sorted name order; other files and
 * hidden files are skipped. Images can be resized to a target size (bilinear) and converted to 1 channel (grey,
 * luma {@code 0.299 R + 0.587 G + 0.114 B}) or 3 channels (RGB); pixels end up in {@code [-1, 1]} via
 * {@link Pixels}. Alpha is ignored.
 *
 * <pre>{@code
 * ImageDataset shoes = ImageFolder.load(Path.of("shoes"));                          // native size, auto channels
 * ImageDataset small = ImageFolder.from(Path.of("shoes")).size(28, 28).channels(1).load();
 * }</pre>
 *
 * Errors ({@link DatasetFormatException}, naming the file or folder): missing or empty root, a class folder
 * without images, an unreadable or corrupt image, images of different sizes when no target size was set, an image
 * too large for the Java heap (the message says so).
 *
 * <p>With a target size, large images are decoded subsampled (every n-th pixel, n the largest factor that keeps at
 * least the target size) and only the resized copy is kept, so loading many large photos at 64 × 64 needs little
 * heap; the bilinear resize then starts from the subsampled image.
 */
public final class ImageFolder {

    private final Path root;
    private int width;
    private int height;
    private int channels;

    private ImageFolder(Path root) {
        this.root = root;
    }

    /**
     * Starts a loader with options; finish with {@link #load()}.
     *
     * @param root the folder holding one sub-folder per class
     * @return a loader: native size, channels chosen automatically
     */
    public static ImageFolder from(Path root) {
        return new ImageFolder(root);
    }

    /**
     * Loads with default options: every image must have the same size; 1 channel if every image is grey,
     * otherwise 3.
     *
     * @param root the folder holding one sub-folder per class
     * @return the dataset
     * @throws DatasetFormatException if the folder or an image is unusable
     */
    public static ImageDataset load(Path root) {
        return from(root).load();
    }

    /**
     * Resizes every image to {@code width × height} (bilinear); images may then differ in size.
     *
     * @param width  target width in pixels
     * @param height target height in pixels
     * @return this loader
     */
    public ImageFolder size(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /**
     * Sets the channels of the result, the channels the model expects.
     *
     * @param channels 1 (grey) or 3 (RGB); 0 = automatic (1 if every image is grey, else 3)
     * @return this loader
     */
    public ImageFolder channels(int channels) {
        if (channels != 0 && channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey), 3 (RGB) or 0 (automatic), got "
                    + channels);
        }
        this.channels = channels;
        return this;
    }

    /**
     * Reads the images.
     *
     * @return the dataset, NCHW in {@code [-1, 1]}, with the folder as source
     * @throws DatasetFormatException if the folder or an image is unusable
     */
    public ImageDataset load() {
        String expectation = "expected a folder with one sub-folder per class, each holding PNG or JPEG images";
        if (!Files.exists(root)) {
            throw new DatasetFormatException(root.toString(), "no such directory: " + expectation);
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetFormatException(root.toString(), "not a directory: " + expectation);
        }
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).filter(p -> !isHidden(p)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new DatasetFormatException(root.toString(), "cannot list: " + expectation, e);
        }
        if (classDirs.isEmpty()) {
            throw new DatasetFormatException(root.toString(), "no class folders found: " + expectation);
        }

        List<String> classNames = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> fileLabels = new ArrayList<>();
        for (Path dir : classDirs) {
            List<Path> images;
            try (Stream<Path> s = Files.list(dir)) {
                images = s.filter(Files::isRegularFile).filter(p -> !isHidden(p)).filter(ImageFolder::isImageName)
                        .sorted().collect(Collectors.toList());
            } catch (IOException e) {
                throw new DatasetFormatException(dir.toString(), "cannot list class folder: expected PNG or JPEG "
                        + "images", e);
            }
            if (images.isEmpty()) {
                throw new DatasetFormatException(dir.toString(), "class folder has no images: expected at least "
                        + "one *.png, *.jpg or *.jpeg file");
            }
            int label = classNames.size();
            classNames.add(dir.getFileName().toString());
            for (Path f : images) {
                files.add(f);
                fileLabels.add(label);
            }
        }

        // First pass: decode, check sizes, decide channels.
        List<BufferedImage> decoded = new ArrayList<>(files.size());
        boolean allGrey = true;
        Path first = null;
        for (Path f : files) {
            BufferedImage img = read(f, width, height);
            if (width == 0) {
                if (first == null) {
                    first = f;
                } else {
                    BufferedImage ref = decoded.get(0);
                    if (img.getWidth() != ref.getWidth() || img.getHeight() != ref.getHeight()) {
                        throw new DatasetFormatException(f.toString(), "mixed image sizes: expected "
                                + ref.getWidth() + "x" + ref.getHeight() + " (width x height, as " + first
                                + "), found " + img.getWidth() + "x" + img.getHeight()
                                + "; set a target size with ImageFolder.from(dir).size(width, height)");
                    }
                }
            }
            allGrey &= isGrey(img);
            // with a target size, keep only the small copy: the decoded image may still be large
            decoded.add(width != 0 ? resize(toRgb(img), width, height) : img);
        }
        int c = channels != 0 ? channels : (allGrey ? 1 : 3);
        int w = width != 0 ? width : decoded.get(0).getWidth();
        int h = height != 0 ? height : decoded.get(0).getHeight();

        int size = c * h * w;
        float[] pixels = new float[decoded.size() * size];
        int[] labels = new int[decoded.size()];
        for (int i = 0; i < decoded.size(); i++) {
            BufferedImage rgb;
            try {
                rgb = width != 0 ? decoded.get(i) : toRgb(decoded.get(i));
            } catch (OutOfMemoryError e) {
                throw heapFailure(files.get(i), decoded.get(i).getWidth(), decoded.get(i).getHeight(), e);
            }
            decoded.set(i, null);
            writePixels(rgb, pixels, i * size, c, h, w);
            labels[i] = fileLabels.get(i);
        }
        return ImageDataset.create(pixels, labels, classNames, c, h, w, root.toString());
    }

    /**
     * Reads one image file (PNG or JPEG), resized to {@code width × height} (bilinear) with the given channels, as
     * a model reads it: {@code [1, channels, height, width]} in {@code [-1, 1]}. For example a photo of your own,
     * to project into a generator ({@code org.gan4j.invert.Projector}).
     *
     * @param channels 1 (grey, luma) or 3 (RGB)
     * @throws DatasetFormatException naming the file when it is missing, not an image or corrupt
     */
    public static INDArray image(Path file, int width, int height, int channels) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file.toString(), "no such file: expected a PNG or JPEG image");
        }
        BufferedImage rgb = resize(toRgb(read(file, width, height)), width, height);
        float[] pixels = new float[channels * height * width];
        writePixels(rgb, pixels, 0, channels, height, width);
        return Nd4j.create(pixels, new long[]{1, channels, height, width}, DataType.FLOAT);
    }

    /** Writes an RGB image's pixels, normalised to [-1, 1], at {@code base} (grey: luma 0.299 R + 0.587 G + 0.114 B). */
    private static void writePixels(BufferedImage rgb, float[] pixels, int base, int c, int h, int w) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb.getRGB(x, y);
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (c == 1) {
                    int luma = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                    pixels[base + y * w + x] = Pixels.normalise(Math.min(255, luma));
                } else {
                    pixels[base + y * w + x] = Pixels.normalise(r);
                    pixels[base + h * w + y * w + x] = Pixels.normalise(g);
                    pixels[base + 2 * h * w + y * w + x] = Pixels.normalise(b);
                }
            }
        }
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static boolean isImageName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    /**
     * Decodes {@code f}; with a target size, only every n-th pixel and row is decoded (source subsampling), n the
     * largest factor that still leaves at least the target size, so a 10 000 × 10 000 image loaded at 28 × 28 needs
     * kilobytes of heap instead of hundreds of megabytes.
     */
    private static BufferedImage read(Path f, int targetWidth, int targetHeight) {
        String expectation = "unreadable image: expected a valid PNG or JPEG file, found ";
        int w = -1;
        int h = -1;
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DatasetFormatException(f.toString(), expectation + "content no image reader recognises");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                w = reader.getWidth(0);
                h = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int sx = 1;
                int sy = 1;
                if (targetWidth > 0) {
                    sx = Math.max(1, w / targetWidth);
                    sy = Math.max(1, h / targetHeight);
                    param.setSourceSubsampling(sx, sy, 0, 0);
                }
                // decoded (up to 4 bytes a pixel) plus its RGB copy (4 bytes a pixel): refuse what cannot fit at all
                long needed = 8L * ((w + sx - 1) / sx) * ((h + sy - 1) / sy);
                if (needed > Runtime.getRuntime().maxMemory()) {
                    throw heapFailure(f, w, h, new OutOfMemoryError(String.format(Locale.ROOT, "about %d MB needed, "
                            + "the heap holds at most %d MB", needed >> 20, Runtime.getRuntime().maxMemory() >> 20)));
                }
                BufferedImage img = reader.read(0, param);
                if (img == null) {
                    throw new DatasetFormatException(f.toString(), expectation + "content no image reader "
                            + "recognises");
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (OutOfMemoryError e) {
            throw heapFailure(f, w, h, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetFormatException d) {
                throw d;
            }
            throw new DatasetFormatException(f.toString(), expectation + e.getMessage(), e);
        }
    }

    private static DatasetFormatException heapFailure(Path f, int w, int h, OutOfMemoryError e) {
        String size = w > 0 && h > 0 ? String.format(Locale.ROOT, "this %d x %d image (%.0f MB as RGB)", w, h,
                4.0 * w * h / (1 << 20)) : "this image";
        return new DatasetFormatException(f.toString(), "not enough Java heap to decode " + size + " (the image is "
                + "valid; the heap is full: " + e.getMessage() + "); load it at a smaller size with "
                + "ImageFolder.from(dir).size(width, height), which decodes it subsampled, or give the JVM more heap "
                + "(-Xmx)", e);
    }

    /** Grey = one colour component in a grey colour space (palette images count as colour). */
    private static boolean isGrey(BufferedImage img) {
        return !(img.getColorModel() instanceof IndexColorModel)
                && img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /**
     * Copies to TYPE_INT_RGB. Grey images are read from the raster (their stored values), because
     * {@link BufferedImage#getRGB} would apply a grey-to-sRGB gamma conversion and change the values.
     */
    private static BufferedImage toRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        if (isGrey(img)) {
            Raster raster = img.getRaster();
            int bits = raster.getSampleModel().getSampleSize(0);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = raster.getSample(x, y, 0);
                    if (bits > 8) {
                        v >>= bits - 8;
                    } else if (bits < 8) {
                        v = v * 255 / ((1 << bits) - 1);
                    }
                    out.setRGB(x, y, (v << 16) | (v << 8) | v);
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, img.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
        return out;
    }

    private static BufferedImage resize(BufferedImage rgb, int w, int h) {
        if (rgb.getWidth() == w && rgb.getHeight() == h) {
            return rgb;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(rgb, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
