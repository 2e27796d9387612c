package org.gan4j.nn;

/**
 * How a discriminator normalises its hidden activations.
 *
 * <p>Batch normalisation makes each sample's score depend on the other samples of its batch. That is harmless for the
 * adversarial loss, but a gradient penalty ({@code Regularizer}) is defined per sample, on {@code ∇_x D(x)} of one
 * sample alone: with batch norm the input gradient of a batch mixes the samples, and the penalty stops being the
 * penalty of the paper. WGAN-GP (Gulrajani et al. 2017, section 4) drops batch norm from the critic for this reason;
 * {@code GanConfig} refuses a regularizer together with a batch-normalised discriminator.
 */
public enum Normalization {
    /** Batch normalisation after every convolution but the first (the DCGAN recipe). Couples the samples of a batch. */
    BATCH,
    /** No normalisation: each sample's score depends on that sample alone (a WGAN-GP critic, or any penalised D). */
    NONE;

    /** Whether one sample's output depends on the other samples of its batch in training mode. */
    public boolean couplesSamples() {
        return this == BATCH;
    }
}
