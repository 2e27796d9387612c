package org.gan4j.invert;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.gan4j.viz.ImageGrid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What a {@link Projector} found for each target image: the latent, the generator's reconstruction from it, the
 * losses, and the loss history. Immutable: accessors return copies.
 */
public final class Projection {
    private final LatentSpace space;
    private final INDArray targets;
    private final INDArray latents;
    private final int[] labels;
    private final INDArray[] noiseMaps;
    private final INDArray reconstructions;
    private final double[] losses;
    private final double[] lossHistory;
    private final boolean interrupted;

    Projection(LatentSpace space, INDArray targets, INDArray latents, int[] labels, INDArray[] noiseMaps,
               INDArray reconstructions, double[] losses, double[] lossHistory, boolean interrupted) {
        this.space = space;
        this.targets = targets.dup();
        this.latents = latents.dup();
        this.labels = labels == null ? null : labels.clone();
        this.noiseMaps = noiseMaps == null ? null : Arrays.stream(noiseMaps).map(INDArray::dup).toArray(INDArray[]::new);
        this.reconstructions = reconstructions.dup();
        this.losses = losses.clone();
        this.lossHistory = lossHistory.clone();
        this.interrupted = interrupted;
    }

    /** The space searched. */
    public LatentSpace space() {
        return space;
    }

    /** Number of projected images. */
    public int size() {
        return (int) targets.size(0);
    }

    /** The target images {@code [n, channels, height, width]}. */
    public INDArray targets() {
        return targets.dup();
    }

    /**
     * The latents found: z {@code [n, latentSize]}, w {@code [n, styleSize]} or W+ {@code [n, styleLayers,
     * styleSize]}, by {@link #space()}.
     */
    public INDArray latents() {
        return latents.dup();
    }

    /** The class each image was projected under, or {@code null} for an unconditional projection. */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /**
     * The noise maps of the reconstructions, one {@code [n, 1, s, s]} per style layer (optimised or the generator's
     * fixed maps), or {@code null} for a z projection.
     */
    public INDArray[] noiseMaps() {
        return noiseMaps == null ? null : Arrays.stream(noiseMaps).map(INDArray::dup).toArray(INDArray[]::new);
    }

    /** The generator's images from {@link #latents()} (and {@link #noiseMaps()}), in inference mode. */
    public INDArray reconstructions() {
        return reconstructions.dup();
    }

    /** Each image's final loss: pixel and feature distance, weighted as the options said (no noise penalty). */
    public double[] losses() {
        return losses.clone();
    }

    /** Each image's mean squared pixel difference between target and reconstruction (pixels in [-1, 1]). */
    public double[] pixelErrors() {
        INDArray d = reconstructions.sub(targets);
        INDArray perImage = d.muli(d).reshape(size(), -1).mean(1);
        return perImage.toDoubleVector();
    }

    /**
     * The mean over the images of the best restart's loss (pixel and feature distance, without the noise maps'
     * penalty), per completed step.
     */
    public double[] lossHistory() {
        return lossHistory.clone();
    }

    /** The loss history as a table: columns {@code step} (1-based) and {@code loss}, for {@code Charts.lines}. */
    public tech.tablesaw.api.Table lossTable() {
        int[] steps = java.util.stream.IntStream.rangeClosed(1, lossHistory.length).toArray();
        return tech.tablesaw.api.Table.create("Projection loss",
                tech.tablesaw.api.IntColumn.create("step", steps),
                tech.tablesaw.api.DoubleColumn.create("loss", lossHistory));
    }

    /** Steps completed (fewer than asked when the projection was interrupted). */
    public int steps() {
        return lossHistory.length;
    }

    /** Whether the thread was interrupted and the projection stopped early with what it had. */
    public boolean interrupted() {
        return interrupted;
    }

    /**
     * The projection of images {@code from .. to-1} only (the loss history stays that of the whole batch).
     *
     * @throws IllegalArgumentException unless {@code 0 <= from < to <= size()}
     */
    public Projection slice(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new IllegalArgumentException("slice must satisfy 0 <= from < to <= " + size() + ", got [" + from
                    + ", " + to + ")");
        }
        INDArray[] maps = null;
        if (noiseMaps != null) {
            maps = new INDArray[noiseMaps.length];
            for (int l = 0; l < maps.length; l++) {
                maps[l] = noiseMaps[l].get(NDArrayIndex.interval(from, to));
            }
        }
        return new Projection(space, targets.get(NDArrayIndex.interval(from, to)),
                latents.get(NDArrayIndex.interval(from, to)), labels == null ? null
                : Arrays.copyOfRange(labels, from, to), maps, reconstructions.get(NDArrayIndex.interval(from, to)),
                Arrays.copyOfRange(losses, from, to), lossHistory, interrupted);
    }

    /**
     * Originals above their reconstructions: two rows of {@link #size()} images (at most 16 shown).
     *
     * @return the picture
     */
    public BufferedImage comparison() {
        int n = Math.min(16, size());
        INDArray both = Nd4j.vstack(targets.get(NDArrayIndex.interval(0, n)),
                reconstructions.get(NDArrayIndex.interval(0, n)));
        return ImageGrid.builder().columns(n).scale(2).rowLabels("original", "reconstruction").render(both);
    }

    @Override
    public String toString() {
        double meanPixel = Arrays.stream(pixelErrors()).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "Projection[%d images in %s, %d steps%s, mean loss %.4f, mean squared "
                        + "pixel error %.4f]", size(), space, steps(), interrupted ? " (interrupted)" : "",
                Arrays.stream(losses).average().orElse(Double.NaN), meanPixel);
    }
}
