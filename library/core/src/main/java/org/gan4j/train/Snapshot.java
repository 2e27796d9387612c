package org.gan4j.train;

import java.awt.image.BufferedImage;
import org.gan4j.viz.ImageGrid;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Samples from the same fixed latent vectors at some step, so that snapshots over training are comparable.
 * Made with the EMA generator when EMA is on, else with the generator (inference mode).
 *
 * @param step    the step after which the samples were made
 * @param epoch   the epoch of that step
 * @param samples {@code [snapshotSize, …]} samples (images in [-1, 1])
 * @param labels  the class of each sample for conditional models (cycling 0…k-1), else {@code null}
 */
public record Snapshot(long step, int epoch, INDArray samples, int[] labels) {

    /** Whether the samples are images {@code [n, c, h, w]}. */
    public boolean isImages() {
        return samples.rank() == 4;
    }

    /**
     * The samples as an image grid ({@link ImageGrid}, pixels mapped from [-1, 1] as (x+1)/2·255); for a
     * conditional model with k classes the grid has k columns, so each column is one class.
     *
     * @throws IllegalStateException when the samples are not images
     */
    public BufferedImage grid() {
        if (!isImages()) {
            throw new IllegalStateException("snapshot samples are not images (shape "
                    + java.util.Arrays.toString(samples.shape()) + "); plot them instead");
        }
        ImageGrid.Builder b = ImageGrid.builder();
        if (labels != null) {
            int k = 0;
            for (int y : labels) {
                k = Math.max(k, y + 1);
            }
            b.columns(k);
        }
        return b.render(samples);
    }

    @Override
    public String toString() {
        return "Snapshot[step=" + step + ", epoch=" + epoch + ", samples=" + java.util.Arrays.toString(samples.shape())
                + "]";
    }
}
