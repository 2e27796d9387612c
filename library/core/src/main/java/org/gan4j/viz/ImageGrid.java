package org.gan4j.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.gan4j.data.ImageDataset;
import org.gan4j.data.Pixels;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lays images out in a grid and returns it as a {@link BufferedImage} (notebooks display it; nothing opens a
 * window). Input pixels are in {@code [-1, 1]} (dataset images or generator output, NCHW) and go back to bytes
 * with {@link Pixels#toByte(float)}; 1 channel is drawn grey, 3 channels RGB (other counts: the first channel,
 * grey).
 *
 * <pre>{@code
 * ImageGrid.perClass(train, 8)                                   // one labelled row per class
 * ImageGrid.of(train.take(40))                                   // 10 columns, 2x, 2 px padding
 * ImageGrid.of(generator.output(z))                              // an INDArray [n, c, h, w]
 * ImageGrid.builder().columns(8).scale(3).render(samples)        // options
 * }</pre>
 */
public final class ImageGrid {

    /** Images drawn by {@link #of(ImageDataset)} and {@link #of(INDArray)} at most, unless a limit is set. */
    public static final int DEFAULT_LIMIT = 256;

    private ImageGrid() {
    }

    /**
     * @param dataset images (the first {@value #DEFAULT_LIMIT} at most)
     * @return a grid with the default options (10 columns, 2× scale, 2 px padding)
     */
    public static BufferedImage of(ImageDataset dataset) {
        return builder().render(dataset);
    }

    /**
     * @param images an array {@code [n, c, h, w]} (or {@code [c, h, w]} / {@code [h, w]} for one image), values in
     *               {@code [-1, 1]}; the first {@value #DEFAULT_LIMIT} at most
     * @return a grid with the default options
     */
    public static BufferedImage of(INDArray images) {
        return builder().render(images);
    }

    /**
     * One row per class, labelled with the class name in a left margin, holding the first {@code k} images of
     * that class in dataset order (fewer if the class has fewer; cells stay empty).
     *
     * @param dataset the images
     * @param k       images per class
     * @return the grid
     */
    public static BufferedImage perClass(ImageDataset dataset, int k) {
        return builder().perClass(dataset, k);
    }

    /** @return options with defaults: 10 columns, scale 2, padding 2, white background, 14 px labels */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a grid; {@code render…} methods draw it. Reusable: rendering does not change the options. */
    public static final class Builder {
        private int columns = 10;
        private int scale = 2;
        private int padding = 2;
        private int limit = DEFAULT_LIMIT;
        private int fontSize = 14;
        private Color background = Color.WHITE;
        private Color labelColor = Color.BLACK;
        private List<String> rowLabels = List.of();

        private Builder() {
        }

        /**
         * @param columns images per row (≥ 1)
         * @return this
         */
        public Builder columns(int columns) {
            this.columns = positive(columns, "columns");
            return this;
        }

        /**
         * @param scale pixel upscaling: each image pixel becomes {@code scale × scale} pixels (≥ 1)
         * @return this
         */
        public Builder scale(int scale) {
            this.scale = positive(scale, "scale");
            return this;
        }

        /**
         * @param padding pixels between images and around the grid (≥ 0)
         * @return this
         */
        public Builder padding(int padding) {
            if (padding < 0) {
                throw new IllegalArgumentException("padding must be >= 0, got " + padding);
            }
            this.padding = padding;
            return this;
        }

        /**
         * @param limit most images to draw (≥ 1)
         * @return this
         */
        public Builder limit(int limit) {
            this.limit = positive(limit, "limit");
            return this;
        }

        /**
         * @param fontSize label font size in pixels
         * @return this
         */
        public Builder fontSize(int fontSize) {
            this.fontSize = positive(fontSize, "fontSize");
            return this;
        }

        /**
         * @param background colour of padding, margins and empty cells
         * @return this
         */
        public Builder background(Color background) {
            this.background = Objects.requireNonNull(background);
            return this;
        }

        /**
         * @param labelColor colour of the row labels
         * @return this
         */
        public Builder labelColor(Color labelColor) {
            this.labelColor = Objects.requireNonNull(labelColor);
            return this;
        }

        /**
         * @param labels text for each row (row 0 first), drawn in a left margin; empty = no margin
         * @return this
         */
        public Builder rowLabels(List<String> labels) {
            this.rowLabels = List.copyOf(labels);
            return this;
        }

        /**
         * @param labels text for each row, drawn in a left margin
         * @return this
         */
        public Builder rowLabels(String... labels) {
            return rowLabels(Arrays.asList(labels));
        }

        /**
         * @param dataset images, in order
         * @return the grid
         */
        public BufferedImage render(ImageDataset dataset) {
            int n = Math.min(dataset.size(), limit);
            float[] pixels = dataset.take(n).pixels();
            return draw(pixels, sequence(n), dataset.channels(), dataset.height(), dataset.width(), columns,
                    rowLabels);
        }

