package org.gan4j.eval;

import java.util.Locale;

import tech.tablesaw.api.Table;

/**
 * How well a conditional generator's samples show the classes they were asked for, as seen by a judge: label
 * accuracy (the share of samples predicted as their requested label), the confusion matrix of requested against
 * predicted class, and the class coverage of the same samples. Immutable.
 *
 * @param agreement requested labels (rows) against the judge's predictions (columns)
 * @param coverage  the class histogram of the predictions, ignoring the requested labels
 */
public record ConditionalReport(JudgeEvaluation agreement, CoverageReport coverage) {

    /** @return the share of samples the judge assigns to their requested label, in [0, 1] */
    public double labelAccuracy() {
        return agreement.accuracy();
    }

    /** @return the number of samples */
    public int samples() {
        return agreement.total();
    }

    /** @return requested (rows) against predicted (columns) class, see {@link JudgeEvaluation#confusionTable()} */
    public Table confusionTable() {
        return agreement.confusionTable();
    }

    /** @return per requested class: support, precision, recall (= per-class label accuracy), f1 */
    public Table perClassTable() {
        return agreement.perClassTable();
    }

    /** E.g. {@code ConditionalReport[label accuracy 87.4% of 500 samples; 10/10 classes covered, ...]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ConditionalReport[label accuracy %.1f%% (%d/%d samples); %s; %s]",
                100 * labelAccuracy(), agreement.correct(), samples(), coverage, agreement);
    }
}
