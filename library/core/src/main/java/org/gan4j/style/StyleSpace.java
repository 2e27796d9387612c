package org.gan4j.style;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.gan4j.nn.Conditioning;
import org.gan4j.nn.Generator;
import org.gan4j.nn.StyleGenerator;
import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What a user does with a trained style-based generator: map latents to styles, give every synthesis layer its own
 * style, mix the styles of two sources at a crossover layer, truncate towards the average style, and synthesise with
 * chosen noise. Styles per layer are arrays {@code [n, styleLayers, styleSize]}; layer 0 is the coarsest (the
 * constant's resolution), the last the finest.
 *
 * <pre>{@code
 * StyleSpace space = StyleSpace.of(result.emaGenerator());
 * INDArray a = space.mapping(space.latent(4, 1));           // [4, styleSize]
 * INDArray b = space.mapping(space.latent(4, 2));
 * INDArray mixed = space.mix(a, b, 2);                       // coarse (layers 0, 1) from a, the rest from b
 * INDArray images = space.synthesize(space.truncate(mixed, 0.7, space.styleLayers()), Noise.fixed());
 * }</pre>
 *
 * Holds its own copy of the network; methods are safe to call from several threads.
 */
public final class StyleSpace {
    private final StyleNetwork network;
    private final StyleGenerator spec;

    private StyleSpace(StyleNetwork network) {
        this.network = network;
        this.spec = network.spec();
    }

    /**
     * The style space of {@code generator}.
     *
     * @throws IllegalArgumentException when the generator is not style-based
     */
    public static StyleSpace of(Generator generator) {
        if (generator == null) {
            throw new IllegalArgumentException("generator must not be null");
        }
        if (!(generator.spec() instanceof StyleGenerator)) {
            throw new IllegalArgumentException("a style space needs a style-based generator (StyleGenerator, e.g. "
                    + "GanConfig.styleGan); this one is " + generator.spec().getClass().getSimpleName());
        }
        return new StyleSpace((StyleNetwork) generator.network());
    }

    /** The generator's specification. */
    public StyleGenerator spec() {
        return spec;
    }

    /** Number of style layers (each takes its own w). */
    public int styleLayers() {
        return spec.styleLayers();
    }

    /** Size of w. */
    public int styleSize() {
        return spec.styleSize();
    }

    /** The side of style layer {@code layer}'s feature maps (7, 7, 14, 14, 28, 28 for 28×28 images). */
    public int layerResolution(int layer) {
        checkLayer("layer", layer, styleLayers() - 1);
        return spec.layerSize(layer);
    }

    /** {@code n} latents {@code [n, latentSize]} from N(0, 1) with the given seed (as {@code Generator.latent}). */
    public INDArray latent(int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        return RandomStream.seeded(seed).gaussian(network.dataType(), n, spec.latentSize());
    }

    /** The styles {@code w [n, styleSize]} of latents {@code z [n, latentSize]} (unconditional generator). */
    public INDArray mapping(INDArray z) {
        if (spec.numClasses() > 0) {
            throw new IllegalStateException("this generator is conditional (" + spec.numClasses() + " classes): "
                    + "use mapping(z, labels)");
        }
        checkLatent(z);
        synchronized (network) {
            return network.map(z, null);
        }
    }

    /** The styles {@code w [n, styleSize]} of latents {@code z} under classes {@code labels} (conditional generator). */
    public INDArray mapping(INDArray z, int[] labels) {
        if (spec.numClasses() == 0) {
            throw new IllegalStateException("this generator is unconditional: use mapping(z)");
        }
        checkLatent(z);
        if (labels == null || labels.length != z.size(0)) {
            throw new IllegalArgumentException("labels must have one class per latent: expected " + z.size(0)
                    + ", got " + (labels == null ? "null" : labels.length));
        }
        INDArray onehot = Nd4j.zeros(network.dataType(), labels.length, spec.numClasses());
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= spec.numClasses()) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + spec.numClasses() + "), got "
                        + labels[i]);
            }
            onehot.putScalar(i, labels[i], 1.0);
        }
        synchronized (network) {
            return network.map(z, onehot);
        }
    }

    /**
     * The styles {@code w [n, styleSize]} of {@code n} latents drawn with {@code seed}; see {@link #stylesOf}.
     */
    public INDArray sampleStyles(int n, long seed) {
        return stylesOf(latent(n, seed));
    }

    /**
     * The styles {@code w [n, styleSize]} of latents {@code z}; a conditional generator cycles through the classes
     * (style i has class {@code i % numClasses}), as {@code Generator.sample} does.
     */
    public INDArray stylesOf(INDArray z) {
        if (spec.numClasses() == 0) {
            return mapping(z);
        }
        checkLatent(z);
        return mapping(z, Conditioning.cyclingLabels((int) z.size(0), spec.numClasses()));
    }

    /** The running average of w tracked in training, {@code [1, styleSize]}: the centre of truncation. */
    public INDArray averageStyle() {
        synchronized (network) {
            return network.averageW().reshape(1, spec.styleSize());
        }
    }

    /** The same style for every layer: {@code [n, styleSize]} → {@code [n, styleLayers, styleSize]}. */
    public INDArray perLayer(INDArray w) {
        checkStyles("w", w);
        long n = w.size(0);
        INDArray ws = Nd4j.createUninitialized(w.dataType(), n, styleLayers(), styleSize());
        for (int l = 0; l < styleLayers(); l++) {
            ws.get(NDArrayIndex.all(), NDArrayIndex.point(l), NDArrayIndex.all()).assign(w);
        }
        return ws;
    }

    /**
     * Style mixing: layers {@code 0 .. crossover-1} take their style from {@code coarse}, layers
     * {@code crossover ..} from {@code fine}. Each may be {@code [n, styleSize]} or per layer.
     *
     * @param crossover in [0, styleLayers]: 0 takes everything from {@code fine}, styleLayers everything from
     *                  {@code coarse}
     * @return {@code [n, styleLayers, styleSize]}
     */
    public INDArray mix(INDArray coarse, INDArray fine, int crossover) {
        checkLayer("crossover", crossover, styleLayers());
        INDArray a = layered("coarse", coarse);
        INDArray b = layered("fine", fine);
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException("coarse and fine must hold as many styles: " + a.size(0) + " vs "
                    + b.size(0));
        }
        INDArray out = b.dup();
        if (crossover > 0) {
            out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, crossover), NDArrayIndex.all())
                    .assign(a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, crossover), NDArrayIndex.all()));
        }
        return out;
    }

    /**
     * The truncation trick in w (Karras et al. 2019): {@code w' = w̄ + ψ·(w − w̄)} for layers {@code 0 .. cutoff-1},
     * the other layers unchanged. ψ = 1 changes nothing, ψ = 0 gives the average style; values in between trade
     * variety for typicality.
     *
     * @param styles {@code [n, styleSize]} or {@code [n, styleLayers, styleSize]}
     * @param psi    in [0, 2]
     * @param cutoff in [0, styleLayers]
     * @return {@code [n, styleLayers, styleSize]}
     */
    public INDArray truncate(INDArray styles, double psi, int cutoff) {
        if (!(psi >= 0 && psi <= 2)) {
            throw new IllegalArgumentException("psi must be in [0, 2], got " + psi);
        }
        checkLayer("cutoff", cutoff, styleLayers());
        INDArray ws = layered("styles", styles).dup();
        INDArray avg = averageStyle().castTo(ws.dataType());
        for (int l = 0; l < cutoff; l++) {
            INDArray layer = ws.get(NDArrayIndex.all(), NDArrayIndex.point(l), NDArrayIndex.all());
            layer.assign(layer.subRowVector(avg).muli(psi).addiRowVector(avg));
        }
        return ws;
    }

    /**
     * Images from styles and noise (inference).
     *
     * @param styles {@code [n, styleSize]} (the same style for every layer) or {@code [n, styleLayers, styleSize]}
     * @return {@code [n, channels, size, size]} in [-1, 1]
     */
    public INDArray synthesize(INDArray styles, Noise noise) {
        INDArray ws = layered("styles", styles);
        return synthesize(ws, noiseMaps(noise, (int) ws.size(0)));
    }

    /**
     * Images from styles and given noise maps (inference), for example the maps a projector optimised.
     *
     * @param styles    {@code [n, styleSize]} or {@code [n, styleLayers, styleSize]}
     * @param noiseMaps one map {@code [n, 1, s, s]} per style layer
     * @return {@code [n, channels, size, size]} in [-1, 1]
     */
    public INDArray synthesize(INDArray styles, INDArray[] noiseMaps) {
        INDArray ws = layered("styles", styles).castTo(network.dataType());
        int n = (int) ws.size(0);
        checkNoiseMaps(noiseMaps, n);
        INDArray[] perLayer = layerRows(ws);
        INDArray[] maps = castMaps(noiseMaps);
        synchronized (network) {
            return network.synthesize(perLayer, maps);
        }
    }

    /**
     * Images from styles and noise maps, and the gradient of a loss with respect to both: the step of a projector
     * that searches the style space for a given image.
     *
     * @param styles       {@code [n, styleSize]} or {@code [n, styleLayers, styleSize]}
     * @param noiseMaps    one map {@code [n, 1, s, s]} per style layer ({@link #noiseMaps})
     * @param lossGradient maps the images {@code [n, channels, size, size]} to the loss's gradient w.r.t. them
     * @return the images and the gradients ({@code [n, styleLayers, styleSize]} and one per noise map)
     */
    public Gradient gradient(INDArray styles, INDArray[] noiseMaps, UnaryOperator<INDArray> lossGradient) {
        if (lossGradient == null) {
            throw new IllegalArgumentException("lossGradient must not be null");
        }
        INDArray ws = layered("styles", styles).castTo(network.dataType());
        int n = (int) ws.size(0);
        checkNoiseMaps(noiseMaps, n);
        INDArray[] perLayer = layerRows(ws);
        INDArray[] maps = castMaps(noiseMaps);
        StyleNetwork.SynthesisGradient g;
        synchronized (network) {
            g = network.synthesisGradient(perLayer, maps, lossGradient);
        }
        INDArray dStyles = Nd4j.createUninitialized(network.dataType(), n, styleLayers(), styleSize());
        for (int l = 0; l < perLayer.length; l++) {
            dStyles.get(NDArrayIndex.all(), NDArrayIndex.point(l), NDArrayIndex.all()).assign(g.styles()[l]);
        }
        return new Gradient(g.images(), dStyles, g.noise());
    }

    /**
     * Images of a synthesis pass and a loss's gradients with respect to its inputs.
     *
     * @param images {@code [n, channels, size, size]}
     * @param styles {@code [n, styleLayers, styleSize]}
     * @param noise  one {@code [n, 1, s, s]} per style layer
     */
    public record Gradient(INDArray images, INDArray styles, INDArray[] noise) {
    }

    /** The learned per-channel noise strengths of style layer {@code layer} (how much detail noise adds there). */
    public INDArray noiseStrength(int layer) {
        checkLayer("layer", layer, styleLayers() - 1);
        synchronized (network) {
            return network.noiseStrength(layer);
        }
    }

    /**
     * The noise maps {@code noise} gives {@code n} images: one {@code [n, 1, s, s]} per style layer, s its
     * resolution.
     */
    public INDArray[] noiseMaps(Noise noise, int n) {
        if (noise == null) {
            throw new IllegalArgumentException("noise must not be null: use Noise.fixed(), Noise.random(seed) or "
                    + "Noise.none()");
        }
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
        DataType type = network.dataType();
        INDArray[] maps = new INDArray[styleLayers()];
        switch (noise.kind()) {
            case FIXED -> {
                synchronized (network) {
                    return network.fixedNoise(n);
                }
            }
            case NONE -> {
                for (int l = 0; l < maps.length; l++) {
                    int s = spec.layerSize(l);
                    maps[l] = Nd4j.zeros(type, n, 1, s, s);
                }
            }
            case RANDOM -> {
                RandomStream rs = RandomStream.seeded(noise.seed());
                for (int l = 0; l < maps.length; l++) {
                    int s = spec.layerSize(l);
                    maps[l] = rs.gaussian(type, n, s * s).reshape(n, 1, s, s);
                }
            }
            default -> throw new IllegalStateException("unknown noise " + noise);
        }
        return maps;
    }

    /** {@code [n, styleLayers, styleSize]} as one {@code [n, styleSize]} array per layer. */
    private INDArray[] layerRows(INDArray ws) {
        INDArray[] perLayer = new INDArray[styleLayers()];
        for (int l = 0; l < perLayer.length; l++) {
            perLayer[l] = ws.get(NDArrayIndex.all(), NDArrayIndex.point(l), NDArrayIndex.all()).dup();
        }
        return perLayer;
    }

    private INDArray[] castMaps(INDArray[] noiseMaps) {
        INDArray[] maps = new INDArray[noiseMaps.length];
        for (int l = 0; l < maps.length; l++) {
            maps[l] = noiseMaps[l].castTo(network.dataType());
        }
        return maps;
    }

    private void checkNoiseMaps(INDArray[] maps, int n) {
        if (maps == null || maps.length != styleLayers()) {
            throw new IllegalArgumentException("noiseMaps must hold one map per style layer (" + styleLayers()
                    + "), got " + (maps == null ? "null" : maps.length));
        }
        for (int l = 0; l < maps.length; l++) {
            int s = spec.layerSize(l);
            if (maps[l] == null || !Arrays.equals(maps[l].shape(), new long[]{n, 1, s, s})) {
                throw new IllegalArgumentException("noiseMaps[" + l + "] must be [" + n + ", 1, " + s + ", " + s
                        + "], got " + (maps[l] == null ? "null" : Arrays.toString(maps[l].shape())));
            }
        }
    }

    private INDArray layered(String name, INDArray styles) {
        if (styles == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (styles.rank() == 2) {
            return perLayer(styles);
        }
        if (styles.rank() != 3 || styles.size(1) != styleLayers() || styles.size(2) != styleSize()) {
            throw new IllegalArgumentException(name + " must be [n, " + styleSize() + "] or [n, " + styleLayers()
                    + " layers, " + styleSize() + "], got " + Arrays.toString(styles.shape()));
        }
        return styles;
    }

    private void checkStyles(String name, INDArray w) {
        if (w == null || w.rank() != 2 || w.size(1) != styleSize()) {
            throw new IllegalArgumentException(name + " must be [n, " + styleSize() + "], got "
                    + (w == null ? "null" : Arrays.toString(w.shape())));
        }
    }

    private void checkLatent(INDArray z) {
        if (z == null || z.rank() != 2 || z.size(1) != spec.latentSize()) {
            throw new IllegalArgumentException("z must be [n, " + spec.latentSize() + "], got "
                    + (z == null ? "null" : Arrays.toString(z.shape())));
        }
    }

    private static void checkLayer(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be in [0, " + max + "], got " + value);
        }
    }

    @Override
    public String toString() {
        return "StyleSpace[" + styleLayers() + " style layers of size " + styleSize() + ", " + spec + "]";
    }
}