        /**
         * @param images {@code [n, c, h, w]}, {@code [c, h, w]} or {@code [h, w]}, values in {@code [-1, 1]}
         * @return the grid
         */
        public BufferedImage render(INDArray images) {
            long[] s = images.shape();
            long[] nchw;
            if (s.length == 4) {
                nchw = s;
            } else if (s.length == 3) {
                nchw = new long[] {1, s[0], s[1], s[2]};
            } else if (s.length == 2) {
                nchw = new long[] {1, 1, s[0], s[1]};
            } else {
                throw new IllegalArgumentException("expected images of shape [n, c, h, w], [c, h, w] or [h, w], got "
                        + Arrays.toString(s));
            }
            INDArray flat = images.castTo(DataType.FLOAT).dup('c');
            float[] all = flat.data().asFloat();
            int n = (int) Math.min(nchw[0], limit);
            int size = (int) (nchw[1] * nchw[2] * nchw[3]);
            float[] pixels = Arrays.copyOf(all, n * size);
            return draw(pixels, sequence(n), (int) nchw[1], (int) nchw[2], (int) nchw[3], columns, rowLabels);
        }

        /**
         * @param pixels   flat NCHW values in {@code [-1, 1]}
         * @param channels channels per image
         * @param height   image height
         * @param width    image width
         * @return the grid
         */
        public BufferedImage render(float[] pixels, int channels, int height, int width) {
            int size = channels * height * width;
            if (size <= 0 || pixels.length % size != 0) {
                throw new IllegalArgumentException("expected a multiple of " + channels + "x" + height + "x"
                        + width + " = " + size + " values, got " + pixels.length);
            }
            int n = Math.min(pixels.length / size, limit);
            return draw(pixels, sequence(n), channels, height, width, columns, rowLabels);
        }

        /**
         * One row per class labelled with the class name (the row labels and columns options are replaced by
         * class names and {@code k}).
         *
         * @param dataset the images
         * @param k       images per class (the first of each class in dataset order)
         * @return the grid
         */
        public BufferedImage perClass(ImageDataset dataset, int k) {
            positive(k, "k");
            int classes = dataset.numClasses();
            int[] order = new int[classes * k];
            Arrays.fill(order, -1);
            int[] filled = new int[classes];
            for (int i = 0; i < dataset.size(); i++) {
                int label = dataset.label(i);
                if (filled[label] < k) {
                    order[label * k + filled[label]++] = i;
                }
            }
            // Only the chosen images are copied out of the dataset.
            int[] chosen = Arrays.stream(order).filter(i -> i >= 0).toArray();
            float[] pixels = dataset.subset(chosen).pixels();
            int next = 0;
            for (int j = 0; j < order.length; j++) {
                if (order[j] >= 0) {
                    order[j] = next++;
                }
            }
            List<String> labels = new ArrayList<>(dataset.classNames());
            return draw(pixels, order, dataset.channels(), dataset.height(), dataset.width(), k, labels);
        }

        private BufferedImage draw(float[] pixels, int[] order, int channels, int height, int width, int cols,
                                   List<String> labels) {
            int n = order.length;
            int c = Math.max(1, Math.min(cols, Math.max(n, 1)));
            int rows = Math.max(1, (n + c - 1) / c);
            int cellW = width * scale;
            int cellH = height * scale;
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
            int margin = labels.isEmpty() ? 0 : labelMargin(font, labels);
            int imgW = margin + padding + c * (cellW + padding);
            int imgH = padding + rows * (cellH + padding);
            BufferedImage out = new BufferedImage(imgW, imgH, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setColor(background);
                g.fillRect(0, 0, imgW, imgH);
                int size = channels * height * width;
                int plane = height * width;
                boolean rgb = channels == 3;
                for (int j = 0; j < n; j++) {
                    if (order[j] < 0) {
                        continue;
                    }
                    int base = order[j] * size;
                    int x0 = margin + padding + (j % c) * (cellW + padding);
                    int y0 = padding + (j / c) * (cellH + padding);
                    for (int y = 0; y < height; y++) {
                        for (int x = 0; x < width; x++) {
                            int i = base + y * width + x;
                            int r = Pixels.toByte(pixels[i]);
                            int gr = rgb ? Pixels.toByte(pixels[i + plane]) : r;
                            int b = rgb ? Pixels.toByte(pixels[i + 2 * plane]) : r;
                            int argb = (r << 16) | (gr << 8) | b;
                            for (int dy = 0; dy < scale; dy++) {
                                for (int dx = 0; dx < scale; dx++) {
                                    out.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, argb);
                                }
                            }
                        }
                    }
                }
                if (!labels.isEmpty()) {
                    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                            RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                    g.setFont(font);
                    g.setColor(labelColor);
                    FontMetrics fm = g.getFontMetrics();
                    for (int r = 0; r < Math.min(rows, labels.size()); r++) {
                        String text = labels.get(r);
                        int yMid = padding + r * (cellH + padding) + cellH / 2;
                        int baseline = yMid + (fm.getAscent() - fm.getDescent()) / 2;
                        int x = margin - LABEL_GAP - fm.stringWidth(text);
                        g.drawString(text, Math.max(LABEL_GAP, x), baseline);
                    }
                }
            } finally {
                g.dispose();
            }
            return out;
        }

        private static int labelMargin(Font font, List<String> labels) {
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scratch.createGraphics();
            try {
                FontMetrics fm = g.getFontMetrics(font);
                int widest = labels.stream().mapToInt(fm::stringWidth).max().orElse(0);
                return widest + 2 * LABEL_GAP;
            } finally {
                g.dispose();
            }
        }

        private static int[] sequence(int n) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }

        private static int positive(int v, String name) {
            if (v < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, got " + v);
            }
            return v;
        }
    }

    /** Space between a row label and the margin edges, in pixels. */
    static final int LABEL_GAP = 6;
}
