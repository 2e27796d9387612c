package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.loss.GanLoss;
import org.gan4j.nn.Conditioning;
import org.gan4j.nn.DiscriminatorSpec;
import org.gan4j.nn.LabelConditioning;
import org.gan4j.nn.MlpDiscriminator;
import org.gan4j.nn.MlpGenerator;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.gan4j.nn.MultiLayerModel;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * G's gradient obtained by chaining D's input gradient into G's backward pass equals the numerical gradient of the
 * generator loss (float64), with the label concatenated to D's input and with a projection discriminator; and D's
 * parameter gradient through the projection head equals the numerical gradient of D's loss.
 */
class ChainedGradientTest {
    private static final int K = 3;
    private static final int[] LABELS = {0, 1, 2, 1, 0};
    private static final double H = 1e-6;

    private static MlpDiscriminator discriminator(LabelConditioning conditioning) {
        return MlpDiscriminator.builder().numClasses(K).hiddenWidths(5).conditioning(conditioning).build();
    }

    @Test
    void chainedGeneratorGradientMatchesFiniteDifferences() {
        for (LabelConditioning conditioning : LabelConditioning.values()) {
            MlpGenerator gs = MlpGenerator.builder().latentSize(4).numClasses(K).hiddenWidths(6)
                    .hiddenActivation(Activation.TANH).build();
            DiscriminatorSpec ds = discriminator(conditioning);
            MultiLayerNetwork gNet = gs.build(1, new Sgd(0.1), DataType.DOUBLE);
            MultiLayerNetwork dNet = build(ds, 2, new Sgd(0.1), DataType.DOUBLE);
            Player g = new Player(new MultiLayerModel(gNet));
            Player d = new Player(new MultiLayerModel(dNet));
            GanLoss loss = GanLoss.nonSaturating();
            INDArray z = RandomStream.seeded(3).gaussian(DataType.DOUBLE, 5, 4);

            INDArray fake = g.forward(Conditioning.generatorInput(z, LABELS, K), null);
            INDArray scores = ds.scores(d.forward(ds.input(fake, LABELS), null), LABELS);
            INDArray eps = d.backward(ds.outputGradient(loss.generator(scores).gradient(), LABELS));
            g.backward(ds.sampleGradient(eps, 2));
            INDArray analytic = g.gradientCopy();

            INDArray params = gNet.params();
            for (int i = 0; i < params.length(); i++) {
                double old = params.getDouble(i);
                params.putScalar(i, old + H);
                double up = generatorLoss(gNet, dNet, ds, loss, z);
                params.putScalar(i, old - H);
                double down = generatorLoss(gNet, dNet, ds, loss, z);
                params.putScalar(i, old);
                assertEquals((up - down) / (2 * H), analytic.getDouble(0, i), 1e-7,
                        conditioning + ": parameter " + i);
            }
        }
    }

    @Test
    void projectionDiscriminatorGradientMatchesFiniteDifferences() {
        DiscriminatorSpec ds = discriminator(LabelConditioning.PROJECTION);
        MultiLayerNetwork dNet = build(ds, 4, new Sgd(0.1), DataType.DOUBLE);
        Player d = new Player(new MultiLayerModel(dNet));
        GanLoss loss = GanLoss.hinge();
        INDArray x = RandomStream.seeded(5).gaussian(DataType.DOUBLE, 5, 2);

        d.backward(ds.outputGradient(loss.discriminatorReal(ds.scores(d.forward(ds.input(x, LABELS), null), LABELS))
                .gradient(), LABELS));
        INDArray analytic = d.gradientCopy();
        INDArray params = dNet.params();
        for (int i = 0; i < params.length(); i++) {
            double old = params.getDouble(i);
            params.putScalar(i, old + H);
            double up = loss.discriminatorReal(ds.scores(dNet.output(ds.input(x, LABELS), true), LABELS)).value();
            params.putScalar(i, old - H);
            double down = loss.discriminatorReal(ds.scores(dNet.output(ds.input(x, LABELS), true), LABELS)).value();
            params.putScalar(i, old);
            assertEquals((up - down) / (2 * H), analytic.getDouble(0, i), 1e-7, "D parameter " + i);
        }
    }

    private static double generatorLoss(MultiLayerNetwork g, MultiLayerNetwork d, DiscriminatorSpec ds, GanLoss loss,
                                        INDArray z) {
        INDArray fake = g.output(Conditioning.generatorInput(z, LABELS, K), true);
        INDArray s = ds.scores(d.output(ds.input(fake, LABELS), true), LABELS);
        return loss.generator(s).value();
    }

    private static MultiLayerNetwork build(DiscriminatorSpec spec, long seed, org.nd4j.linalg.learning.config.IUpdater updater,
                                           DataType type) {
        return ((MultiLayerModel) spec.create(seed, updater, type)).unwrap();
    }
}
