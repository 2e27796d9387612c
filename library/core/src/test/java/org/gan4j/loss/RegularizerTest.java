package org.gan4j.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gan4j.nn.MlpDiscriminator;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The finite-difference parameter gradient of R1 and WGAN-GP agrees with the numerical derivative of the penalty
 * value (float64; a smooth critic so that second derivatives exist).
 */
class RegularizerTest {

    private static MultiLayerNetwork critic() {
        MlpDiscriminator spec = MlpDiscriminator.builder().hiddenWidths(6, 5).build();
        // tanh hidden units: smooth, so the penalty has a proper parameter gradient
        return new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(
                new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                        .updater(new Sgd(0.1)).list()
                        .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(spec.inputSize())
                                .nOut(6).activation(Activation.TANH).build())
                        .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(6).nOut(1)
                                .activation(Activation.IDENTITY).build())
                        .build());
    }

    private static DifferentiableCritic wrap(MultiLayerNetwork net) {
        return (samples, scoreGradient) -> {
            net.setInput(samples);
            List<INDArray> acts = net.feedForward(true, false);
            INDArray scores = acts.get(acts.size() - 1);
            INDArray ds = scoreGradient == null ? scores.ulike().assign(1) : scoreGradient;
            Pair<?, INDArray> p = net.backpropGradient(ds, LayerWorkspaceMgr.noWorkspaces());
            return new DifferentiableCritic.Pass(scores, net.getFlattenedGradients().dup(), p.getSecond());
        };
    }

    @Test
    void r1AndGradientPenaltyParameterGradientsMatchNumericalDerivative() {
        for (Regularizer reg : List.of(Regularizer.r1(2.0), Regularizer.gradientPenalty(10))) {
            MultiLayerNetwork net = critic();
            net.init();
            net.initGradientsView();
            DifferentiableCritic c = wrap(net);
            INDArray real = RandomStream.seeded(1).gaussian(DataType.DOUBLE, 5, 2);
            INDArray fake = RandomStream.seeded(2).gaussian(DataType.DOUBLE, 5, 2);
            long alphaSeed = 9;
            INDArray analytic = reg.apply(c, real, fake, RandomStream.seeded(alphaSeed)).parameterGrad();
            INDArray params = net.params();
            double h = 1e-5;
            double scale = analytic.norm2Number().doubleValue();
            for (int i = 0; i < params.length(); i++) {
                double old = params.getDouble(i);
                params.putScalar(i, old + h);
                double up = reg.apply(c, real, fake, RandomStream.seeded(alphaSeed)).value();
                params.putScalar(i, old - h);
                double down = reg.apply(c, real, fake, RandomStream.seeded(alphaSeed)).value();
                params.putScalar(i, old);
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, analytic.getDouble(0, i), 1e-3 * Math.max(1, scale),
                        reg + " parameter " + i);
            }
        }
    }
}
