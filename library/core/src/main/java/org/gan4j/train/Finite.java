package org.gan4j.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/** Finiteness checks of arrays (no NaN, no infinity), shared by data, step and checkpoint validation. */
final class Finite {
    private Finite() {
    }

    /** Whether every value of {@code a} is a finite number (true for empty and integer arrays). */
    static boolean all(INDArray a) {
        // one pass that counts the values that are NaN or infinite
        return a.isEmpty() || !a.dataType().isFPType()
                || Nd4j.getExecutioner().exec(new MatchCondition(a, Conditions.notFinite())).getLong(0) == 0;
    }
}
