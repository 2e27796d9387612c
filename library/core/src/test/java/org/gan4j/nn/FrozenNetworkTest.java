package org.gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.eval.FeatureNetwork;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * {@link FrozenNetwork} in float64 on the networks the projector freezes: the conditional DCGAN generator and the
 * shipped feature network up to its feature layer, both with batch norm whose running statistics are far from
 * (0, 1). Checked: the output equals DL4J's inference output ({@code output(x, false)}) within 1e-12, and the input
 * gradient of {@code L = Σ out ⊙ R} matches central differences along random directions within a relative 1e-6
 * (a training-mode batch-norm backward pass, which DL4J's own would be, is off by order 1).
 */
class FrozenNetworkTest {
    private static final double H = 1e-6;

    private static INDArray gaussian(long seed, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return RandomStream.seeded(seed).gaussian(DataType.DOUBLE, 1, (int) n).reshape(shape);
    }

    /** Running statistics far from the initial (0, 1), and γ, β away from (1, 0). */
    private static void perturbBatchNorm(MultiLayerNetwork net, long seed) {
        for (Layer layer : net.getLayers()) {
            if (layer instanceof BatchNormalization) {
                for (var e : layer.paramTable().entrySet()) {
                    INDArray v = e.getValue();
                    INDArray r = gaussian(seed++, v.shape());
                    switch (e.getKey()) {
                        case "mean", "beta" -> v.assign(r.mul(0.5));
                        case "var" -> v.assign(r.mul(0.5).addi(2).muli(r.mul(0.5).addi(2)));
                        case "log10stdev" -> v.assign(r.mul(0.3));
                        case "gamma" -> v.assign(r.mul(0.3).addi(1));
                        default -> throw new IllegalStateException("unexpected batch-norm parameter " + e.getKey());
                    }
                }
            }
        }
    }

    private static void check(MultiLayerNetwork net, FrozenNetwork frozen, INDArray input, INDArray expectedOutput) {
        FrozenNetwork.Pass pass = frozen.forward(input);
        assertEquals(0.0, pass.output().sub(expectedOutput).amaxNumber().doubleValue(), 1e-12,
                "the frozen output is the inference output");
        INDArray r = gaussian(7, pass.output().shape());
        INDArray dInput = pass.backward(r);
        for (long seed = 100; seed < 103; seed++) {
            INDArray u = gaussian(seed, input.shape());
            double up = frozen.output(input.add(u.mul(H))).mul(r).sumNumber().doubleValue();
            double down = frozen.output(input.sub(u.mul(H))).mul(r).sumNumber().doubleValue();
            double numeric = (up - down) / (2 * H);
            double exact = dInput.mul(u).sumNumber().doubleValue();
            double err = Math.abs(numeric - exact) / (Math.abs(numeric) + Math.abs(exact));
            assertTrue(err < 1e-6, net.getnLayers() + "-layer network: relative error " + err + " (numeric "
                    + numeric + ", analytic " + exact + ")");
        }
    }

    @Test
    void conditionalDcganGeneratorOutputAndInputGradientAreTheInferenceOnes() {
        DcganGenerator spec = DcganGenerator.builder().latentSize(6).numClasses(3).baseWidth(4).build();
        MultiLayerNetwork net = spec.build(5, new Sgd(0.1), DataType.DOUBLE);
        perturbBatchNorm(net, 1000);
        INDArray input = gaussian(11, 4, spec.inputSize());
        check(net, FrozenNetwork.of(net), input, net.output(input, false));
    }

    @Test
    void featureNetworkUpToItsFeatureLayerMatchesInference() {
        MultiLayerNetwork net = FeatureNetwork.fashionMnist().network().convertDataType(DataType.DOUBLE);
        int features = net.getnLayers() - 2;
        assertEquals("features", net.getLayer(features).conf().getLayer().getLayerName());
        INDArray images = gaussian(12, 3, 1, 28, 28).muli(0.5);
        INDArray expected = net.feedForwardToLayer(features, images, false).get(features + 1);
        check(net, FrozenNetwork.upTo(net, features), images, expected);
    }

    @Test
    void freezingALayerWithDropoutIsRefusedByName() {
        MultiLayerNetwork net = FeatureNetwork.fashionMnist().network();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrozenNetwork.of(net));
        assertTrue(e.getMessage().contains("classes") && e.getMessage().contains("dropout"), e.getMessage());
    }

    @Test
    void theFrozenCopyDoesNotFollowLaterChangesToTheNetwork() {
        DcganGenerator spec = DcganGenerator.builder().latentSize(6).baseWidth(4).build();
        MultiLayerNetwork net = spec.build(5, new Sgd(0.1), DataType.DOUBLE);
        FrozenNetwork frozen = FrozenNetwork.of(net);
        INDArray z = gaussian(3, 2, 6);
        INDArray before = frozen.output(z);
        net.params().addi(1);
        assertEquals(0.0, before.sub(frozen.output(z)).amaxNumber().doubleValue(), 0.0, "bit for bit unchanged");
    }
}
