package org.gan4j.nn;

/**
 * How a conditional discriminator reads the class label.
 */
public enum LabelConditioning {
    /**
     * The one-hot label is appended to the input: as extra features for vectors, as constant channels for images
     * (Mirza &amp; Osindero 2014, "Conditional Generative Adversarial Nets").
     */
    CONCATENATION,
    /**
     * Projection (Miyato &amp; Koyama 2018, "cGANs with Projection Discriminator"): the network sees only the sample;
     * its last layer gives, from the features φ(x), the unconditional score ψ(φ(x)) and one inner product
     * ⟨e_k, φ(x)⟩ (+ a bias) per class k, and the score of (x, y) is ψ(φ(x)) + ⟨e_y, φ(x)⟩. The class embeddings
     * e_k are the rows of that last layer's weights.
     */
    PROJECTION
}
