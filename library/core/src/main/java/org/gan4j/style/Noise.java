package org.gan4j.style;

/**
 * Which per-pixel noise a style-based generator gets when it synthesises: the network's {@linkplain #fixed() fixed}
 * maps (the same for every image, what {@code Generator.sample} uses), fresh {@linkplain #random(long) random} maps
 * drawn from a seed (a different map per image), or {@linkplain #none() none} (all zero: the image with its
 * stochastic detail removed).
 *
 * @param kind which noise
 * @param seed the seed of {@link Kind#RANDOM} noise (0 otherwise)
 */
public record Noise(Kind kind, long seed) {
    /** The kinds of noise. */
    public enum Kind {
        /** The network's constant maps, shared by all images. */
        FIXED,
        /** Independent maps per image and layer, drawn from a seed. */
        RANDOM,
        /** Zero maps. */
        NONE
    }

    /** Validates the arguments. */
    public Noise {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (kind != Kind.RANDOM && seed != 0) {
            throw new IllegalArgumentException("seed is only used by RANDOM noise; got " + kind + " with seed " + seed);
        }
    }

    /** The network's fixed noise maps (the default of inference). */
    public static Noise fixed() {
        return new Noise(Kind.FIXED, 0);
    }

    /** Fresh maps per image drawn from {@code seed}. */
    public static Noise random(long seed) {
        return new Noise(Kind.RANDOM, seed);
    }

    /** No noise at all. */
    public static Noise none() {
        return new Noise(Kind.NONE, 0);
    }
}
