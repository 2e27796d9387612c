package org.gan4j.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.gan4j.nn.StyleGenerator;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Gradient checks in float64: the analytic gradients of the style layers (AdaIN, noise injection, pixel norm,
 * up-sampling, the same-size convolution) and of the whole style network (every parameter block, and the input)
 * against central differences of the scalar {@code L = Σ out ⊙ R} for a fixed random R. Each check compares the
 * derivative along a random direction, {@code (L(θ+hu) − L(θ−hu)) / 2h} against {@code ∇L·u}, with a relative error
 * bound of 1e-6 (float64 central differences reach ~1e-9 here; a wrong term gives errors of order 1).
 */
class StyleGradientTest {
    private static final DataType D = DataType.DOUBLE;
    private static final double H = 1e-6;
    private static final double TOLERANCE = 1e-6;

    private static INDArray gaussian(long seed, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return RandomStream.seeded(seed).gaussian(D, 1, (int) n).reshape(shape);
    }

    /** Relative error of the directional derivative of {@code loss} at {@code x} along a random u. */
    private static double directional(INDArray x, INDArray analytic, Supplier<Double> loss, long seed) {
        INDArray u = gaussian(seed, x.shape());
        INDArray saved = x.dup();
        x.addi(u.mul(H));
        double up = loss.get();
        x.assign(saved).subi(u.mul(H));
        double down = loss.get();
        x.assign(saved);
        double numeric = (up - down) / (2 * H);
        double exact = analytic.reshape(x.shape()).mul(u).sumNumber().doubleValue();
        return Math.abs(numeric - exact) / Math.max(1e-8, Math.abs(numeric) + Math.abs(exact));
    }

    @Test
    void adaptiveInstanceNormMatchesFiniteDifferences() {
        INDArray x = gaussian(1, 3, 4, 5, 5);
        INDArray w = gaussian(2, 3, 6);
        INDArray a = gaussian(3, 6, 8);
        INDArray c = gaussian(4, 8);
        INDArray r = gaussian(5, 3, 4, 5, 5);
        Supplier<Double> loss = () -> AdaptiveInstanceNorm.forward(x, w, a, c).output().mul(r).sumNumber()
                .doubleValue();
        AdaptiveInstanceNorm.Pass pass = AdaptiveInstanceNorm.forward(x, w, a, c);
        INDArray da = a.ulike();
        INDArray dc = c.ulike();
        INDArray[] back = AdaptiveInstanceNorm.backward(pass, r, a, da, dc);
        assertTrue(directional(x, back[0], loss, 11) < TOLERANCE, "dx");
        assertTrue(directional(w, back[1], loss, 12) < TOLERANCE, "dw");
        assertTrue(directional(a, da, loss, 13) < TOLERANCE, "dA");
        assertTrue(directional(c, dc, loss, 14) < TOLERANCE, "dc");
        // the normalisation really normalises: per sample and channel, mean 0 and variance 1 before the style
        assertEquals(0, pass.normalised().mean(2, 3).amaxNumber().doubleValue(), 1e-12);
        INDArray var = pass.normalised().mul(pass.normalised()).mean(2, 3);
        assertEquals(1, var.minNumber().doubleValue(), 1e-6);
    }

    @Test
    void noiseInjectionMatchesFiniteDifferences() {
        INDArray x = gaussian(1, 2, 3, 4, 4);
        INDArray noise = gaussian(2, 2, 1, 4, 4);
        INDArray s = gaussian(3, 3);
        INDArray r = gaussian(4, 2, 3, 4, 4);
        Supplier<Double> loss = () -> NoiseInjection.forward(x, noise, s).mul(r).sumNumber().doubleValue();
        INDArray ds = s.ulike();
        NoiseInjection.backward(noise, r, ds);
        assertTrue(directional(s, ds, loss, 5) < TOLERANCE, "ds");
        assertTrue(directional(x, r, loss, 6) < TOLERANCE, "dx is the output gradient");
        // channel ch gets s_ch times the one shared noise map
        INDArray y = NoiseInjection.forward(x.ulike(), noise, s);
        assertEquals(noise.getDouble(1, 0, 2, 3) * s.getDouble(2), y.getDouble(1, 2, 2, 3), 1e-15);
    }

