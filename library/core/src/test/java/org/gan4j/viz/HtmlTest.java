package org.gan4j.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTest {

    @Test
    void escapesEveryMarkupCharacter() {
        assertEquals("&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<b onclick=\"x\">&'"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void propertiesEscapeNamesValuesAndTitleButNotRawRows() {
        String html = Html.properties("<t>").row("<k>", "<v>").rawRow("img", "<img src=\"x\">").toHtml();
        assertTrue(html.contains("&lt;t&gt;") && html.contains("&lt;k&gt;") && html.contains("&lt;v&gt;"), html);
        assertTrue(html.contains("<img src=\"x\">"), html);
        assertFalse(html.contains("<t>") || html.contains("<v>"), html);
    }

    @Test
    void pngIsAnInlineImage() {
        String img = Html.png(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), 0);
        assertTrue(img.startsWith("<img src=\"data:image/png;base64,") && img.contains("width=\"4\""), img);
        assertThrows(IllegalArgumentException.class, () -> Html.png(null, 0));
    }

    @Test
    void linesAverageLongTablesAndNameBadColumns() {
        int n = 2000; // two rows per point
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = i % 2;
        }
        Table t = Table.create("h", DoubleColumn.create("step", x), DoubleColumn.create("loss", y),
                StringColumn.create("name", n));
        XYChart chart = Charts.lines(t, "step", "loss");
        double[] ys = chart.getSeriesMap().get("loss").getYData();
        assertTrue(ys.length <= Charts.MAX_LINE_POINTS, "points " + ys.length);
        assertEquals(0.5, ys[0], 1e-9, "bucket mean");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.lines(t, "step", "nope"));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("step"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.lines(t, "step", "name"));
        assertTrue(e.getMessage().contains("not numeric"), e.getMessage());
        assertEquals(1, Charts.lines(t.emptyCopy(), "step", "loss").getSeriesMap().size(), "empty table");
    }
}
