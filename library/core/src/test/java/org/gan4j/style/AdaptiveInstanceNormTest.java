package org.gan4j.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.ops.transforms.Transforms;

/** {@link AdaptiveInstanceNorm}'s per-channel statistics. */
class AdaptiveInstanceNormTest {

    /**
     * The pass's mean and 1/σ against ND4J's {@code mean(2, 3)} and {@code var(false, 2, 3)} (the forward pass gets
     * them from libnd4j's faster {@code moments} op), for the style generator's three block shapes and a small one:
     * bit for bit in float32, the training type; in float64 (gradient checks) within 1e-13 relative, since the
     * variance can differ in the last bits there.
     */
    @Test
    void statisticsAreThoseOfMeanAndBiasedVarianceBitForBitInFloat32() {
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            for (long[] shape : new long[][]{{64, 64, 7, 7}, {64, 64, 14, 14}, {64, 32, 28, 28}, {3, 5, 2, 3}}) {
                Nd4j.getRandom().setSeed(7);
                INDArray x = Nd4j.rand(type, shape).muli(3).addi(1);
                long ch = shape[1];
                INDArray w = Nd4j.rand(type, shape[0], 4);
                AdaptiveInstanceNorm.Pass pass = AdaptiveInstanceNorm.forward(x, w, Nd4j.rand(type, 4, 2 * ch),
                        Nd4j.zeros(type, 2 * ch));
                INDArray mean = x.mean(2, 3);
                INDArray inverseStd = Transforms.pow(x.var(false, 2, 3).addi(AdaptiveInstanceNorm.EPSILON), -0.5,
                        false);
                double tolerance = type == DataType.FLOAT ? 0.0 : 1e-13 * inverseStd.amaxNumber().doubleValue();
                assertArrayEquals(mean.dup().data().asDouble(), pass.mean().dup().data().asDouble(),
                        type == DataType.FLOAT ? 0.0 : 1e-13 * mean.amaxNumber().doubleValue(),
                        type + " mean " + Arrays.toString(shape));
                assertArrayEquals(inverseStd.dup().data().asDouble(), pass.inverseStd().dup().data().asDouble(),
                        tolerance, type + " 1/sigma " + Arrays.toString(shape));
            }
        }
    }
}
