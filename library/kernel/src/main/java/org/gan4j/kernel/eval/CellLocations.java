package org.gan4j.kernel.eval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for every snippet the evaluator ran, which cell it came from and on which cell line it started, so stack
 * frames and diagnostics can say "cell [3], line 2" instead of naming JShell's generated classes.
 */
final class CellLocations {

    /**
     * Where a snippet starts.
     *
     * @param cell      the label of the cell (the execution count, or a name such as "startup")
     * @param firstLine the 1-based cell line on which the snippet starts
     */
    record Location(String cell, int firstLine) {
    }

    private final Map<String, Location> bySnippetId = new ConcurrentHashMap<>();

    void put(String snippetId, Location location) {
        bySnippetId.put(snippetId, location);
    }

    Location get(String snippetId) {
        return bySnippetId.get(snippetId);
    }

    /**
     * @param code   the cell
     * @param offset a character offset in it
     * @return the 1-based line of that offset
     */
    static int lineOf(String code, int offset) {
        int line = 1;
        int end = Math.min(offset, code.length());
        for (int i = 0; i < end; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** @return the 1-based column of {@code offset} in its line */
    static int columnOf(String code, int offset) {
        int end = Math.min(offset, code.length());
        int lineStart = code.lastIndexOf('\n', end - 1) + 1;
        return end - lineStart + 1;
    }

    /** @return the text of the 1-based line {@code line} of {@code code} */
    static String lineText(String code, int line) {
        String[] lines = code.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
