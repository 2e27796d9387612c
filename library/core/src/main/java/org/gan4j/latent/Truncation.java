package org.gan4j.latent;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The truncation trick: trade variety for quality by pulling latents toward the centre of the latent distribution,
 * {@code z' = c + ψ·(z - c)}. At {@code ψ = 1} nothing changes; as {@code ψ → 0} every sample approaches the
 * generator's "average" image {@code G(c)}. Latents near the centre were seen most often in training, so their images
 * tend to be cleaner, but less varied.
 *
 * <p>Brock, Donahue, Simonyan 2018, "Large Scale GAN Training for High Fidelity Natural Image Synthesis" (BigGAN)
 * introduced truncation by resampling latent entries beyond a threshold; Karras, Laine, Aila 2019, "A Style-Based
 * Generator Architecture for Generative Adversarial Networks" (StyleGAN) shrinks toward the mean intermediate latent
 * by ψ, the form used here. For a GAN fed {@code z ~ N(0, I)} directly, the centre {@code c} is the mean latent 0,
 * so {@code z' = ψ·z}; {@link #apply(INDArray, INDArray)} takes any other centre (a mean of many latents, say).
 *
 * <pre>{@code
 * var half = Truncation.psi(0.5);
 * generator.generate(half.apply(generator.latent(16, 42)), labels)
 * }</pre>
 *
 * @param psi how much of the distance to the centre is kept, in [0, 1] (values above 1 exaggerate; allowed up to 2)
 * @see <a href="https://arxiv.org/abs/1809.11096">Brock et al. 2018 (BigGAN)</a>
 * @see <a href="https://arxiv.org/abs/1812.04948">Karras et al. 2019 (StyleGAN)</a>
 */
public record Truncation(double psi) {

    /** Largest accepted ψ: above 1 latents are pushed away from the centre (an "exaggeration"). */
    public static final double MAX_PSI = 2.0;

    /** Validates ψ. */
    public Truncation {
        if (!(psi >= 0 && psi <= MAX_PSI)) {
            throw new IllegalArgumentException("psi must be in [0, 2] (1 = no truncation, 0 = the "
                    + "mean latent), got " + psi);
        }
    }

    /**
     * @param psi how much of the distance to the centre is kept, in [0, 2]
     * @return the truncation
     */
    public static Truncation psi(double psi) {
        return new Truncation(psi);
    }

    /**
     * Shrinks toward the mean latent 0 of a standard Gaussian prior: {@code ψ·z}.
     *
     * @param z latents {@code [n, d]} (or one {@code [d]})
     * @return a new array, same shape and data type
     */
    public INDArray apply(INDArray z) {
        checkLatents(z);
        return z.mul(psi);
    }

    /**
     * Shrinks toward {@code center}: {@code center + ψ·(z - center)}.
     *
     * @param z      latents {@code [n, d]}
     * @param center the centre, one vector {@code [d]} or {@code [1, d]}
     * @return a new array, same shape and data type as {@code z}
     */
    public INDArray apply(INDArray z, INDArray center) {
        checkLatents(z);
        double[] c = Interpolation.vector("center", center);
        if (z.size(z.rank() - 1) != c.length) {
            throw new IllegalArgumentException("center must have one entry per latent dimension: expected "
                    + z.size(z.rank() - 1) + ", got " + c.length);
        }
        INDArray row = org.nd4j.linalg.factory.Nd4j.create(c).castTo(z.dataType());
        if (z.rank() == 1) {
            return z.sub(row).muli(psi).addi(row);
        }
        return z.subRowVector(row).muli(psi).addiRowVector(row);
    }

    private static void checkLatents(INDArray z) {
        java.util.Objects.requireNonNull(z, "z must not be null");
        if (z.rank() != 1 && z.rank() != 2) {
            throw new IllegalArgumentException("z must be latents [n, d] or one latent [d], got shape "
                    + java.util.Arrays.toString(z.shape()));
        }
    }

    @Override
    public String toString() {
        return "Truncation[ψ=" + psi + "]";
    }
}
