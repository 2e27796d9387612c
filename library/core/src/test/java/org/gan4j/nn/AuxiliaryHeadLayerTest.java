package org.gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * A discriminator whose second head has a hidden layer of its own ({@link AuxiliaryHeadLayer}): its gradients equal
 * central differences (float64), its score columns do not depend on the head's weights, it round-trips through
 * DL4J's model format bit for bit, and a head without outputs is refused by name.
 */
class AuxiliaryHeadLayerTest {
    private static final int BATCH = 4;
    private static final int OUTPUTS = 3;
    private static final int HIDDEN = 5;
    private static final double H = 1e-6;

    private static MlpDiscriminator spec() {
        return MlpDiscriminator.builder().inputSize(3).hiddenWidths(6).build();
    }

    /** Σ out ⊙ weights, the objective of the gradient checks. */
    private static double objective(Network net, INDArray x, INDArray weights) {
        return net.forward(x, null).mul(weights).sumNumber().doubleValue();
    }

    /** Equal up to 1e-6 relative to the larger of 1 and the numerical value (float64 central differences). */
    private static void assertClose(double numerical, double analytic, String what) {
        assertEquals(numerical, analytic, 1e-6 * Math.max(1, Math.abs(numerical)), what);
    }

    @Test
    void parameterAndInputGradientsMatchCentralDifferences() {
        Network net = spec().create(7, new Sgd(0.1), DataType.DOUBLE, OUTPUTS, HIDDEN);
        INDArray x = RandomStream.seeded(1).gaussian(DataType.DOUBLE, BATCH, 3);
        INDArray weights = RandomStream.seeded(2).gaussian(DataType.DOUBLE, BATCH, 1 + OUTPUTS);
        // push the head's pre-activations away from the kink of the leaky ReLU at the step sizes used
        net.params().muli(20);

        net.forward(x, null);
        INDArray inputGradient = net.backward(weights).dup();
        INDArray analytic = net.gradientView().dup();

        INDArray params = net.params();
        assertEquals(params.length(), analytic.length(), "gradient length");
        for (int i = 0; i < params.length(); i++) {
            double old = params.getDouble(i);
            params.putScalar(i, old + H);
            double up = objective(net, x, weights);
            params.putScalar(i, old - H);
            double down = objective(net, x, weights);
            params.putScalar(i, old);
            assertClose((up - down) / (2 * H), analytic.getDouble(0, i), "parameter " + i);
        }
        for (int r = 0; r < BATCH; r++) {
            for (int c = 0; c < 3; c++) {
                double old = x.getDouble(r, c);
                x.putScalar(r, c, old + H);
                double up = objective(net, x, weights);
                x.putScalar(r, c, old - H);
                double down = objective(net, x, weights);
                x.putScalar(r, c, old);
                assertClose((up - down) / (2 * H), inputGradient.getDouble(r, c), "input " + r + "," + c);
            }
        }
    }

    @Test
    void theScoreColumnDoesNotDependOnTheHeadsOwnWeights() {
        MultiLayerModel net = new MultiLayerModel(spec().build(7, new Sgd(0.1), DataType.DOUBLE, OUTPUTS, HIDDEN));
        INDArray x = RandomStream.seeded(1).gaussian(DataType.DOUBLE, BATCH, 3);
        INDArray before = net.output(x);
        assertArrayEquals(new long[]{BATCH, 1 + OUTPUTS}, before.shape(), "score column + head outputs");
        INDArray headWeights = net.unwrap().getLayer(net.unwrap().getnLayers() - 1).getParam("W");
        assertArrayEquals(new long[]{HIDDEN, OUTPUTS}, headWeights.shape(), "the head's own weights");
        headWeights.addi(1.0);
        INDArray after = net.output(x);
        assertEquals(before.getColumn(0), after.getColumn(0), "the score column is untouched (exactly)");
        assertTrue(before.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + OUTPUTS))
                .neq(after.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + OUTPUTS))).any(), "the head moved");
    }

    @Test
    void aDcganDiscriminatorWithTheHeadRoundTripsBitForBit() throws IOException {
        DcganDiscriminator spec = DcganDiscriminator.builder().baseWidth(4).build();
        Network net = spec.create(3, new Adam(1e-3), DataType.FLOAT, 12, 8);
        INDArray x = RandomStream.seeded(4).gaussian(DataType.FLOAT, 2, 28 * 28).reshape(2, 1, 28, 28);
        net.forward(x, null);
        net.backward(RandomStream.seeded(5).gaussian(DataType.FLOAT, 2, 13));
        net.update(net.gradientView(), 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        net.write(bytes);
        Network back = spec.read(new ByteArrayInputStream(bytes.toByteArray()), new Adam(1e-3));
        assertEquals(net.params(), back.params(), "parameters");
        assertEquals(net.updaterState(), back.updaterState(), "optimiser state");
        assertEquals(net.output(x), back.output(x), "outputs");
        assertEquals(13, back.output(x).size(1), "score + 12 head outputs");
    }

    @Test
    void aHiddenLayerWithoutOutputsIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec().build(1, new Sgd(0.1), DataType.FLOAT, 0, 4));
        assertTrue(e.getMessage().contains("auxiliaryHidden"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> spec().build(1, new Sgd(0.1), DataType.FLOAT, 2, -1));
        assertTrue(e.getMessage().contains("auxiliaryHidden"), e.getMessage());
    }
}
