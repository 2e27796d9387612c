package org.gan4j.eval;

import java.util.List;
import java.util.Locale;

import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How often a judge's predictions agree with given labels: the true labels of real images, or the labels a
 * conditional generator was asked for. Holds the confusion matrix (rows: given label, columns: predicted class),
 * from which accuracy and per-class precision and recall follow. Built from Tribuo's
 * {@link org.tribuo.classification.evaluation.LabelEvaluator}; immutable.
 *
 * @param what       what was evaluated, e.g. {@code "2000 images of Fashion-MNIST embedded subset, test"}
 * @param classNames class names, index = label
 * @param confusion  {@code confusion[given][predicted]} counts, {@code classNames.size()} square
 */
public record JudgeEvaluation(String what, List<String> classNames, int[][] confusion) {

    /** Copies the arrays and checks that the matrix is square with one row per class. */
    public JudgeEvaluation {
        classNames = List.copyOf(classNames);
        int k = classNames.size();
        if (confusion.length != k) {
            throw new IllegalArgumentException("confusion has " + confusion.length + " rows, expected " + k
                    + " (one per class)");
        }
        int[][] copy = new int[k][];
        for (int i = 0; i < k; i++) {
            if (confusion[i].length != k) {
                throw new IllegalArgumentException("confusion row " + i + " has " + confusion[i].length
                        + " entries, expected " + k);
            }
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /** Reads the counts from a Tribuo evaluation. */
    static JudgeEvaluation fromTribuo(String what, List<String> classNames, LabelEvaluation evaluation) {
        ConfusionMatrix<Label> matrix = evaluation.getConfusionMatrix();
        int k = classNames.size();
        int[][] counts = new int[k][k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                counts[t][p] = (int) Math.round(matrix.confusion(new Label(classNames.get(p)),
                        new Label(classNames.get(t))));
            }
        }
        return new JudgeEvaluation(what, classNames, counts);
    }

    /** @return a copy of the confusion matrix, {@code [given][predicted]} */
    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** @return the number of images evaluated */
    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    /** @return the number of images whose predicted class equals the given label */
    public int correct() {
        int n = 0;
        for (int i = 0; i < confusion.length; i++) {
            n += confusion[i][i];
        }
        return n;
    }

    /** @return the fraction of images predicted as their given label, in [0, 1] (0 if none) */
    public double accuracy() {
        int total = total();
        return total == 0 ? 0 : (double) correct() / total;
    }

    /** @param k class index @return images with given label {@code k} */
    public int support(int k) {
        int n = 0;
        for (int c : confusion[k]) {
            n += c;
        }
        return n;
    }

    /** @param k class index @return images predicted as {@code k} */
    public int predicted(int k) {
        int n = 0;
        for (int[] row : confusion) {
            n += row[k];
        }
        return n;
    }

    /** @param k class index @return of the images predicted as {@code k}, the fraction given {@code k}; 0 if none */
    public double precision(int k) {
        int p = predicted(k);
        return p == 0 ? 0 : (double) confusion[k][k] / p;
    }

    /** @param k class index @return of the images given {@code k}, the fraction predicted as {@code k}; 0 if none */
    public double recall(int k) {
        int s = support(k);
        return s == 0 ? 0 : (double) confusion[k][k] / s;
    }

    /** @param k class index @return the harmonic mean of precision and recall; 0 if both are 0 */
    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * @return the confusion matrix as a table: a column {@code "given \ predicted"} with the class names, then one
     *         integer column per predicted class
     */
    public Table confusionTable() {
        Table t = Table.create("confusion: " + what);
        t.addColumns(StringColumn.create("given \\ predicted", classNames));
        for (int p = 0; p < classNames.size(); p++) {
            int[] col = new int[classNames.size()];
            for (int g = 0; g < col.length; g++) {
                col[g] = confusion[g][p];
            }
            t.addColumns(IntColumn.create(classNames.get(p), col));
        }
        return t;
    }

    /** @return per class: {@code class, support, predicted, precision, recall, f1} */
    public Table perClassTable() {
        int k = classNames.size();
        int[] support = new int[k];
        int[] predicted = new int[k];
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        for (int c = 0; c < k; c++) {
            support[c] = support(c);
            predicted[c] = predicted(c);
            precision[c] = precision(c);
            recall[c] = recall(c);
            f1[c] = f1(c);
        }
        return Table.create("per class: " + what,
                StringColumn.create("class", classNames),
                IntColumn.create("support", support),
                IntColumn.create("predicted", predicted),
                DoubleColumn.create("precision", precision),
                DoubleColumn.create("recall", recall),
                DoubleColumn.create("f1", f1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JudgeEvaluation e && what.equals(e.what) && classNames.equals(e.classNames)
                && java.util.Arrays.deepEquals(confusion, e.confusion);
    }

    @Override
    public int hashCode() {
        return what.hashCode() * 31 + java.util.Arrays.deepHashCode(confusion);
    }

    /** E.g. {@code JudgeEvaluation[accuracy 90.2% (1804/2000) on ...; recall: T-shirt/top 85%, ...]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "JudgeEvaluation[accuracy %.1f%% (%d/%d) on %s;"
                + " recall:", 100 * accuracy(), correct(), total(), what));
        for (int c = 0; c < classNames.size(); c++) {
            sb.append(c == 0 ? " " : ", ").append(classNames.get(c))
                    .append(String.format(Locale.ROOT, " %.0f%%", 100 * recall(c)));
        }
        return sb.append(']').toString();
    }
}
