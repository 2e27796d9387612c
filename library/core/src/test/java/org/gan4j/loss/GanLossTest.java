package org.gan4j.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GanLossTest {
    private static final List<GanLoss> ALL = List.of(GanLoss.nonSaturating(), GanLoss.minimax(),
            GanLoss.leastSquares(), GanLoss.hinge(), GanLoss.wasserstein(),
            GanLoss.nonSaturating().withRealLabel(0.9), GanLoss.leastSquares().withRealLabel(0.9));

    private static INDArray scores() {
        return Nd4j.create(new double[]{-3.1, -0.4, 0.2, 0.7, 2.5, 40}, new long[]{6, 1}, DataType.DOUBLE);
    }

    @Test
    void gradientsMatchFiniteDifferencesForEveryLossAndTerm() {
        for (GanLoss loss : ALL) {
            check(loss + " D(real)", loss::discriminatorReal);
            check(loss + " D(fake)", loss::discriminatorFake);
            check(loss + " G", loss::generator);
        }
    }

    private static void check(String what, Function<INDArray, LossTerm> f) {
        INDArray s = scores();
        LossTerm t = f.apply(s);
        assertTrue(Double.isFinite(t.value()), what + " value finite");
        double h = 1e-6;
        for (int i = 0; i < s.length(); i++) {
            double v = s.getDouble(i);
            if (Math.abs(Math.abs(v) - 1) < 1e-3) {
                continue; // hinge kink
            }
            INDArray up = s.dup();
            up.putScalar(i, v + h);
            INDArray down = s.dup();
            down.putScalar(i, v - h);
            double numeric = (f.apply(up).value() - f.apply(down).value()) / (2 * h);
            assertEquals(numeric, t.gradient().getDouble(i), 1e-6, what + " score " + i);
        }
    }

    @Test
    void labelConventions() {
        INDArray confidentReal = Nd4j.create(new double[]{20}, new long[]{1, 1}, DataType.DOUBLE);
        assertEquals(0, GanLoss.nonSaturating().discriminatorReal(confidentReal).value(), 1e-8);
        assertEquals(0, GanLoss.nonSaturating().generator(confidentReal).value(), 1e-8);
        // one-sided smoothing: the optimum for real is sigmoid(s) = 0.9, fakes keep target 0
        INDArray atNine = Nd4j.create(new double[]{Math.log(9)}, new long[]{1, 1}, DataType.DOUBLE);
        assertEquals(0, GanLoss.nonSaturating().withRealLabel(0.9).discriminatorReal(atNine).gradient()
                .getDouble(0), 1e-12);
        assertEquals(0.9, GanLoss.nonSaturating().readout(atNine), 1e-12);
        assertEquals(0, GanLoss.hinge().discriminatorReal(confidentReal).value());
        assertEquals(0, GanLoss.leastSquares().discriminatorFake(Nd4j.zeros(DataType.DOUBLE, 3, 1)).value());
    }

    @Test
    void badInputFailsClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GanLoss.nonSaturating().withRealLabel(0.3));
        assertTrue(e.getMessage().contains("realLabel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GanLoss.hinge().generator(Nd4j.zeros(DataType.FLOAT, 4, 2)));
        assertTrue(e.getMessage().contains("[batch, 1]") && e.getMessage().contains("[4, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Regularizer.r1(-1));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Regularizer.gradientPenalty(0));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
    }

    @Test
    void toStringListsParameters() {
        assertEquals("NonSaturating[realLabel=0.9]", GanLoss.nonSaturating().withRealLabel(0.9).toString());
        assertEquals("R1[gamma=10.0]", Regularizer.r1(10).toString());
    }
}
