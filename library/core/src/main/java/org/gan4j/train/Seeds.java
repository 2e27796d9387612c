package org.gan4j.train;

import org.gan4j.random.RandomStream;

/** How the one configured seed becomes separate, independent random streams. */
final class Seeds {
    private Seeds() {
    }

    static RandomStream root(long seed) {
        return RandomStream.seeded(seed);
    }

    /** Seed of G's weight initialisation. */
    static long generatorInit(long seed) {
        return root(seed).split("init-generator").nextLong();
    }

    /** Seed of D's weight initialisation. */
    static long discriminatorInit(long seed) {
        return root(seed).split("init-discriminator").nextLong();
    }

    /** Stream of the data order (one permutation per epoch). */
    static RandomStream data(long seed) {
        return root(seed).split("data-order");
    }

    /** Stream of the latent vectors (and generator-step labels). */
    static RandomStream latent(long seed) {
        return root(seed).split("latent");
    }

    /** Stream of the regulariser (interpolation weights). */
    static RandomStream penalty(long seed) {
        return root(seed).split("penalty");
    }
}
