package org.gan4j.kernel.eval;

import java.util.ArrayList;
import java.util.List;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Splits a cell into the snippets JShell evaluates one by one, remembering where each one starts in the cell so that
 * errors can name cell lines.
 */
final class CellSplitter {

    /**
     * One snippet of a cell.
     *
     * @param source      what JShell evaluates (may have a semicolon added)
     * @param start       offset of the snippet's first character in the cell
     * @param end         offset just after the snippet's last character in the cell
     * @param completeness JShell's verdict on the snippet
     */
    record Piece(String source, int start, int end, Completeness completeness) {

        boolean isComplete() {
            return completeness.isComplete();
        }
    }

    private final SourceCodeAnalysis analysis;

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * @param code a whole cell
     * @return its snippets in order; the last one may be incomplete or unparsable
     */
    List<Piece> split(String code) {
        List<Piece> pieces = new ArrayList<>();
        int pos = 0;
        while (pos < code.length()) {
            int start = skipBlankAndComments(code, pos);
            if (start >= code.length()) {
                break;
            }
            String rest = code.substring(pos);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (completeness.isComplete()) {
                int consumed = rest.length() - info.remaining().length();
                if (consumed <= 0) {
                    pieces.add(new Piece(code.substring(start).strip(), start, code.length(), Completeness.UNKNOWN));
                    break;
                }
                int end = pos + consumed;
                pieces.add(new Piece(info.source(), start, trimEnd(code, start, end), completeness));
                pos = end;
            } else {
                pieces.add(new Piece(code.substring(start).strip(), start, code.length(), completeness));
                break;
            }
        }
        return pieces;
    }

    private static int trimEnd(String code, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(code.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** @return the offset of the first character at or after {@code pos} that is neither blank nor in a comment */
    static int skipBlankAndComments(String code, int pos) {
        int i = pos;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (code.startsWith("//", i)) {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? code.length() : nl + 1;
            } else if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                if (close < 0) {
                    return i; // unterminated comment: let JShell report it
                }
                i = close + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
