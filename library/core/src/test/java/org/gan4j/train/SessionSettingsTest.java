package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gan4j.loss.GanLoss;
import org.gan4j.loss.Regularizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link TrainingSession#withSettings}, {@link TrainingSession#discriminatorScores} and {@code generatorPull}. */
@ExtendWith(SingleNd4jThread.class)
class SessionSettingsTest {

    private static final int N = 8;

    @Test
    void continuingWithTheSameSettingsIsTheUninterruptedRunBitForBit() {
        GanConfig config = TrainingFixtures.tiny(2 * N);
        TrainingSet data = TrainingFixtures.ring(200);
        TrainingSession straight = new GanTrainer(config).session(data);
        straight.fit(2 * N);

        TrainingSession first = new GanTrainer(config).session(data);
        first.fit(N);
        TrainingSession continued = first.withSettings(config);
        continued.fit(N);

        assertEquals(2 * N, continued.step());
        assertEquals(straight.generator().network().params(), continued.generator().network().params());
        assertEquals(straight.emaGenerator().network().params(), continued.emaGenerator().network().params());
        assertEquals(straight.history().table().doubleColumn("lossD").asList(),
                continued.history().table().doubleColumn("lossD").asList());
        IllegalStateException used = assertThrows(IllegalStateException.class, () -> first.fit(1));
        assertTrue(used.getMessage().contains("withSettings"), used.getMessage());
    }

    @Test
    void newLossPenaltyCriticStepsAndLearningRatesTakeEffectFromTheNextStep() {
        GanConfig config = TrainingFixtures.tiny(2 * N);
        TrainingSet data = TrainingFixtures.ring(200);
        TrainingSession a = new GanTrainer(config).session(data);
        a.fit(N);
        TrainingSession b = new GanTrainer(config).session(data);
        b.fit(N);

        GanConfig faster = config.toBuilder().optimizer(new AdamSettings(
                10 * config.generatorOptimizer().learningRate(), config.generatorOptimizer().beta1(),
                config.generatorOptimizer().beta2())).build();
        TrainingSession same = a.withSettings(config);
        TrainingSession fast = b.withSettings(faster);
        same.fit(1);
        fast.fit(1);
        assertNotEquals(same.generator().network().params(), fast.generator().network().params(),
                "a ten times larger learning rate moves the parameters differently");
        INDArray before = same.generator().network().params().dup();
        same.fit(1);
        INDArray stepSame = same.generator().network().params().sub(before);
        INDArray beforeFast = fast.generator().network().params().dup();
        fast.fit(1);
        INDArray stepFast = fast.generator().network().params().sub(beforeFast);
        assertTrue(stepFast.norm2Number().doubleValue() > 3 * stepSame.norm2Number().doubleValue(),
                "steps with 10x the learning rate are several times longer: " + stepFast.norm2Number() + " vs "
                        + stepSame.norm2Number());

        GanConfig wgan = fast.config().toBuilder().loss(GanLoss.wasserstein())
                .regularizer(Regularizer.gradientPenalty(1)).nCritic(3).build();
        TrainingSession w = fast.withSettings(wgan);
        w.fit(2);
        assertEquals(N + 4, w.step());
        assertEquals(GanLoss.wasserstein(), w.config().loss());
        assertEquals(3, w.config().nCritic());
    }

    @Test
    void settingsThatNeedNewNetworksAreRefusedByName() {
        GanConfig config = TrainingFixtures.tiny(N);
        TrainingSession s = new GanTrainer(config).session(TrainingFixtures.ring(200));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.withSettings(config.toBuilder().batchSize(16).seed(6).build()));
        assertTrue(e.getMessage().contains("batchSize") && e.getMessage().contains("seed"), e.getMessage());
        s.fit(1);
        assertEquals(1, s.step(), "a refused change leaves the session usable");
    }

    @Test
    void generatorPullIsMinusTheLossGradientThroughTheDiscriminator() {
        GanConfig config = TrainingFixtures.tiny(N);
        TrainingSession s = new GanTrainer(config).session(TrainingFixtures.ring(200));
        s.fit(N);
        INDArray points = Nd4j.create(new double[][] {{0.3, -1.2}, {1.5, 0.4}, {-0.7, 0.9}}).castTo(DataType.FLOAT);
        INDArray scores = s.discriminatorScores(points);
        assertEquals(3, scores.size(0));
        INDArray pull = s.generatorPull(points);
        double h = 1e-3;
        for (int i = 0; i < 3; i++) {
            double score = scores.getDouble(i, 0);
            double weight = 1 / (1 + Math.exp(score));   // non-saturating: d/ds softplus(-s) = -sigmoid(-s)
            for (int j = 0; j < 2; j++) {
                INDArray plus = points.getRow(i).dup().reshape(1, 2);
                INDArray minus = plus.dup();
                plus.putScalar(0, j, plus.getDouble(0, j) + h);
                minus.putScalar(0, j, minus.getDouble(0, j) - h);
                // one-sided difference quotients: next to a LeakyReLU kink the gradient is the one of its own side
                double right = (s.discriminatorScores(plus).getDouble(0, 0) - score) / h;
                double left = (score - s.discriminatorScores(minus).getDouble(0, 0)) / h;
                double p = pull.getDouble(i, j);
                double error = Math.min(Math.abs(weight * right - p), Math.abs(weight * left - p));
                assertTrue(error <= 1e-3 + 0.01 * Math.abs(p), "point " + i + " coordinate " + j + ": pull " + p
                        + ", difference quotients " + weight * left + " and " + weight * right);
            }
        }
        GanConfig conditional = TrainingFixtures.tinyConditional(N);
        TrainingSession c = new GanTrainer(conditional).session(TrainingFixtures.ring(200));
        assertThrows(IllegalStateException.class, () -> c.discriminatorScores(points));
    }
}
