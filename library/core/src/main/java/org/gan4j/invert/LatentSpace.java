package org.gan4j.invert;

/** Where a {@link Projector} searches. */
public enum LatentSpace {
    /** The generator's input z (MLP, DCGAN and conditional generators; the label stays as given). */
    Z,
    /** One style w for every layer of a style-based generator. */
    W,
    /** One style w per layer of a style-based generator ("W+"): more freedom, closer reconstructions. */
    W_PLUS
}