    @Test
    void pixelNormUpsamplingAndConvolutionMatchFiniteDifferences() {
        INDArray z = gaussian(1, 3, 7);
        INDArray rz = gaussian(2, 3, 7);
        PixelNorm.Pass pn = PixelNorm.forward(z);
        assertTrue(directional(z, PixelNorm.backward(pn, rz),
                () -> PixelNorm.forward(z).output().mul(rz).sumNumber().doubleValue(), 3) < TOLERANCE, "pixel norm");

        INDArray x = gaussian(4, 2, 3, 4, 5);
        INDArray ru = gaussian(5, 2, 3, 8, 10);
        assertTrue(directional(x, NearestUpsampling.backward(ru),
                () -> NearestUpsampling.forward(x).mul(ru).sumNumber().doubleValue(), 6) < TOLERANCE, "up-sampling");
        assertEquals(x.getDouble(1, 2, 3, 4), NearestUpsampling.forward(x).getDouble(1, 2, 7, 9), 0.0,
                "pixel (3, 4) fills the block (6..7, 8..9)");

        INDArray k = gaussian(7, 3, 3, 3, 2);
        INDArray rc = gaussian(8, 2, 2, 4, 5);
        INDArray dk = k.ulike();
        INDArray dx = SameConvolution.backward(x, k, rc, dk);
        Supplier<Double> conv = () -> SameConvolution.forward(x, k).mul(rc).sumNumber().doubleValue();
        assertTrue(directional(x, dx, conv, 9) < TOLERANCE, "convolution dx");
        assertTrue(directional(k, dk, conv, 10) < TOLERANCE, "convolution dW");
        // centre tap of a 3×3 kernel at an interior pixel, by hand
        double sum = 0;
        for (int ci = 0; ci < 3; ci++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dxx = -1; dxx <= 1; dxx++) {
                    sum += x.getDouble(0, ci, 2 + dy, 2 + dxx) * k.getDouble(dy + 1, dxx + 1, ci, 1);
                }
            }
        }
        assertEquals(sum, SameConvolution.forward(x, k).getDouble(0, 1, 2, 2), 1e-12, "weights are [kH, kW, in, out]");
    }

    @Test
    void wholeNetworkMatchesFiniteDifferencesPerParameterBlockAndInput() {
        for (StyleGenerator spec : new StyleGenerator[]{
                StyleGenerator.builder().latentSize(5).styleSize(6).mappingLayers(2).baseWidth(2).numClasses(3)
                        .mixingProbability(0.5).build(),
                StyleGenerator.builder().latentSize(4).styleSize(5).mappingLayers(1).baseWidth(2).imageSize(32)
                        .channels(3).mixingProbability(0).build()}) {
            StyleNetwork net = new StyleNetwork(spec, 3, new Sgd(0.1), D);
            int n = 4;
            INDArray input = gaussian(20, n, spec.latentSize() + spec.numClasses());
            if (spec.numClasses() > 0) {
                INDArray labels = input.get(NDArrayIndex.all(),
                        NDArrayIndex.interval(spec.latentSize(), spec.latentSize() + spec.numClasses()));
                labels.assign(0);
                for (int i = 0; i < n; i++) {
                    labels.putScalar(i, i % spec.numClasses(), 1.0);
                }
            }
            INDArray r = gaussian(21, n, spec.channels(), spec.imageSize(), spec.imageSize());
            // the same noise maps and mixing decisions in every evaluation: a fresh stream with one seed
            Supplier<Double> loss = () -> net.forward(input, RandomStream.seeded(99)).mul(r).sumNumber()
                    .doubleValue();
            net.forward(input, RandomStream.seeded(99));
            INDArray dInput = net.backward(r);
            INDArray grad = net.gradientView().dup().reshape(net.numParams());
            long seed = 100;
            for (ParameterLayout.Block b : net.layout().blocks()) {
                if (b.name().equals("wAverage")) {
                    assertEquals(0, grad.get(NDArrayIndex.interval(b.offset(), b.offset() + b.length()))
                            .amaxNumber().doubleValue(), 0.0, "the average of w is a statistic: no gradient");
                    continue;
                }
                INDArray view = net.params().get(NDArrayIndex.interval(b.offset(), b.offset() + b.length()));
                INDArray g = grad.get(NDArrayIndex.interval(b.offset(), b.offset() + b.length()));
                double err = directional(view, g, loss, seed++);
                assertTrue(err < TOLERANCE, spec + ": block " + b.name() + " relative error " + err);
            }
            INDArray latent = input.get(NDArrayIndex.all(), NDArrayIndex.interval(0, spec.latentSize()));
            INDArray dLatent = dInput.get(NDArrayIndex.all(), NDArrayIndex.interval(0, spec.latentSize())).dup();
            assertTrue(directional(latent, dLatent, loss, seed) < TOLERANCE, spec + ": input gradient");
        }
    }

    /**
     * The projector's gradient: {@link StyleSpace#gradient} w.r.t. per-layer styles and every noise map, for
     * {@code L = Σ images ⊙ R}, against central differences of {@link StyleSpace#synthesize} in float64.
     */
    @Test
    void styleSpaceGradientMatchesFiniteDifferencesForStylesAndNoiseMaps() {
        StyleGenerator spec = StyleGenerator.builder().latentSize(5).styleSize(6).mappingLayers(2).baseWidth(2)
                .build();
        StyleNetwork net = new StyleNetwork(spec, 4, new Sgd(0.1), D);
        // noise strengths start at 0, where the noise maps get no gradient at all: give them values first
        for (ParameterLayout.Block b : net.layout().blocks()) {
            if (b.name().startsWith("noise")) {
                net.params().get(NDArrayIndex.interval(b.offset(), b.offset() + b.length()))
                        .assign(gaussian(b.offset(), b.length()));
            }
        }
        StyleSpace space = StyleSpace.of(org.gan4j.nn.Generator.of(spec, net));
        int n = 3;
        INDArray styles = gaussian(30, n, space.styleLayers(), space.styleSize());
        INDArray[] maps = space.noiseMaps(Noise.random(31), n);
        INDArray r = gaussian(32, n, spec.channels(), spec.imageSize(), spec.imageSize());
        StyleSpace.Gradient g = space.gradient(styles, maps, images -> r);
        Supplier<Double> loss = () -> space.gradient(styles, maps, images -> r).images().mul(r).sumNumber()
                .doubleValue();
        double err = directional(styles, g.styles(), loss, 50);
        assertTrue(err < TOLERANCE, "styles: relative error " + err);
        for (int l = 0; l < maps.length; l++) {
            double e = directional(maps[l], g.noise()[l], loss, 60 + l);
            assertTrue(e < TOLERANCE, "noise map " + l + ": relative error " + e);
        }
    }
}
