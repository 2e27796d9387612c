package org.gan4j.synth;

import java.util.Arrays;

/**
 * How well samples match a {@link GaussianRing}.
 *
 * @param samples             number of samples evaluated
 * @param modesCovered        modes that received at least {@code minSamplesPerMode} high-quality samples
 * @param highQualityFraction fraction of samples within 3σ of some mode
 * @param samplesPerMode      high-quality samples per mode
 * @param minSamplesPerMode   the coverage threshold used
 */
public record RingMetrics(int samples, int modesCovered, double highQualityFraction, int[] samplesPerMode,
                          int minSamplesPerMode) {

    /** Copies the per-mode counts. */
    public RingMetrics {
        samplesPerMode = samplesPerMode.clone();
    }

    @Override
    public int[] samplesPerMode() {
        return samplesPerMode.clone();
    }

    @Override
    public String toString() {
        return String.format("RingMetrics[modesCovered=%d/%d, highQuality=%.1f%%, samples=%d, perMode=%s]",
                modesCovered, samplesPerMode.length, 100 * highQualityFraction, samples,
                Arrays.toString(samplesPerMode));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RingMetrics m && samples == m.samples && modesCovered == m.modesCovered
                && highQualityFraction == m.highQualityFraction && minSamplesPerMode == m.minSamplesPerMode
                && Arrays.equals(samplesPerMode, m.samplesPerMode);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samplesPerMode) + Double.hashCode(highQualityFraction) + modesCovered;
    }
}
