package org.gan4j.eval;

import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;

/**
 * The judge shared by the tests of this package, trained once on first use: the embedded Fashion-MNIST training split,
 * 5 epochs instead of the default 10 to keep the tests short, tested on the embedded test split.
 */
final class TestJudge {

    /**
     * Accuracy floor on the embedded test split for this 5-epoch judge (measured 2026-11: 89.8 %; the 10-epoch default
     * judge: 90.2 %). Tribuo's SGD is plain Java and seeded, so the figure is the same on every machine.
     */
    static final double ACCURACY_FLOOR = 0.87;

    static final ImageDataset TRAIN = FashionMnist.embedded(Split.TRAIN);
    static final ImageDataset TEST = FashionMnist.embedded(Split.TEST);
    static final JudgeClassifier JUDGE = JudgeClassifier.train(TRAIN, TEST, JudgeConfig.defaults().withEpochs(5));

    private TestJudge() {
    }
}
