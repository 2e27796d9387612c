package org.gan4j.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InterpolationTest {

    private static final double EPS = 1e-9;

    private static INDArray v(double... x) {
        return Nd4j.createFromArray(x);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.castTo(DataType.DOUBLE).toDoubleVector(),
                actual.castTo(DataType.DOUBLE).reshape(actual.length()).toDoubleVector(), tol);
    }

    @Test
    void endpointsAreTheInputs() {
        INDArray a = v(1, 2, 3);
        INDArray b = v(-2, 0.5, 4);
        for (Interpolation m : Interpolation.values()) {
            assertClose(a, m.between(a, b, 0), 1e-12);
            assertClose(b, m.between(a, b, 1), 1e-12);
        }
    }

    @Test
    void lerpIsTheStraightLine() {
        assertClose(v(0.25, 0.75), Interpolation.lerp(v(0, 1), v(1, 0), 0.25), EPS);
    }

    @Test
    void slerpKeepsTheNormAndHalvesTheAngle() {
        INDArray a = v(1, 0);
        INDArray b = v(0, 1);
        INDArray mid = Interpolation.slerp(a, b, 0.5);
        assertEquals(1.0, mid.norm2Number().doubleValue(), EPS);
        assertClose(v(Math.sqrt(0.5), Math.sqrt(0.5)), mid, EPS);
        assertEquals(Math.PI / 4, Interpolation.angle(a, mid), EPS);
        assertEquals(Math.PI / 4, Interpolation.angle(mid, b), EPS);
        // lerp's midpoint cuts the corner
        assertEquals(Math.sqrt(0.5), Interpolation.lerp(a, b, 0.5).norm2Number().doubleValue(), EPS);
    }

    @Test
    void slerpAngleGrowsLinearlyAlongTheArc() {
        INDArray z = RandomStream.seeded(3).gaussian(DataType.DOUBLE, 2, 64);
        INDArray a = z.getRow(0);
        INDArray b = z.getRow(1).mul(a.norm2Number().doubleValue() / z.getRow(1).norm2Number().doubleValue());
        double theta = Interpolation.angle(a, b);
        for (double t : new double[]{0.1, 0.3, 0.5, 0.9}) {
            INDArray p = Interpolation.slerp(a, b, t);
            assertEquals(a.norm2Number().doubleValue(), p.norm2Number().doubleValue(), 1e-9, "norm at t=" + t);
            assertEquals(t * theta, Interpolation.angle(a, p), 1e-9, "angle at t=" + t);
        }
    }

    @Test
    void gaussianLatentsLoseNormOnlyUnderLerp() {
        INDArray z = RandomStream.seeded(1).gaussian(DataType.FLOAT, 2, 100);
        double normA = z.getRow(0).norm2Number().doubleValue();
        double normB = z.getRow(1).norm2Number().doubleValue();
        double lerpMid = Interpolation.lerp(z.getRow(0), z.getRow(1), 0.5).norm2Number().doubleValue();
        double slerpMid = Interpolation.slerp(z.getRow(0), z.getRow(1), 0.5).norm2Number().doubleValue();
        // nearly orthogonal ends: |(a+b)/2| is about |a|/sqrt(2)
        assertEquals(Math.sqrt(0.5), lerpMid / ((normA + normB) / 2), 0.1, "lerp midpoint norm " + lerpMid);
        assertTrue(slerpMid > 0.95 * Math.min(normA, normB), "slerp midpoint norm " + slerpMid);
    }

    @Test
    void nearlyParallelVectorsSlerpLikeLerp() {
        INDArray a = v(1, 2, 3);
        INDArray b = v(2, 4, 6.000000000001);
        INDArray p = Interpolation.slerp(a, b, 0.5);
        assertClose(Interpolation.lerp(a, b, 0.5), p, 1e-9);
        assertTrue(Double.isFinite(p.sumNumber().doubleValue()));
        assertClose(a.mul(1.0), Interpolation.slerp(a, a, 0.7), 1e-12);
    }

    @Test
    void keepsShapeAndDataType() {
        INDArray row = Nd4j.create(new float[]{1, 2, 3}, 1, 3);
        INDArray p = Interpolation.slerp(row, row.mul(-0.5).add(4), 0.5);
        assertArrayEquals(new long[]{1, 3}, p.shape());
        assertEquals(DataType.FLOAT, p.dataType());
    }

    @Test
    void pathsIncludeBothEnds() {
        INDArray a = v(1, 0, 0);
        INDArray b = v(0, 0, 2);
        INDArray path = Interpolation.SLERP.path(a, b, 5);
        assertArrayEquals(new long[]{5, 3}, path.shape());
        assertClose(a, path.getRow(0), EPS);
        assertClose(b, path.getRow(4), EPS);
        assertClose(Interpolation.slerp(a, b, 0.25), path.getRow(1), EPS);
    }

    @Test
    void gridHasItsCornersAndIsBilinear() {
        INDArray tl = v(0, 0);
        INDArray tr = v(1, 0);
        INDArray bl = v(0, 1);
        INDArray br = v(1, 1);
        INDArray g = Interpolation.LERP.grid(tl, tr, bl, br, 3, 5);
        assertArrayEquals(new long[]{15, 2}, g.shape());
        assertClose(tl, g.getRow(0), EPS);
        assertClose(tr, g.getRow(4), EPS);
        assertClose(bl, g.getRow(10), EPS);
        assertClose(br, g.getRow(14), EPS);
        assertClose(v(0.25, 0.5), g.getRow(5 + 1), EPS);
    }

    @Test
    void badParametersAreNamed() {
        INDArray a = v(1, 2);
        assertMessage(() -> Interpolation.lerp(a, a, 1.5), "t must be in [0, 1]");
        assertMessage(() -> Interpolation.lerp(a, a, Double.NaN), "t must be in [0, 1]");
        assertMessage(() -> Interpolation.lerp(a, v(1, 2, 3), 0.5), "same length");
        assertMessage(() -> Interpolation.slerp(a, v(0, 0), 0.5), "non-zero");
        assertMessage(() -> Interpolation.slerp(a, v(-1, -2), 0.5), "opposite");
        assertMessage(() -> Interpolation.SLERP.path(a, a, 1), "steps must be >= 2");
        assertMessage(() -> Interpolation.LERP.grid(a, a, a, a, 1, 3), "rows and columns");
        assertMessage(() -> Interpolation.lerp(Nd4j.zeros(2, 2), a, 0.5), "a must be one latent vector");
        assertMessage(() -> Interpolation.lerp(a, v(1, Double.NaN), 0.5), "b must be finite");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String part) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), "message '" + x.getMessage() + "' should contain '" + part + "'");
    }
}
