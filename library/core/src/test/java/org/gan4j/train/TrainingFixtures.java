package org.gan4j.train;

import org.gan4j.loss.GanLoss;
import org.gan4j.loss.Regularizer;
import org.gan4j.nn.LabelConditioning;
import org.gan4j.nn.MlpDiscriminator;
import org.gan4j.nn.MlpGenerator;
import org.gan4j.synth.GaussianRing;

/** Tiny, fast configurations for tests of the training machinery. */
final class TrainingFixtures {
    private TrainingFixtures() {
    }

    static TrainingSet ring(int n) {
        return GaussianRing.standard().sample(n, 11);
    }

    /** The training loop after {@code config.steps()} steps on {@code data}, to save or inspect. */
    static TrainingLoop loopAfter(GanConfig config, TrainingSet data) {
        TrainingLoop[] loop = new TrainingLoop[1];
        new GanTrainer(config).train(data, new TrainingListener() {
            @Override
            public void onStart(TrainingRun run) {
                loop[0] = (TrainingLoop) run;
            }
        });
        return loop[0];
    }

    static GanConfig tiny(int steps) {
        return GanConfig.mlp(2).toBuilder()
                .generator(MlpGenerator.builder().latentSize(4).hiddenWidths(16, 16).build())
                .discriminator(MlpDiscriminator.builder().hiddenWidths(16, 16).build())
                .batchSize(32).steps(steps).seed(5).emaDecay(0.9).build();
    }

    static GanConfig tinyWassersteinGp(int steps) {
        return tiny(steps).toBuilder().loss(GanLoss.wasserstein()).regularizer(Regularizer.gradientPenalty(10))
                .nCritic(2).build();
    }

    static GanConfig tinyConditional(int steps) {
        return tiny(steps).toBuilder()
                .generator(MlpGenerator.builder().latentSize(4).numClasses(8).hiddenWidths(16, 16).build())
                .discriminator(MlpDiscriminator.builder().numClasses(8).hiddenWidths(16, 16).build())
                .build();
    }

    static GanConfig tinyProjection(int steps) {
        return tinyConditional(steps).toBuilder()
                .discriminator(MlpDiscriminator.builder().numClasses(8).hiddenWidths(16, 16)
                        .conditioning(LabelConditioning.PROJECTION).build())
                .build();
    }
}
