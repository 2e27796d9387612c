package org.gan4j.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Small, escaped HTML fragments for notebook summaries: a titled key/value table and inline PNG images. Every text
 * that goes in is escaped, so names and messages from users or files cannot inject markup.
 *
 * <pre>{@code
 * String html = Html.properties("GanConfig")
 *         .row("batch size", 64)
 *         .row("loss", config.loss())
 *         .toHtml();
 * String img = Html.png(grid, 280);     // <img src="data:image/png;base64,…" width="280">
 * }</pre>
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for HTML element content and attribute values: {@code & < > " '}.
     *
     * @param text any text ({@code null} gives an empty string)
     * @return the escaped text
     */
    public static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String s = String.valueOf(text);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * An inline PNG image.
     *
     * @param image        the image
     * @param displayWidth width in CSS pixels (the image is scaled by the browser; pass the image's width or half of
     *                     it for a 2× image); 0 = the image's own width
     * @return an {@code <img>} element with a {@code data:} URI
     */
    public static String png(BufferedImage image, int displayWidth) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int w = displayWidth > 0 ? displayWidth : image.getWidth();
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray())
                + "\" width=\"" + w + "\" style=\"image-rendering: pixelated\">";
    }

    /**
     * Starts a titled two-column table of properties.
     *
     * @param title the caption (escaped)
     * @return a builder
     */
    public static Properties properties(String title) {
        return new Properties(title);
    }

    /** A titled table of name/value rows; values are escaped text, or HTML added with {@link #rawRow}. */
    public static final class Properties {
        private final String title;
        private final Map<String, String> rows = new LinkedHashMap<>();

        private Properties(String title) {
            this.title = title;
        }

        /**
         * Adds a row (a repeated name replaces the earlier value).
         *
         * @param name  the name (escaped)
         * @param value the value, as {@code String.valueOf} (escaped)
         * @return this builder
         */
        public Properties row(String name, Object value) {
            rows.put(escape(name), escape(value));
            return this;
        }

        /**
         * Adds a row whose value is HTML (e.g. from {@link Html#png} or another table); the caller escapes any text
         * in it.
         *
         * @param name the name (escaped)
         * @param html the value as HTML, not escaped
         * @return this builder
         */
        public Properties rawRow(String name, String html) {
            rows.put(escape(name), html == null ? "" : html);
            return this;
        }

        /** @return the table as an HTML fragment */
        public String toHtml() {
            StringBuilder out = new StringBuilder("<table class=\"gan4j-summary\">");
            out.append("<caption style=\"caption-side: top; text-align: left; font-weight: bold\">")
                    .append(escape(title)).append("</caption><tbody>");
            rows.forEach((k, v) -> out.append("<tr><th style=\"text-align: left\">").append(k)
                    .append("</th><td style=\"text-align: left\">").append(v).append("</td></tr>"));
            return out.append("</tbody></table>").toString();
        }

        @Override
        public String toString() {
            return toHtml();
        }
    }
}
