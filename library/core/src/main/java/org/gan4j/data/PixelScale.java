package org.gan4j.data;

/**
 * The two scales pixel values are shown in: as stored in image files, and as the networks see them.
 * Conversion between the two lives in {@link Pixels}.
 */
public enum PixelScale {
    /** Bytes as stored in image files: {@code 0} (black) to {@code 255} (white). */
    RAW("raw bytes 0..255", 0, 256),
    /** Normalised for a tanh generator: {@code -1} (black) to {@code 1} (white), {@code x / 127.5 − 1}. */
    NORMALISED("normalised [-1, 1]", -1, 1);

    private final String description;
    private final double lower;
    private final double upper;

    PixelScale(String description, double lower, double upper) {
        this.description = description;
        this.lower = lower;
        this.upper = upper;
    }

    /** @return a short description for titles and tables, e.g. {@code "raw bytes 0..255"} */
    public String description() {
        return description;
    }

    /** @return the lower edge of the value range (inclusive) */
    public double lower() {
        return lower;
    }

    /**
     * @return the upper edge of the value range for binning: 256 for RAW (so each bin holds whole byte values),
     *         1 for NORMALISED (inclusive)
     */
    public double upper() {
        return upper;
    }

    /**
     * @param normalised a value in {@code [-1, 1]}
     * @return the value on this scale (RAW: the byte value {@link Pixels#toByte(float)})
     */
    public double convert(float normalised) {
        return this == RAW ? Pixels.toByte(normalised) : normalised;
    }
}
