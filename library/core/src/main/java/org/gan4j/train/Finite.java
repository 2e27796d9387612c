package org.gan4j.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/** Finiteness checks of arrays (no NaN, no infinity), shared by data, step and checkpoint validation. */
final class Finite {
    private Finite() {
    }

    /** Whether every value of {@code a} is a finite number (true for empty and integer arrays). */
    static boolean all(INDArray a) {
        return a.isEmpty() || !a.dataType().isFPType() || !(BooleanIndexing.or(a, Conditions.isNan())
                || BooleanIndexing.or(a, Conditions.isInfinite()));
    }
}
