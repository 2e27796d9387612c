package org.gan4j.train;

import org.gan4j.nn.Generator;

/**
 * The outcome of a training run. Immutable: the generators are copies, and the history keeps its own copy of the
 * statistics.
 *
 * @param generator    the generator as trained
 * @param emaGenerator the EMA generator, or the generator when EMA is off
 * @param history      per-step statistics (step, epoch, lossD, lossG, D(x), D(G(z)), gradient norms, images/s,
 *                     wall time); {@code history().table()} is the Tablesaw table
 * @param config       the configuration
 * @param provenance   versions, seed, data fingerprint, times
 * @param steps        generator updates done (across resumes)
 * @param stopReason   why the run ended
 * @param message      human-readable detail on the ending
 */
public record GanResult(Generator generator, Generator emaGenerator, TrainingHistory history, GanConfig config,
                        Provenance provenance, long steps, StopReason stopReason, String message) {

    /** Whether all configured steps were done. */
    public boolean completed() {
        return stopReason == StopReason.COMPLETED;
    }

    @Override
    public String toString() {
        return "GanResult[steps=" + steps + ", stopReason=" + stopReason + " (" + message + "), generator="
                + generator + ", seed=" + provenance.seed() + ", data=" + provenance.datasetSize() + " samples "
                + provenance.datasetFingerprint().substring(0, 12) + "…]";
    }
}
