package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.loss.GanLoss;
import org.gan4j.nn.Conditioning;
import org.gan4j.nn.MlpDiscriminator;
import org.gan4j.nn.MlpGenerator;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * G's gradient obtained by chaining D's input gradient into G's backward pass equals the numerical gradient of the
 * generator loss (float64).
 */
class ChainedGradientTest {

    @Test
    void chainedGeneratorGradientMatchesFiniteDifferences() {
        int k = 3;
        MlpGenerator gs = MlpGenerator.builder().latentSize(4).numClasses(k).hiddenWidths(6)
                .hiddenActivation(Activation.TANH).build();
        MlpDiscriminator ds = MlpDiscriminator.builder().numClasses(k).hiddenWidths(5).build();
        MultiLayerNetwork gNet = gs.build(1, new Sgd(0.1), DataType.DOUBLE);
        MultiLayerNetwork dNet = ds.build(2, new Sgd(0.1), DataType.DOUBLE);
        Player g = new Player(gNet);
        Player d = new Player(dNet);
        GanLoss loss = GanLoss.nonSaturating();
        INDArray z = RandomStream.seeded(3).gaussian(DataType.DOUBLE, 5, 4);
        int[] labels = {0, 1, 2, 1, 0};

        INDArray fake = g.forward(Conditioning.generatorInput(z, labels, k));
        INDArray scores = d.forward(Conditioning.discriminatorInput(fake, labels, k));
        INDArray eps = d.backward(loss.generator(scores).gradient()).getSecond();
        g.backward(Conditioning.sampleGradient(eps, 2, k));
        INDArray analytic = g.gradientCopy();

        INDArray params = gNet.params();
        double h = 1e-6;
        for (int i = 0; i < params.length(); i++) {
            double old = params.getDouble(i);
            params.putScalar(i, old + h);
            double up = lossOf(gNet, dNet, loss, z, labels, k);
            params.putScalar(i, old - h);
            double down = lossOf(gNet, dNet, loss, z, labels, k);
            params.putScalar(i, old);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, analytic.getDouble(0, i), 1e-7, "parameter " + i);
        }
    }

    private static double lossOf(MultiLayerNetwork g, MultiLayerNetwork d, GanLoss loss, INDArray z, int[] labels,
                                 int k) {
        INDArray fake = g.output(Conditioning.generatorInput(z, labels, k), true);
        INDArray s = d.output(Conditioning.discriminatorInput(fake, labels, k), true);
        return loss.generator(s).value();
    }
}
