package org.gan4j.latent;

import static org.gan4j.latent.InterpolationTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TruncationAndClassConditionsTest {

    private final INDArray z = RandomStream.seeded(5).gaussian(DataType.FLOAT, 6, 16);

    @Test
    void psiOneIsTheIdentity() {
        assertEquals(z, Truncation.psi(1).apply(z));
        INDArray center = RandomStream.seeded(6).gaussian(DataType.FLOAT, 1, 16);
        assertTrue(z.equalsWithEps(Truncation.psi(1).apply(z, center), 1e-6));
    }

    @Test
    void psiZeroGivesTheMean() {
        assertEquals(Nd4j.zeros(DataType.FLOAT, 6, 16), Truncation.psi(0).apply(z));
        INDArray center = RandomStream.seeded(6).gaussian(DataType.FLOAT, 1, 16);
        INDArray out = Truncation.psi(0).apply(z, center);
        for (int i = 0; i < 6; i++) {
            assertTrue(center.equalsWithEps(out.getRow(i, true), 1e-6), "row " + i);
        }
    }

    @Test
    void psiScalesTheDistanceToTheCentre() {
        INDArray half = Truncation.psi(0.5).apply(z);
        assertEquals(0.5 * z.norm2Number().doubleValue(), half.norm2Number().doubleValue(), 1e-4);
        assertEquals(DataType.FLOAT, half.dataType());
        assertEquals("Truncation[ψ=0.5]", Truncation.psi(0.5).toString());
    }

    @Test
    void badTruncationsAreNamed() {
        assertMessage(() -> Truncation.psi(-0.1), "psi must be in [0, 2]");
        assertMessage(() -> Truncation.psi(Double.NaN), "psi must be in [0, 2]");
        assertMessage(() -> Truncation.psi(0.5).apply(z, Nd4j.zeros(1, 3)), "center must have one entry per");
    }

    @Test
    void classConditionsAreOneHotsAndBlends() {
        assertEquals(Nd4j.createFromArray(new float[][]{{0, 1, 0}}), ClassConditions.oneHot(1, 3));
        assertEquals(Nd4j.createFromArray(new float[][]{{0.75f, 0, 0.25f}}), ClassConditions.blend(0, 2, 0.25, 3));
        assertEquals(ClassConditions.oneHot(2, 3), ClassConditions.blend(2, 2, 0.3, 3));
        INDArray path = ClassConditions.path(0, 2, 5, 3);
        assertArrayEquals(new long[]{5, 3}, path.shape());
        assertEquals(ClassConditions.oneHot(0, 3), path.getRow(0, true));
        assertEquals(ClassConditions.oneHot(2, 3), path.getRow(4, true));
        assertEquals(5.0, path.sumNumber().doubleValue(), 1e-6);
        assertEquals(Nd4j.createFromArray(new float[][]{{0, 1}, {1, 0}}), ClassConditions.oneHot(new int[]{1, 0}, 2));
    }

    @Test
    void badClassConditionsAreNamed() {
        assertMessage(() -> ClassConditions.oneHot(3, 3), "label must be a class in [0, 3)");
        assertMessage(() -> ClassConditions.blend(0, -1, 0.5, 3), "to must be a class");
        assertMessage(() -> ClassConditions.blend(0, 1, 2, 3), "t must be in [0, 1]");
        assertMessage(() -> ClassConditions.path(0, 1, 1, 3), "steps must be >= 2");
        assertMessage(() -> ClassConditions.oneHot(0, 0), "numClasses must be > 0");
    }
}
