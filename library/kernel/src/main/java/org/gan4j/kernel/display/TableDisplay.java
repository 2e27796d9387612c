package org.gan4j.kernel.display;

import java.util.List;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw {@link Table} for display: an HTML table and Tablesaw's text form, each showing at most
 * {@value #MAX_ROWS} rows (the first and the last half when the table is longer).
 */
public final class TableDisplay {

    /** Tables longer than this show their head and tail. */
    public static final int MAX_ROWS = 40;

    private TableDisplay() {
    }

    /**
     * @param table a table
     * @return it as an HTML table with a caption naming its size
     */
    public static String html(Table table) {
        StringBuilder html = new StringBuilder("<table class=\"gan4j-table\">");
        html.append("<caption style=\"caption-side: top; text-align: left\">")
                .append(escape(table.name() == null ? "" : table.name()))
                .append(" (").append(table.rowCount()).append(" rows × ").append(table.columnCount())
                .append(" columns)</caption><thead><tr>");
        List<Column<?>> columns = table.columns();
        for (Column<?> column : columns) {
            html.append("<th>").append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        int head = rows > MAX_ROWS ? MAX_ROWS / 2 : rows;
        for (int r = 0; r < head; r++) {
            row(html, columns, r);
        }
        if (rows > MAX_ROWS) {
            html.append("<tr>");
            for (int c = 0; c < columns.size(); c++) {
                html.append("<td>…</td>");
            }
            html.append("</tr>");
            for (int r = rows - MAX_ROWS / 2; r < rows; r++) {
                row(html, columns, r);
            }
        }
        return html.append("</tbody></table>").toString();
    }

    /**
     * @param table a table
     * @return Tablesaw's text form of it, all rows up to {@value #MAX_ROWS}, else head and tail
     */
    public static String text(Table table) {
        return table.rowCount() <= MAX_ROWS ? table.printAll() : table.print(MAX_ROWS);
    }

    private static void row(StringBuilder html, List<Column<?>> columns, int r) {
        html.append("<tr>");
        for (Column<?> column : columns) {
            html.append("<td>").append(escape(column.getString(r))).append("</td>");
        }
        html.append("</tr>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
