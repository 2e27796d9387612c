package org.gan4j.kernel.display;

import java.util.List;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shows a Tablesaw {@link Table} as an HTML table (at most {@value #MAX_ROWS} rows: the first and last halves) and as
 * Tablesaw's text form.
 */
public final class TablesawRenderer implements DisplayRenderer {

    /** Tables longer than this show their head and tail. */
    public static final int MAX_ROWS = 40;

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN,
                            () -> table.rowCount() <= MAX_ROWS ? table.printAll() : table.print(MAX_ROWS));
                });
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
