package org.gan4j.invert;

import org.gan4j.data.ImageDataset;
import org.gan4j.eval.JudgeClassifier;
import org.gan4j.nn.Generator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Issue 11's two checks of a projection of real images, shared by {@code InversionTest}, {@code StyleLearningTest}
 * and the full-scale run ({@code FullFashionMnistRun}).
 */
public final class InversionChecks {
    private InversionChecks() {
    }

    /** How many reconstructions the judge puts in the same class as their original in {@code targets}. */
    public static int judgedClassKept(JudgeClassifier judge, INDArray targets, Projection projection) {
        int[] original = judge.predict(ImageDataset.of(targets, "originals"));
        int[] reconstructed = judge.predict(ImageDataset.of(projection.reconstructions(), "reconstructions"));
        int kept = 0;
        for (int i = 0; i < original.length; i++) {
            kept += original[i] == reconstructed[i] ? 1 : 0;
        }
        return kept;
    }

    /**
     * How many reconstructions are closer to their target (mean squared pixel error) than the closest of
     * {@code samples} random samples of {@code generator} drawn with sample seed {@code seed}.
     */
    public static int closerThanBestRandomSample(Generator generator, INDArray targets, Projection projection,
                                                 int samples, long seed) {
        INDArray random = generator.sample(samples, seed).reshape(samples, -1);
        double[] errors = projection.pixelErrors();
        int closer = 0;
        for (int i = 0; i < errors.length; i++) {
            INDArray d = random.subRowVector(targets.get(NDArrayIndex.point(i)).reshape(1, -1));
            closer += errors[i] < d.muli(d).mean(1).minNumber().doubleValue() ? 1 : 0;
        }
        return closer;
    }
}
