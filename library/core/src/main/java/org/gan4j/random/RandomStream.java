package org.gan4j.random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small, seedable, splittable pseudo-random stream (the SplitMix64 recurrence) whose entire state is one
 * {@code long} ({@link #state()}), so it can be written to a checkpoint and restored exactly.
 *
 * <p>Not thread-safe: one stream per purpose (initialisation, data order, latent samples, …), see
 * {@link #split(String)}.
 */
public final class RandomStream {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    private RandomStream(long state) {
        this.state = state;
    }

    /** A stream seeded with {@code seed}. */
    public static RandomStream seeded(long seed) {
        return new RandomStream(mix(seed));
    }

    /** A stream restored from a previously saved {@link #state()}. */
    public static RandomStream fromState(long state) {
        return new RandomStream(state);
    }

    /** The complete state; {@code fromState(state())} continues the same sequence. */
    public long state() {
        return state;
    }

    /**
     * Puts this stream back to a previously saved {@link #state()} (e.g. to undo a training step), so that it
     * continues exactly as it did from that point.
     */
    public void restore(long state) {
        this.state = state;
    }

    /**
     * A new, independent stream derived from this stream's current state and a purpose name; does not advance this
     * stream.
     */
    public RandomStream split(String purpose) {
        return new RandomStream(mix(state ^ mix(purpose.hashCode() * GOLDEN_GAMMA + 0x632BE59BD9B4E019L)));
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Standard normal (Box–Muller; one draw consumes two uniforms, nothing is cached). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A [rows, cols] matrix of standard normals. */
    public INDArray gaussian(DataType dataType, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = nextGaussian();
        }
        return Nd4j.create(v, new long[]{rows, cols}, DataType.DOUBLE).castTo(dataType);
    }

    /** A [rows, 1] column of uniforms in [0, 1). */
    public INDArray uniformColumn(DataType dataType, int rows) {
        double[] v = new double[rows];
        for (int i = 0; i < v.length; i++) {
            v[i] = nextDouble();
        }
        return Nd4j.create(v, new long[]{rows, 1}, DataType.DOUBLE).castTo(dataType);
    }

    /** A random permutation of 0..n-1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "RandomStream[state=" + Long.toHexString(state) + "]";
    }
}
