package org.gan4j.train;

import org.gan4j.viz.Charts;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * The per-step statistics of a run as a value that shows itself: in a notebook a loss chart plus the last rows,
 * elsewhere the Tablesaw {@link #table()}. Immutable (it keeps a private copy of the table).
 *
 * <pre>{@code
 * session.history()                    // chart + last rows in a notebook
 * session.history().lossChart()        // XChart: lossD and lossG against step
 * session.history().table()            // all rows, one column per StepStats field
 * }</pre>
 */
public final class TrainingHistory {
    /** Rows shown by {@link #toString()} and by default in notebooks. */
    public static final int DEFAULT_LAST_ROWS = 5;

    private final Table table;

    /**
     * Wraps a history table (its columns are those of {@link StepStats}).
     *
     * @param table the table; it must have the columns {@code step}, {@code lossD} and {@code lossG}
     */
    public TrainingHistory(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        for (String c : new String[] {"step", "lossD", "lossG"}) {
            if (!table.containsColumn(c)) {
                throw new IllegalArgumentException("table is not a training history: it has no column \"" + c
                        + "\" (columns: " + table.columnNames() + ")");
            }
        }
        this.table = table.copy();
    }

    /** The history of the given per-step statistics, in order. */
    public static TrainingHistory of(java.util.List<StepStats> rows) {
        History h = new History();
        for (StepStats s : rows) {
            h.add(s);
        }
        return new TrainingHistory(h.table());
    }

    /** @return a copy of the whole table */
    public Table table() {
        return table.copy();
    }

    /** @return steps recorded */
    public int size() {
        return table.rowCount();
    }

    /** @return the step of the last row, 0 when empty */
    public long lastStep() {
        return size() == 0 ? 0 : table.longColumn("step").get(size() - 1);
    }

    /**
     * @param n rows wanted ({@code n >= 0})
     * @return the last {@code n} rows (fewer when the history is shorter), as a new table
     */
    public Table last(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return table.last(Math.min(n, size())).setName("history (last " + Math.min(n, size()) + " of " + size()
                + " steps)");
    }

    /** @return lossD and lossG against step (long histories are averaged over consecutive steps) */
    public XYChart lossChart() {
        XYChart chart = Charts.lines(table, "step", "lossD", "lossG");
        chart.setTitle("losses" + (size() == 0 ? "" : " (steps 1–" + lastStep() + ")"));
        chart.setYAxisTitle("loss");
        return chart;
    }

    @Override
    public String toString() {
        if (size() == 0) {
            return "TrainingHistory[no steps]";
        }
        return "TrainingHistory[" + size() + " steps, last " + lastStep() + "]\n" + last(DEFAULT_LAST_ROWS).print();
    }
}
