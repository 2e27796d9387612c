package org.gan4j.style;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gan4j.nn.Network;
import org.gan4j.nn.StyleGenerator;
import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The network of a {@link StyleGenerator} under the {@link Network} contract: input {@code [z, onehot(label)]} like
 * every gan4j generator, output images {@code [n, channels, size, size]} in [-1, 1].
 *
 * <p>All parameters live in one flat vector in this order: the mapping network (class embedding, then each dense
 * layer's weights and bias), the synthesis network (constant, then per style layer its convolution, noise strength,
 * bias and style affine map, then the 1×1 output convolution), and last the running average of w (a statistic, not
 * trained by gradient). Two optimiser instances share the optimiser state: one for the mapping network at the
 * learning rate times {@link StyleGenerator#mappingLearningRateMultiplier()}, one for the rest.
 *
 * <p>Randomness: in training ({@link #forward}, {@link #outputTraining}) the noise maps, the style-mixing decisions
 * and the second latent are drawn from the trainer's stream, so one seed reproduces a run. In inference
 * ({@link #output}) there is no mixing and every sample gets the same fixed noise maps (drawn once from a constant
 * seed), so the same z always gives the same image; {@link StyleSpace} chooses other noise.
 */
public final class StyleNetwork implements Network {
    static final double SLOPE = 0.2;
    /** Seed of the fixed noise maps used in inference. */
    static final long FIXED_NOISE_SEED = 7_091_733L;
    private static final String FORMAT = "gan4j-style-network-1";
    /** Rows per inference pass. */
    static final int INFERENCE_CHUNK = 256;

    private final StyleGenerator spec;
    private final IUpdater updaterConfig;
    private final DataType type;
    private final ParameterLayout layout;
    private final INDArray params;
    private final INDArray gradient;
    private final Map<String, INDArray> p;
    private final Map<String, INDArray> g;
    private final long mappingEnd;
    private final INDArray updaterState;
    private final GradientUpdater mappingUpdater;
    private final GradientUpdater synthesisUpdater;
    private final INDArray statisticsMask;
    private final List<INDArray> fixedNoise;
    private int iterations;
    private int epochs;

    /**
     * Builds and initialises the network.
     *
     * @param seed     seed of the weight initialisation
     * @param updater  the optimiser (a copy at a scaled learning rate serves the mapping network)
     * @param dataType {@link DataType#FLOAT} for training, {@link DataType#DOUBLE} for gradient checks
     */
    public StyleNetwork(StyleGenerator spec, long seed, IUpdater updater, DataType dataType) {
        this.spec = spec;
        this.updaterConfig = updater.clone();
        this.type = dataType;
        this.layout = layout(spec);
        this.params = Nd4j.zeros(dataType, layout.size());
        this.gradient = Nd4j.zeros(dataType, 1, layout.size());
        this.p = layout.views(params);
        this.g = layout.views(gradient);
        this.mappingEnd = layout.offset("const");
        initialise(RandomStream.seeded(seed));

        long n = layout.size();
        IUpdater mappingConfig = updater.clone();
        if (mappingConfig.hasLearningRate()) {
            mappingConfig.setLrAndSchedule(updater.getLearningRate(0, 0) * spec.mappingLearningRateMultiplier(),
                    null);
        }
        long mapState = mappingConfig.stateSize(mappingEnd);
        long synState = updater.stateSize(n - mappingEnd);
        if (mapState + synState > 0) {
            updaterState = Nd4j.zeros(dataType, 1, mapState + synState);
            mappingUpdater = mappingConfig.instantiate(columns(updaterState, 0, mapState), true);
            synthesisUpdater = updater.instantiate(columns(updaterState, mapState, mapState + synState), true);
        } else {
            updaterState = null;
            mappingUpdater = mappingConfig.instantiate((INDArray) null, false);
            synthesisUpdater = updater.instantiate((INDArray) null, false);
        }
        statisticsMask = Nd4j.zeros(dataType, 1, n);
        long avg = layout.offset("wAverage");
        columns(statisticsMask, avg, n).assign(1);

        RandomStream noiseStream = RandomStream.seeded(FIXED_NOISE_SEED);
        List<INDArray> fixed = new ArrayList<>();
        for (int l = 0; l < spec.styleLayers(); l++) {
            int s = spec.layerSize(l);
            fixed.add(noiseStream.gaussian(dataType, 1, s * s).reshape(1, 1, s, s));
        }
        this.fixedNoise = List.copyOf(fixed);
    }

    private static INDArray columns(INDArray row, long from, long to) {
        return row.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    private static ParameterLayout layout(StyleGenerator spec) {
        ParameterLayout l = new ParameterLayout();
        int w = spec.styleSize();
        int in = spec.latentSize();
        if (spec.numClasses() > 0) {
            l.add("embed", spec.numClasses(), w);
            in += w;
        }
        for (int i = 0; i < spec.mappingLayers(); i++) {
            l.add("map" + i + ".W", i == 0 ? in : w, w);
            l.add("map" + i + ".b", w);
        }
        int s0 = spec.layerSize(0);
        l.add("const", spec.layerWidth(0), s0, s0);
        for (int layer = 0; layer < spec.styleLayers(); layer++) {
            int c = spec.layerWidth(layer);
            if (layer > 0) {
                l.add("conv" + layer, 3, 3, spec.layerWidth(layer - 1), c);
            }
            l.add("noise" + layer, c);
            l.add("bias" + layer, c);
            l.add("style" + layer + ".A", w, 2L * c);
            l.add("style" + layer + ".c", 2L * c);
        }
        l.add("rgb", 1, 1, spec.layerWidth(spec.styleLayers() - 1), spec.channels());
        l.add("rgb.b", spec.channels());
        l.add("wAverage", w);
        return l;
    }

    /** He initialisation for layers before a leaky ReLU, unit gain for the style maps and the output. */
    private void initialise(RandomStream rs) {
        int w = spec.styleSize();
        if (spec.numClasses() > 0) {
            gaussian(rs, "embed", 1.0);
        }
        for (int i = 0; i < spec.mappingLayers(); i++) {
            gaussian(rs, "map" + i + ".W", Math.sqrt(2.0 / p.get("map" + i + ".W").size(0)));
        }
        // N(0, 1) as in StyleGAN2: a constant of ones has no spread over its pixels, which instance normalisation
        // would divide by √ε
        gaussian(rs, "const", 1.0);
        for (int layer = 0; layer < spec.styleLayers(); layer++) {
            if (layer > 0) {
                gaussian(rs, "conv" + layer, Math.sqrt(2.0 / (9.0 * spec.layerWidth(layer - 1))));
            }
            gaussian(rs, "style" + layer + ".A", Math.sqrt(1.0 / w));
            INDArray c = p.get("style" + layer + ".c");
            c.get(NDArrayIndex.interval(0, spec.layerWidth(layer))).assign(1);
        }
        gaussian(rs, "rgb", Math.sqrt(1.0 / spec.layerWidth(spec.styleLayers() - 1)));
    }

    private void gaussian(RandomStream rs, String name, double std) {
        INDArray view = p.get(name);
        view.assign(rs.gaussian(type, 1, (int) view.length()).muli(std).reshape(view.shape()));
    }

    /** Reads a network written by {@link #write} for {@code spec}. */
    public static StyleNetwork read(StyleGenerator spec, InputStream in, IUpdater updater) throws IOException {
        DataInputStream data = new DataInputStream(in);
        String format = data.readUTF();
        if (!FORMAT.equals(format)) {
            throw new IOException("not a style network: format " + format + ", expected " + FORMAT);
        }
        INDArray params = Nd4j.read(data);
        StyleNetwork net = new StyleNetwork(spec, 0, updater, params.dataType());
        if (params.length() != net.numParams()) {
            throw new IOException("the stream holds " + params.length() + " parameters, the specification " + spec
                    + " has " + net.numParams());
        }
        net.params.assign(params.reshape(net.params.shape()));
        boolean hasState = data.readBoolean();
        if (hasState != (net.updaterState != null)) {
            throw new IOException("the stream " + (hasState ? "has" : "has no") + " optimiser state, the optimiser "
                    + updater + (hasState ? " keeps none" : " needs one"));
        }
        if (hasState) {
            INDArray state = Nd4j.read(data);
            if (state.length() != net.updaterState.length()) {
                throw new IOException("the stream holds " + state.length() + " optimiser values, " + updater
                        + " needs " + net.updaterState.length());
            }
            net.updaterState.assign(state.reshape(net.updaterState.shape()));
        }
        net.iterations = data.readInt();
        net.epochs = data.readInt();
        return net;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(FORMAT);
        Nd4j.write(params, data);
        data.writeBoolean(updaterState != null);
        if (updaterState != null) {
            Nd4j.write(updaterState, data);
        }
        data.writeInt(iterations);
        data.writeInt(epochs);
        data.flush();
    }

    /** Where each named parameter block lies in the flat vector. */
    ParameterLayout layout() {
        return layout;
    }

    /** The specification. */
    public StyleGenerator spec() {
        return spec;
    }

    @Override
    public DataType dataType() {
        return type;
    }

    @Override
    public long numParams() {
        return layout.size();
    }

    @Override
    public INDArray params() {
        return params;
    }

    @Override
    public INDArray gradientView() {
        return gradient;
    }

    @Override
    public INDArray updaterState() {
        return updaterState;
    }

    @Override
    public INDArray statisticsMask() {
        return statisticsMask;
    }

    @Override
    public int iterationCount() {
        return iterations;
    }

    @Override
    public int epochCount() {
        return epochs;
    }

    @Override
    public void setCounts(int iterations, int epochs) {
        this.iterations = iterations;
        this.epochs = epochs;
    }

    @Override
    public StyleNetwork copy() {
        StyleNetwork c = new StyleNetwork(spec, 0, updaterConfig, type);
        c.params.assign(params);
        if (updaterState != null) {
            c.updaterState.assign(updaterState);
        }
        c.iterations = iterations;
        c.epochs = epochs;
        return c;
    }

    @Override
    public void update(INDArray gradient, int epoch) {
        if (gradient != this.gradient) {
            this.gradient.assign(gradient);
        }
        long n = layout.size();
        mappingUpdater.applyUpdater(columns(this.gradient, 0, mappingEnd), iterations, epoch);
        synthesisUpdater.applyUpdater(columns(this.gradient, mappingEnd, n), iterations, epoch);
        params.subi(this.gradient.reshape(n));
        iterations++;
        epochs = epoch;
    }

    // ---- forward and backward ----

    /**
     * Every intermediate array of a pass lives in this thread's workspace of this name and is reused from step to
     * step (fresh native memory per array made a training step several times slower); only outputs leave it, as
     * copies. The exception is {@link #forward}, whose intermediates {@link #backward} needs after the discriminator
     * has run: they are allocated outside workspaces and kept until then.
     */
    private static final String WORKSPACE = "gan4j-style-pass";
    private static final WorkspaceConfiguration WORKSPACE_CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.1).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP).policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE).build();

    /** The random draws of one training pass and its input: enough to recompute it exactly. */
    private record Draws(INDArray input, INDArray z2, INDArray[] keepA, INDArray[] noise) {
    }

    /** The mapping network's pass: inputs and pre-activations of every layer. */
    private record Mapping(PixelNorm.Pass latent, PixelNorm.Pass embedding, INDArray labels, INDArray[] inputs,
                           INDArray[] preActivations, INDArray w) {
    }

    /** The synthesis network's pass, per style layer. */
    private record Synthesis(INDArray[] convInputs, INDArray[] noise, INDArray[] preActivations,
                             AdaptiveInstanceNorm.Pass[] styles, INDArray rgbInput, INDArray output) {
    }

    /** A whole training pass. */
    private record Pass(Mapping mapping, Synthesis synthesis) {
    }

    /** The draws of the last {@link #forward}, for {@link #backward}. */
    private Draws lastDraws;
    /** The pass of the last {@link #forward}, until {@link #backward} uses it. */
    private Pass lastPass;

    private static MemoryWorkspace workspace() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE_CONFIG, WORKSPACE);
    }

    /**
     * Inference-mode images; large batches go through in chunks of {@value #INFERENCE_CHUNK} (a 2 000-image batch of
     * 64-map 28×28 activations would take gigabytes at once). Every image gets the fixed noise maps, so chunking does
     * not change any result.
     */
    @Override
    public INDArray output(INDArray input) {
        checkInput(input);
        return synthesize(broadcast(map(latent(input), labels(input))), fixedNoise((int) input.size(0)));
    }

    @Override
    public INDArray outputTraining(INDArray input, RandomStream randomness) {
        Draws d = draw(input, randomness);
        try (MemoryWorkspace ws = workspace()) {
            return pass(d).synthesis().output().detach();
        }
    }

    /**
     * The pass of the last {@link #forward}, kept for {@link #backward}: its arrays live outside any workspace, so
     * they stay valid while the discriminator runs in between (recomputing them cost a fifth of a training step).
     */
    @Override
    public INDArray forward(INDArray input, RandomStream randomness) {
        Draws d = draw(input, randomness);
        lastDraws = d;
        lastPass = null;
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            Pass pass = pass(d);
            INDArray wA = pass.mapping().w().get(NDArrayIndex.interval(0, input.size(0)), NDArrayIndex.all());
            INDArray average = p.get("wAverage");
            average.addi(wA.mean(0).subi(average).muli(1 - spec.averageDecay()));
            lastPass = pass;
            return pass.synthesis().output().dup();
        }
    }

    /** Draws the noise maps, mixing decisions and second latents of a training pass (outside any workspace). */
    private Draws draw(INDArray input, RandomStream randomness) {
        checkInput(input);
        if (randomness == null) {
            throw new IllegalArgumentException("a style network's training pass needs a random stream (noise and "
                    + "style mixing), got null");
        }
        try (MemoryWorkspace scope = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            int n = (int) input.size(0);
            int layers = spec.styleLayers();
            INDArray z2 = null;
            INDArray[] keepA = null;
            if (spec.mixingProbability() > 0 && layers > 1) {
                int[] crossover = new int[n];
                for (int i = 0; i < n; i++) {
                    crossover[i] = randomness.nextDouble() < spec.mixingProbability()
                            ? 1 + randomness.nextInt(layers - 1) : layers;
                }
                z2 = randomness.gaussian(type, n, spec.latentSize());
                keepA = new INDArray[layers];
                for (int l = 0; l < layers; l++) {
                    INDArray a = Nd4j.zeros(type, n, 1);
                    for (int i = 0; i < n; i++) {
                        if (l < crossover[i]) {
                            a.putScalar(i, 0, 1.0);
                        }
                    }
                    keepA[l] = a;
                }
            }
            INDArray[] noise = new INDArray[layers];
            for (int l = 0; l < layers; l++) {
                int s = spec.layerSize(l);
                noise[l] = randomness.gaussian(type, n, s * s).reshape(n, 1, s, s);
            }
            return new Draws(input.castTo(type).dup(), z2, keepA, noise);
        }
    }

    /** A training pass with the given draws (inside the caller's workspace). */
    private Pass pass(Draws d) {
        INDArray z = latent(d.input());
        INDArray labels = labels(d.input());
        int layers = spec.styleLayers();
        INDArray[] ws = new INDArray[layers];
        Mapping m;
        if (d.z2() != null) {
            int n = (int) z.size(0);
            m = mapping(Nd4j.vstack(z, d.z2()), labels == null ? null : Nd4j.vstack(labels, labels));
            INDArray wA = m.w().get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
            INDArray wB = m.w().get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all());
            for (int l = 0; l < layers; l++) {
                INDArray a = d.keepA()[l];
                ws[l] = wA.mulColumnVector(a).addi(wB.mulColumnVector(a.rsub(1.0)));
            }
        } else {
            m = mapping(z, labels);
            Arrays.fill(ws, m.w());
        }
        return new Pass(m, synthesis(ws, d.noise()));
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        if (lastDraws == null) {
            throw new IllegalStateException("backward needs a training forward pass first");
        }
        Draws d = lastDraws;
        Pass pass = lastPass;
        lastPass = null;
        int n = (int) d.input().size(0);
        try (MemoryWorkspace ws = workspace()) {
            if (pass == null) {
                pass = pass(d); // a second backward after one forward: recompute the pass from its draws
            }
            INDArray[] perLayer = synthesisBackward(pass.synthesis(), outputGradient, null);
            INDArray dwA = Nd4j.zeros(type, n, spec.styleSize());
            INDArray dwB = d.keepA() == null ? null : Nd4j.zeros(type, n, spec.styleSize());
            for (int l = perLayer.length - 1; l >= 0; l--) {
                if (dwB == null) {
                    dwA.addi(perLayer[l]);
                } else {
                    INDArray a = d.keepA()[l];
                    dwA.addi(perLayer[l].mulColumnVector(a));
                    dwB.addi(perLayer[l].mulColumnVector(a.rsub(1.0)));
                }
            }
            INDArray dw = dwB == null ? dwA : Nd4j.vstack(dwA, dwB);
            INDArray dInput = mappingBackward(pass.mapping(), dw);
            return dInput.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).detach();
        }
    }

    /**
     * Back-propagates {@code outputGradient} through a synthesis pass: zeroes the parameter gradient and writes the
     * synthesis part of it, and returns the gradient w.r.t. each style layer's w ({@code [n, styleSize]} each).
     *
     * @param noiseGradients when not null, receives the gradient w.r.t. each layer's noise map
     */
    private INDArray[] synthesisBackward(Synthesis s, INDArray outputGradient, INDArray[] noiseGradients) {
        gradient.assign(0);
        int layers = spec.styleLayers();
        INDArray[] dws = new INDArray[layers];
        INDArray dPre = outputGradient.castTo(type).mul(s.output().mul(s.output()).rsubi(1.0));
        g.get("rgb.b").assign(dPre.sum(0, 2, 3));
        INDArray dx = SameConvolution.backward(s.rgbInput(), p.get("rgb"), dPre, g.get("rgb"));
        for (int l = layers - 1; l >= 0; l--) {
            INDArray[] back = AdaptiveInstanceNorm.backward(s.styles()[l], dx, p.get("style" + l + ".A"),
                    g.get("style" + l + ".A"), g.get("style" + l + ".c"));
            dws[l] = back[1];
            dx = back[0].muli(leakyDerivative(s.preActivations()[l]));
            g.get("bias" + l).assign(dx.sum(0, 2, 3));
            NoiseInjection.backward(s.noise()[l], dx, g.get("noise" + l));
            if (noiseGradients != null) {
                noiseGradients[l] = NoiseInjection.noiseGradient(dx, p.get("noise" + l));
            }
            if (l > 0) {
                dx = SameConvolution.backward(s.convInputs()[l], p.get("conv" + l), dx, g.get("conv" + l));
                if (l % 2 == 0) {
                    dx = NearestUpsampling.backward(dx);
                }
            } else {
                g.get("const").assign(dx.sum(0));
            }
        }
        return dws;
    }

    /**
     * Inference-mode images from per-layer styles and noise maps, and the gradient of a loss with respect to both
     * (the projector's step). {@code lossGradient} maps the images to {@code dLoss/dImages}.
     *
     * @return the images, the style gradients {@code [n, styleSize]} per layer and the noise-map gradients
     */
    SynthesisGradient synthesisGradient(INDArray[] ws, INDArray[] noise,
                                        java.util.function.UnaryOperator<INDArray> lossGradient) {
        try (MemoryWorkspace scope = workspace()) {
            Synthesis s = synthesis(ws, noise);
            INDArray images = s.output().detach();
            INDArray dImages = lossGradient.apply(images);
            INDArray[] dNoise = new INDArray[noise.length];
            INDArray[] dws = synthesisBackward(s, dImages, dNoise);
            for (int l = 0; l < dws.length; l++) {
                dws[l] = dws[l].detach();
                dNoise[l] = dNoise[l].detach();
            }
            return new SynthesisGradient(images, dws, dNoise);
        }
    }

    /** Images of a synthesis pass with the gradients of a loss w.r.t. its styles and noise maps. */
    record SynthesisGradient(INDArray images, INDArray[] styles, INDArray[] noise) {
    }

    // ---- the two halves, also used by StyleSpace ----

    /** The inference-mode style {@code w [n, styleSize]} of latents {@code z} with one-hot {@code labels} (or null). */
    INDArray map(INDArray z, INDArray labels) {
        try (MemoryWorkspace ws = workspace()) {
            return mapping(z.castTo(type), labels == null ? null : labels.castTo(type)).w().detach();
        }
    }

    /**
     * Images from one {@code w [n, styleSize]} per style layer and one noise map {@code [n, 1, s, s]} per layer, in
     * chunks of {@value #INFERENCE_CHUNK} rows.
     */
    INDArray synthesize(INDArray[] ws, INDArray[] noise) {
        int n = (int) ws[0].size(0);
        INDArray out = Nd4j.createUninitialized(type, n, spec.channels(), spec.imageSize(), spec.imageSize());
        for (int from = 0; from < n; from += INFERENCE_CHUNK) {
            int to = Math.min(n, from + INFERENCE_CHUNK);
            INDArray[] w = new INDArray[ws.length];
            INDArray[] maps = new INDArray[noise.length];
            for (int l = 0; l < ws.length; l++) {
                w[l] = ws[l].get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                maps[l] = noise[l].get(NDArrayIndex.interval(from, to));
            }
            try (MemoryWorkspace scope = workspace()) {
                out.get(NDArrayIndex.interval(from, to)).assign(synthesis(w, maps).output());
            }
        }
        return out;
    }

    /** The running average of w, {@code [styleSize]} (a copy). */
    INDArray averageW() {
        return p.get("wAverage").dup();
    }

    /** The fixed inference noise, repeated for {@code n} samples. */
    INDArray[] fixedNoise(int n) {
        INDArray[] noise = new INDArray[fixedNoise.size()];
        for (int l = 0; l < noise.length; l++) {
            INDArray f = fixedNoise.get(l);
            noise[l] = Nd4j.createUninitialized(type, n, 1, f.size(2), f.size(3));
            Broadcast.copy(noise[l], f.reshape(1, f.size(2), f.size(3)), noise[l], 1, 2, 3);
        }
        return noise;
    }

    /** The learned noise strengths of style layer {@code layer}, {@code [channels]} (a copy). */
    INDArray noiseStrength(int layer) {
        return p.get("noise" + layer).dup();
    }

    private INDArray[] broadcast(INDArray w) {
        INDArray[] ws = new INDArray[spec.styleLayers()];
        Arrays.fill(ws, w);
        return ws;
    }

    private Mapping mapping(INDArray z, INDArray labels) {
        PixelNorm.Pass latent = PixelNorm.forward(z);
        INDArray h = latent.output();
        PixelNorm.Pass embedding = null;
        if (spec.numClasses() > 0) {
            embedding = PixelNorm.forward(labels.mmul(p.get("embed")));
            h = Nd4j.hstack(h, embedding.output());
        }
        int depth = spec.mappingLayers();
        INDArray[] inputs = new INDArray[depth];
        INDArray[] pre = new INDArray[depth];
        for (int i = 0; i < depth; i++) {
            inputs[i] = h;
            pre[i] = h.mmul(p.get("map" + i + ".W")).addiRowVector(p.get("map" + i + ".b"));
            h = leaky(pre[i]);
        }
        return new Mapping(latent, embedding, labels, inputs, pre, h);
    }

    private INDArray mappingBackward(Mapping m, INDArray dw) {
        INDArray dh = dw;
        for (int i = spec.mappingLayers() - 1; i >= 0; i--) {
            INDArray dPre = dh.mul(leakyDerivative(m.preActivations()[i]));
            g.get("map" + i + ".W").assign(m.inputs()[i].transpose().mmul(dPre));
            g.get("map" + i + ".b").assign(dPre.sum(0));
            dh = dPre.mmul(p.get("map" + i + ".W").transpose());
        }
        int zs = spec.latentSize();
        INDArray dz = PixelNorm.backward(m.latent(), dh.get(NDArrayIndex.all(), NDArrayIndex.interval(0, zs)));
        if (spec.numClasses() == 0) {
            return dz;
        }
        INDArray de = PixelNorm.backward(m.embedding(),
                dh.get(NDArrayIndex.all(), NDArrayIndex.interval(zs, zs + spec.styleSize())));
        g.get("embed").assign(m.labels().transpose().mmul(de));
        return Nd4j.hstack(dz, de.mmul(p.get("embed").transpose()));
    }

    private Synthesis synthesis(INDArray[] ws, INDArray[] noise) {
        int layers = spec.styleLayers();
        int n = (int) ws[0].size(0);
        INDArray[] convInputs = new INDArray[layers];
        INDArray[] pre = new INDArray[layers];
        AdaptiveInstanceNorm.Pass[] styles = new AdaptiveInstanceNorm.Pass[layers];
        INDArray c = p.get("const");
        INDArray x = Nd4j.createUninitialized(type, n, c.size(0), c.size(1), c.size(2));
        Broadcast.copy(x, c, x, 1, 2, 3);
        for (int l = 0; l < layers; l++) {
            if (l > 0) {
                if (l % 2 == 0) {
                    x = NearestUpsampling.forward(x);
                }
                convInputs[l] = x;
                x = SameConvolution.forward(x, p.get("conv" + l));
            }
            x = NoiseInjection.forward(x, noise[l], p.get("noise" + l));
            pre[l] = Broadcast.add(x, p.get("bias" + l), x, 1);
            styles[l] = AdaptiveInstanceNorm.forward(leaky(pre[l]), ws[l], p.get("style" + l + ".A"),
                    p.get("style" + l + ".c"));
            x = styles[l].output();
        }
        INDArray rgbPre = SameConvolution.forward(x, p.get("rgb"));
        Broadcast.add(rgbPre, p.get("rgb.b"), rgbPre, 1);
        return new Synthesis(convInputs, noise, pre, styles, x, Transforms.tanh(rgbPre, false));
    }

    private static INDArray leaky(INDArray x) {
        return Transforms.max(x, x.mul(SLOPE));
    }

    /** 1 where x &gt; 0, the slope elsewhere. */
    private static INDArray leakyDerivative(INDArray x) {
        return x.gt(0).castTo(x.dataType()).muli(1 - SLOPE).addi(SLOPE);
    }

    private INDArray latent(INDArray input) {
        return input.get(NDArrayIndex.all(), NDArrayIndex.interval(0, spec.latentSize())).castTo(type).dup();
    }

    private INDArray labels(INDArray input) {
        if (spec.numClasses() == 0) {
            return null;
        }
        int zs = spec.latentSize();
        return input.get(NDArrayIndex.all(), NDArrayIndex.interval(zs, zs + spec.numClasses())).castTo(type).dup();
    }

    private void checkInput(INDArray input) {
        int width = spec.latentSize() + spec.numClasses();
        if (input == null || input.rank() != 2 || input.size(1) != width) {
            throw new IllegalArgumentException("a style generator's input must be [n, latentSize + numClasses] = [n, "
                    + width + "], got " + (input == null ? "null" : Arrays.toString(input.shape())));
        }
    }

    @Override
    public String toString() {
        return "StyleNetwork[" + spec.styleLayers() + " style layers, " + numParams() + " parameters]";
    }
}
