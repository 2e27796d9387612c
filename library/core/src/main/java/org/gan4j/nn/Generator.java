package org.gan4j.nn;

import java.util.Arrays;
import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained generator with the sampling API. Holds its own copy of the network, so later training does not change
 * it; networks handed out by {@link #network()} are copies too.
 *
 * <pre>{@code
 * INDArray xs = generator.sample(64, 42);         // 64 samples, latent seed 42
 * INDArray threes = generator.sample(3, 64, 42);  // conditional: 64 samples of class 3
 * }</pre>
 */
public final class Generator {
    private final GeneratorSpec spec;
    private final Network network;

    private Generator(GeneratorSpec spec, Network network) {
        this.spec = Checks.notNull("spec", spec);
        this.network = Checks.notNull("network", network);
    }

    /** Wraps a copy of {@code network}, which must have been built from {@code spec}. */
    public static Generator of(GeneratorSpec spec, Network network) {
        Checks.notNull("network", network);
        Checks.notNull("spec", spec);
        if (network instanceof MultiLayerModel m) {
            long nIn = m.unwrap().layerInputSize(0);
            if (nIn != spec.inputSize()) {
                throw new IllegalArgumentException("network reads " + nIn + " inputs but spec " + spec
                        + " needs latentSize + numClasses = " + spec.inputSize());
            }
        }
        return new Generator(spec, network.copy());
    }

    /** The specification the network was built from. */
    public GeneratorSpec spec() {
        return spec;
    }

    /** A copy of the network. */
    public Network network() {
        return network.copy();
    }

    /** {@code n} latent vectors {@code [n, latentSize]} drawn from N(0, 1) with the given seed. */
    public INDArray latent(int n, long seed) {
        Checks.positive("n", n);
        return RandomStream.seeded(seed).gaussian(network.dataType(), n, spec.latentSize());
    }

    /**
     * {@code n} samples from latent seed {@code seed}; a conditional generator cycles through the classes
     * (sample i has class {@code i % numClasses}).
     */
    public INDArray sample(int n, long seed) {
        INDArray z = latent(n, seed);
        int[] labels = Conditioning.cyclingLabels(n, spec.numClasses());
        return generate(z, labels);
    }

    /** {@code n} samples of class {@code label} from latent seed {@code seed} (conditional generators only). */
    public INDArray sample(int label, int n, long seed) {
        if (spec.numClasses() == 0) {
            throw new IllegalStateException("sample(label, n, seed) needs a conditional generator; this one has "
                    + "numClasses = 0: use sample(n, seed)");
        }
        if (label < 0 || label >= spec.numClasses()) {
            throw new IllegalArgumentException("label must be in [0, " + spec.numClasses() + "), got " + label);
        }
        int[] labels = new int[n];
        Arrays.fill(labels, label);
        return generate(latent(n, seed), labels);
    }

    /**
     * An image grid of {@code n} samples from latent seed {@code seed} ({@link org.gan4j.viz.ImageGrid}; pixels
     * mapped from [-1, 1] as (x+1)/2·255). A conditional generator gets one column per class.
     *
     * @throws IllegalStateException when the generator does not make images
     */
    public java.awt.image.BufferedImage grid(int n, long seed) {
        if (spec.sampleShape().length != 3) {
            throw new IllegalStateException("grid needs an image generator; this one makes samples of shape "
                    + Arrays.toString(spec.sampleShape()) + ": plot sample(n, seed) instead");
        }
        org.gan4j.viz.ImageGrid.Builder b = org.gan4j.viz.ImageGrid.builder();
        if (spec.numClasses() > 0) {
            b.columns(spec.numClasses());
        }
        return b.render(sample(n, seed));
    }

    /**
     * Generates from given latent vectors (inference mode: batch norm uses its running statistics).
     *
     * @param z      {@code [n, latentSize]}
     * @param labels one class per row, or {@code null} for an unconditional generator
     */
    public INDArray generate(INDArray z, int[] labels) {
        Checks.notNull("z", z);
        if (z.rank() != 2 || z.size(1) != spec.latentSize()) {
            throw new IllegalArgumentException("z must have shape [n, " + spec.latentSize() + "], got "
                    + Arrays.toString(z.shape()));
        }
        INDArray in = Conditioning.generatorInput(z.castTo(network.dataType()), labels, spec.numClasses());
        synchronized (network) {
            return network.output(in);
        }
    }

    /**
     * Generates from given latent vectors and given condition vectors (inference mode). The generator of a
     * conditional GAN reads {@code [z, c]}, where training always used a one-hot {@code c}; here {@code c} may be any
     * vector, for example a blend {@code (1-t)·onehot(a) + t·onehot(b)} of two classes (a "soft label"). A one-hot
     * row gives exactly what {@link #generate(INDArray, int[])} gives for that class.
     *
     * @param z          {@code [n, latentSize]}
     * @param conditions {@code [n, numClasses]}, finite values
     * @throws IllegalStateException    for an unconditional generator
     * @throws IllegalArgumentException when a shape does not fit
     */
    public INDArray generateConditioned(INDArray z, INDArray conditions) {
        if (spec.numClasses() == 0) {
            throw new IllegalStateException("generateConditioned needs a conditional generator; this one has "
                    + "numClasses = 0: use generate(z, null)");
        }
        Checks.notNull("z", z);
        Checks.notNull("conditions", conditions);
        if (z.rank() != 2 || z.size(1) != spec.latentSize()) {
            throw new IllegalArgumentException("z must have shape [n, " + spec.latentSize() + "], got "
                    + Arrays.toString(z.shape()));
        }
        if (conditions.rank() != 2 || conditions.size(0) != z.size(0) || conditions.size(1) != spec.numClasses()) {
            throw new IllegalArgumentException("conditions must have shape [" + z.size(0) + ", " + spec.numClasses()
                    + "] (one row per latent, one column per class), got " + Arrays.toString(conditions.shape()));
        }
        org.nd4j.linalg.api.buffer.DataType type = network.dataType();
        INDArray in = org.nd4j.linalg.factory.Nd4j.hstack(z.castTo(type), conditions.castTo(type));
        synchronized (network) {
            return network.output(in);
        }
    }

    /**
     * The network as a fixed differentiable function of its input {@code [z, onehot(label)]} (inference mode), for
     * inverting it ({@link org.gan4j.invert.Projector}).
     *
     * @throws IllegalStateException for a style-based generator, whose inversion goes through its style space
     */
    public FrozenNetwork frozen() {
        if (!(network instanceof MultiLayerModel model)) {
            throw new IllegalStateException("a " + spec.getClass().getSimpleName() + " is not a DL4J network: invert "
                    + "it in its style space (org.gan4j.style.StyleSpace, Projector with LatentSpace.W or W_PLUS)");
        }
        synchronized (network) {
            return FrozenNetwork.of(model.unwrap());
        }
    }

    @Override
    public String toString() {
        return "Generator[" + spec + ", parameters=" + network.numParams() + "]";
    }
}
