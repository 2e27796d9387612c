package org.gan4j.data;

/**
 * The one place where pixel values change scale: bytes {@code 0..255} ↔ floats in {@code [-1, 1]}.
 *
 * <p>GAN generators usually end in {@code tanh}, whose outputs lie in {@code (-1, 1)}; real images are mapped
 * into the same range, {@code x / 127.5 − 1}, so that the discriminator cannot tell real from fake by range alone
 * and the data are centred on zero. Going back for display, {@code (x + 1) / 2 · 255}, rounded and clamped to
 * {@code 0..255} (generator outputs may stray slightly outside the range).
 *
 * <p>All loaders ({@link Idx}, {@link ImageFolder}) and all rendering ({@code org.gan4j.viz}) use these methods.
 */
public final class Pixels {

    /** Smallest normalised value (byte 0). */
    public static final float MIN = -1f;
    /** Largest normalised value (byte 255). */
    public static final float MAX = 1f;

    private Pixels() {
    }

    /**
     * @param value a byte value {@code 0..255} (an unsigned byte; use {@code b & 0xFF} for Java bytes)
     * @return {@code value / 127.5 − 1}, in {@code [-1, 1]}
     */
    public static float normalise(int value) {
        return (float) (value / 127.5 - 1.0);
    }

    /**
     * @param value a normalised value, nominally in {@code [-1, 1]}; NaN is treated as −1
     * @return {@code round((value + 1) / 2 · 255)} clamped to {@code 0..255}
     */
    public static int toByte(float value) {
        if (Float.isNaN(value)) {
            return 0;
        }
        long v = Math.round((value + 1.0) / 2.0 * 255.0);
        return (int) Math.max(0, Math.min(255, v));
    }

    /**
     * @param bytes unsigned bytes (Java {@code byte} read as {@code 0..255})
     * @return a new array with {@link #normalise(int)} applied to each value
     */
    public static float[] normalise(byte[] bytes) {
        float[] out = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = normalise(bytes[i] & 0xFF);
        }
        return out;
    }

    /**
     * @param values normalised values
     * @return a new array of unsigned bytes ({@link #toByte(float)} of each value)
     */
    public static byte[] toBytes(float[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) toByte(values[i]);
        }
        return out;
    }
}
