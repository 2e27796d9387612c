package org.gan4j.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell cut into the parts run one after another: runs of code lines and line magics; or a cell magic with its body.
 */
public final class CellParts {

    private static final Pattern LINE_MAGIC = Pattern.compile("^[ \\t]*%(?!%)([A-Za-z_][\\w.-]*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^[ \\t]*%%([A-Za-z_][\\w.-]*)(.*)$");

    /** A part of a cell. */
    public sealed interface Part permits Code, LineMagic {
        /** @return the 0-based cell line the part starts on */
        int firstLine();
    }

    /**
     * Lines of code.
     *
     * @param code      the code
     * @param firstLine the 0-based cell line it starts on
     */
    public record Code(String code, int firstLine) implements Part {
    }

    /**
     * A line magic.
     *
     * @param name      its name, without {@code %}
     * @param args      its arguments, split like a shell does (quotes group)
     * @param rest      the text after the name, unsplit
     * @param firstLine the 0-based cell line
     */
    public record LineMagic(String name, List<String> args, String rest, int firstLine) implements Part {
    }

    /**
     * A cell magic: the first line {@code %%name args}, and the rest of the cell as body.
     *
     * @param name the magic's name
     * @param args its arguments
     * @param body the rest of the cell
     */
    public record CellMagic(String name, List<String> args, String body) {
    }

    private CellParts() {
    }

    /**
     * @param cell a cell
     * @return the cell magic it starts with, or {@code null}
     */
    public static CellMagic cellMagic(String cell) {
        String trimmed = cell.stripLeading();
        int nl = trimmed.indexOf('\n');
        String first = nl < 0 ? trimmed : trimmed.substring(0, nl);
        Matcher m = CELL_MAGIC.matcher(first);
        if (!m.matches()) {
            return null;
        }
        return new CellMagic(m.group(1), split(m.group(2)), nl < 0 ? "" : trimmed.substring(nl + 1));
    }

    /**
     * @param cell a cell without cell magic
     * @return its parts in order
     */
    public static List<Part> parts(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE_MAGIC.matcher(lines[i]);
            if (m.matches()) {
                if (!code.toString().isBlank()) {
                    parts.add(new Code(code.toString(), codeStart));
                }
                code.setLength(0);
                codeStart = i + 1;
                parts.add(new LineMagic(m.group(1), split(m.group(2)), m.group(2).strip(), i));
            } else {
                if (code.length() > 0) {
                    code.append('\n');
                }
                code.append(lines[i]);
            }
        }
        if (!code.toString().isBlank()) {
            parts.add(new Code(code.toString(), codeStart));
        }
        return parts;
    }

    /** @return the cell with every magic line replaced by an empty line (for completeness checks) */
    public static String withoutMagics(String cell) {
        if (cellMagic(cell) != null) {
            return "";
        }
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (LINE_MAGIC.matcher(lines[i]).matches()) {
                lines[i] = "";
            }
        }
        return String.join("\n", lines);
    }

    /** Splits arguments on blanks; single or double quotes group, a backslash escapes the next character. */
    public static List<String> split(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inArg = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}
