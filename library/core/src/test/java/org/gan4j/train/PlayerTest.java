package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.loss.GanLoss;
import org.gan4j.loss.LossTerm;
import org.gan4j.nn.MlpDiscriminator;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.gan4j.nn.MultiLayerModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A player's optimiser step is textbook Adam across steps. Guards against a DL4J trap:
 * {@code MultiLayerNetwork.clear()} drops the solver, so the next {@code getUpdater()} starts from zero moments and
 * every step becomes a first Adam step (GANs then barely learn).
 */
class PlayerTest {

    @Test
    void optimiserStateCarriesOverBetweenSteps() {
        MultiLayerNetwork net = MlpDiscriminator.builder().hiddenWidths(8).build()
                .build(2, new Adam(1e-3, 0.5, 0.999, 1e-8), DataType.DOUBLE);
        Player d = new Player(new MultiLayerModel(net));
        Object updater = net.getUpdater();
        INDArray m = null;
        INDArray v = null;
        for (int t = 1; t <= 4; t++) {
            INDArray x = RandomStream.seeded(t).gaussian(DataType.DOUBLE, 16, 2);
            LossTerm loss = GanLoss.nonSaturating().discriminatorReal(d.forward(x, null));
            d.backward(loss.gradient());
            INDArray g = d.gradientCopy().reshape(-1);
            m = m == null ? g.mul(0.5) : m.mul(0.5).addi(g.mul(0.5));
            v = v == null ? g.mul(g).muli(0.001) : v.mul(0.999).addi(g.mul(g).muli(0.001));
            double alpha = 1e-3 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.5, t));
            INDArray expected = m.mul(alpha).divi(Transforms.sqrt(v).addi(1e-8));
            INDArray before = net.params().dup();
            d.step(d.gradientCopy(), 0);
            INDArray delta = before.subi(net.params());
            assertEquals(0, delta.sub(expected).amaxNumber().doubleValue(), 1e-12, "Adam step " + t);
            assertEquals(t, net.getIterationCount());
        }
        assertSame(updater, net.getUpdater(), "the updater (and its state) survives the steps");
    }
}
