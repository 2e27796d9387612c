package org.gan4j.eval;

import java.util.Arrays;

import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Turns one image into the judge's Tribuo features: the pixels mapped from [-1, 1] to [0, 1] (background 0) and, per
 * configured cell size, a histogram of oriented gradients (Dalal &amp; Triggs 2005, simplified): central-difference
 * gradients of the grey image, each pixel's gradient magnitude split between its two nearest of {@code bins}
 * unsigned orientation bins, summed per cell, each cell normalised by the L2 norm of its 3×3 cell neighbourhood, then
 * square-rooted. Zero-valued features are left out (Tribuo reads absent features as 0), which keeps examples sparse;
 * a constant feature (always 1) keeps a blank image from becoming an example without features, which Tribuo rejects.
 * Stateless apart from the precomputed feature names; thread-safe.
 */
final class JudgeFeatures {

    /** Name of the constant feature. */
    static final String CONSTANT = "constant";

    private final int channels;
    private final int height;
    private final int width;
    private final JudgeConfig config;
    private final String[] names;
    private final int pixelCount;

    JudgeFeatures(int channels, int height, int width, JudgeConfig config) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.config = config;
        for (int cell : config.hogCellSizes()) {
            if (cell > height || cell > width) {
                throw new IllegalArgumentException("hogCellSizes holds " + cell + ", expected cells no larger than "
                        + "the images (" + height + "x" + width + " pixels)");
            }
        }
        this.pixelCount = config.includePixels() ? channels * height * width : 0;
        String[] n = new String[featureCount()];
        n[n.length - 1] = CONSTANT;
        int k = 0;
        for (int j = 0; j < pixelCount; j++) {
            n[k++] = String.format("px%05d", j);
        }
        for (int cell : config.hogCellSizes()) {
            int gh = height / cell;
            int gw = width / cell;
            for (int cy = 0; cy < gh; cy++) {
                for (int cx = 0; cx < gw; cx++) {
                    for (int b = 0; b < config.orientationBins(); b++) {
                        n[k++] = String.format("hog%02d_%03d_%03d_%02d", cell, cy, cx, b);
                    }
                }
            }
        }
        this.names = n;
    }

    /** @return the number of distinct features */
    int featureCount() {
        int count = pixelCount + 1;
        for (int cell : config.hogCellSizes()) {
            count += (height / cell) * (width / cell) * config.orientationBins();
        }
        return count;
    }

    /**
     * @param image  {@code channels · height · width} values in CHW order, nominally in [-1, 1]
     * @param output the example's label ({@code LabelFactory.UNKNOWN_LABEL} when unknown)
     * @return the sparse Tribuo example
     */
    Example<Label> example(float[] image, Label output) {
        double[] values = values(image);
        int nonZero = 0;
        for (double v : values) {
            if (v != 0) {
                nonZero++;
            }
        }
        String[] n = new String[nonZero];
        double[] v = new double[nonZero];
        int k = 0;
        for (int j = 0; j < values.length; j++) {
            if (values[j] != 0) {
                n[k] = names[j];
                v[k++] = values[j];
            }
        }
        return new ArrayExample<>(output, n, v);
    }

    /** @return the dense feature vector of one image, in the order of the feature names */
    double[] values(float[] image) {
        int plane = height * width;
        double[] out = new double[names.length];
        out[out.length - 1] = 1.0;
        for (int j = 0; j < pixelCount; j++) {
            out[j] = Math.min(1.0, Math.max(0.0, (image[j] + 1.0) / 2.0));
        }
        if (config.hogCellSizes().length == 0) {
            return out;
        }
        double[] grey = new double[plane];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < plane; p++) {
                grey[p] += Math.min(1.0, Math.max(0.0, (image[c * plane + p] + 1.0) / 2.0)) / channels;
            }
        }
        int offset = pixelCount;
        for (int cell : config.hogCellSizes()) {
            offset = hog(grey, cell, out, offset);
        }
        return out;
    }

    private int hog(double[] grey, int cell, double[] out, int offset) {
        int bins = config.orientationBins();
        int gh = height / cell;
        int gw = width / cell;
        double[] h = new double[gh * gw * bins];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double gx = (x + 1 < width ? grey[y * width + x + 1] : 0) - (x > 0 ? grey[y * width + x - 1] : 0);
                double gy = (y + 1 < height ? grey[(y + 1) * width + x] : 0) - (y > 0 ? grey[(y - 1) * width + x] : 0);
                double magnitude = Math.sqrt(gx * gx + gy * gy);
                if (magnitude == 0) {
                    continue;
                }
                double angle = Math.atan2(gy, gx);
                if (angle < 0) {
                    angle += Math.PI;
                }
                double b = angle / Math.PI * bins - 0.5;
                int b0 = (int) Math.floor(b);
                double f = b - b0;
                int cy = Math.min(y / cell, gh - 1);
                int cx = Math.min(x / cell, gw - 1);
                int base = (cy * gw + cx) * bins;
                h[base + Math.floorMod(b0, bins)] += magnitude * (1 - f);
                h[base + Math.floorMod(b0 + 1, bins)] += magnitude * f;
            }
        }
        for (int cy = 0; cy < gh; cy++) {
            for (int cx = 0; cx < gw; cx++) {
                double sumSq = 1e-3;
                for (int yy = Math.max(0, cy - 1); yy <= Math.min(gh - 1, cy + 1); yy++) {
                    for (int xx = Math.max(0, cx - 1); xx <= Math.min(gw - 1, cx + 1); xx++) {
                        for (int k = 0; k < bins; k++) {
                            double t = h[(yy * gw + xx) * bins + k];
                            sumSq += t * t;
                        }
                    }
                }
                double norm = Math.sqrt(sumSq);
                for (int k = 0; k < bins; k++) {
                    out[offset++] = Math.sqrt(h[(cy * gw + cx) * bins + k] / norm);
                }
            }
        }
        return offset;
    }

    @Override
    public String toString() {
        return "JudgeFeatures[" + config.featureDescription() + ", " + names.length + " features for "
                + channels + "x" + height + "x" + width + " images, first " + Arrays.asList(names).subList(0,
                Math.min(2, names.length)) + "]";
    }
}
