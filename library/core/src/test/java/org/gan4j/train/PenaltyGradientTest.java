package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.loss.DifferentiableCritic;
import org.gan4j.loss.Regularizer;
import org.gan4j.nn.DcganDiscriminator;
import org.gan4j.nn.LabelConditioning;
import org.gan4j.nn.Normalization;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.gan4j.nn.MultiLayerModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The parameter gradient that R1 and WGAN-GP add to D's update, as the trainer computes it ({@link TrainingLoop#critic}
 * on the production DCGAN critic: strided convolutions, leaky ReLU, a dense score, unconditional and with a projection
 * head), equals the numerical derivative of the penalty's value with respect to every trainable parameter, in float64.
 *
 * <p>Negative control: the same comparison on the batch-normalised DCGAN discriminator (where the samples of a batch
 * are coupled, so the per-sample penalty's gradient is not what the finite-difference estimate computes) must be far
 * off; {@code GanConfig} refuses that combination.
 */
class PenaltyGradientTest {
    private static final int N = 4;
    private static final double H = 1e-6;
    private static final long ALPHA_SEED = 9;
    private static final int DIRECTIONS = 4;

    @Test
    void penaltyGradientMatchesNumericalDerivativeOnTheProductionCritic() {
        for (LabelConditioning conditioning : LabelConditioning.values()) {
            for (Regularizer reg : new Regularizer[]{Regularizer.r1(10), Regularizer.gradientPenalty(10)}) {
                double error = relativeError(critic(Normalization.NONE, conditioning), reg);
                System.out.printf(Locale.ROOT, "%s, %s critic without batch norm: relative error %.2e%n", reg,
                        conditioning, error);
                assertTrue(error < 1e-6, reg + " " + conditioning + ": relative error " + error);
            }
        }
    }

    @Test
    void withBatchNormTheSameEstimateIsWrongWhichIsWhyGanConfigRefusesIt() {
        for (Regularizer reg : new Regularizer[]{Regularizer.r1(10), Regularizer.gradientPenalty(10)}) {
            double error = relativeError(critic(Normalization.BATCH, LabelConditioning.CONCATENATION), reg);
            System.out.printf(Locale.ROOT, "%s, batch-normalised critic: relative error %.2e%n", reg, error);
            assertTrue(error > 1e-2, reg + " with batch norm should not match, relative error " + error);
            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> GanConfig.dcgan(28, 1).toBuilder().regularizer(reg).build());
            assertTrue(refused.getMessage().contains("batch normalisation")
                    && refused.getMessage().contains("Normalization.NONE"), refused.getMessage());
        }
    }

    private static DcganDiscriminator critic(Normalization normalization, LabelConditioning conditioning) {
        int classes = conditioning == LabelConditioning.PROJECTION ? 3 : 0;
        return DcganDiscriminator.builder().baseWidth(3).numClasses(classes).conditioning(conditioning)
                .normalization(normalization).build();
    }

    /**
     * The largest relative error, over {@value #DIRECTIONS} random directions u in the space of D's trainable
     * parameters, between the penalty's parameter gradient projected on u and the central difference of the penalty's
     * value along u (each direction touches every parameter at once).
     */
    private static double relativeError(DcganDiscriminator spec, Regularizer reg) {
        MultiLayerNetwork net = spec.build(5, new Sgd(0.1), DataType.DOUBLE);
        Player d = new Player(new MultiLayerModel(net));
        int[] labels = spec.numClasses() > 0 ? new int[]{0, 2, 1, 2} : null;
        DifferentiableCritic critic = TrainingLoop.critic(d, spec, labels);
        INDArray real = RandomStream.seeded(1).gaussian(DataType.DOUBLE, N, 28 * 28).reshape(N, 1, 28, 28);
        INDArray fake = RandomStream.seeded(2).gaussian(DataType.DOUBLE, N, 28 * 28).reshape(N, 1, 28, 28);
        INDArray analytic = reg.apply(critic, real, fake, RandomStream.seeded(ALPHA_SEED)).parameterGrad().dup();
        INDArray params = net.params();
        INDArray saved = params.dup();
        double worst = 0;
        for (int r = 0; r < DIRECTIONS; r++) {
            INDArray u = RandomStream.seeded(100 + r).gaussian(DataType.DOUBLE, 1, (int) params.length())
                    .muli(d.trainableMask); // batch-norm running statistics are not trained by gradient
            params.assign(saved).addi(u.reshape(params.shape()).mul(H));
            double up = reg.apply(critic, real, fake, RandomStream.seeded(ALPHA_SEED)).value();
            params.assign(saved).subi(u.reshape(params.shape()).mul(H));
            double down = reg.apply(critic, real, fake, RandomStream.seeded(ALPHA_SEED)).value();
            params.assign(saved);
            double numeric = (up - down) / (2 * H);
            double projected = analytic.mul(u).sumNumber().doubleValue();
            assertTrue(numeric != 0, "the penalty must depend on the parameters");
            worst = Math.max(worst, Math.abs(projected - numeric) / Math.abs(numeric));
        }
        return worst;
    }
}
