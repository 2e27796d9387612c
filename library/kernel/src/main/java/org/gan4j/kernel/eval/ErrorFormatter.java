package org.gan4j.kernel.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

/**
 * Turns diagnostics and exceptions into the readable lines Jupyter shows: positions are cell lines, snippet classes
 * appear under the names the user gave them, and frames of JShell and the kernel are left out.
 */
final class ErrorFormatter {

    private final CellLocations locations;

    ErrorFormatter(CellLocations locations) {
        this.locations = locations;
    }

    /** Formats a compile error of one snippet. */
    CellException compileError(String cellLabel, String code, int lineBase, CellSplitter.Piece piece, List<Diag> diags) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : diags) {
            if (!diag.isError()) {
                continue;
            }
            String message = diag.getMessage(Locale.ROOT);
            if (first == null) {
                first = message.lines().findFirst().orElse(message);
            }
            long pos = diag.getStartPosition() >= 0 ? diag.getStartPosition() : diag.getPosition();
            long endPos = diag.getEndPosition() >= 0 ? diag.getEndPosition() : pos + 1;
            int at = piece.start() + (int) Math.max(0, pos);
            int line = CellLocations.lineOf(code, at);
            int column = CellLocations.columnOf(code, at);
            lines.add(where(cellLabel, line + lineBase) + ": " + message.lines().findFirst().orElse(""));
            message.lines().skip(1).forEach(l -> lines.add("  " + l));
            String text = CellLocations.lineText(code, line);
            if (!text.isBlank()) {
                lines.add("    " + text);
                int width = (int) Math.max(1, Math.min(endPos - pos, text.length() - column + 1));
                lines.add("    " + " ".repeat(Math.max(0, column - 1)) + "^" + "~".repeat(Math.max(0, width - 1)));
            }
        }
        if (first == null) {
            first = "the code does not compile";
            lines.add(first);
        }
        return new CellException(CellException.Kind.COMPILE_ERROR, "CompilationError", first, lines, null);
    }

    /** Formats a snippet that refers to something not defined. */
    CellException unresolved(String cellLabel, int line, String what, List<String> missing) {
        String message = what + " cannot be used: cannot find symbol " + String.join(", ", missing);
        return new CellException(CellException.Kind.COMPILE_ERROR, "CompilationError", message,
                List.of(where(cellLabel, line) + ": " + message), null);
    }

    /**
     * Formats an exception thrown by the cell from JShell's report, whose stack frames JShell has already translated
     * to snippet ids and snippet lines.
     *
     * @param thrown JShell's report
     * @param real   the exception object itself, when known (kept as the cause)
     */
    CellException exception(EvalException thrown, Throwable real) {
        List<String> lines = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        JShellException t = thrown;
        String prefix = "";
        while (t != null && seen.add(t)) {
            String cls = t instanceof EvalException ? ((EvalException) t).getExceptionClassName() : t.getClass().getName();
            lines.add(prefix + cls + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            List<String> frames = new ArrayList<>();
            for (StackTraceElement frame : userFrames(t.getStackTrace())) {
                frames.add("\tat " + frame(frame));
            }
            lines.addAll(FrameFolding.fold(frames));
            prefix = "Caused by: ";
            t = t.getCause() instanceof JShellException ? (JShellException) t.getCause() : null;
        }
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        return new CellException(CellException.Kind.EXCEPTION, thrown.getExceptionClassName(), message, lines, real);
    }

    static CellException interrupted() {
        return interrupted(null);
    }

    /**
     * @param threadReport what became of a thread that would not stop ({@code null}: it stopped)
     * @return the error of an interrupted cell
     */
    static CellException interrupted(String threadReport) {
        List<String> lines = new ArrayList<>();
        lines.add("Interrupted: the cell was interrupted; variables defined before are kept");
        String message = "the cell was interrupted";
        if (threadReport != null) {
            lines.add("  " + threadReport);
            message += "; " + threadReport;
        }
        return new CellException(CellException.Kind.INTERRUPTED, "Interrupted", message, lines, null);
    }

    /** Keeps the frames up to the outermost snippet frame: what runs the snippet is not the user's business. */
    private static List<StackTraceElement> userFrames(StackTraceElement[] trace) {
        int last = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isSnippetFrame(trace[i])) {
                last = i;
            }
        }
        List<StackTraceElement> frames = new ArrayList<>();
        int end = last >= 0 ? last + 1 : trace.length;
        for (int i = 0; i < end; i++) {
            StackTraceElement e = trace[i];
            if (last < 0 && isKernelFrame(e)) {
                break;
            }
            frames.add(e);
        }
        return frames;
    }

    /** JShell translates frames of snippet code to file "#id" and the line within the snippet. */
    private static boolean isSnippetFrame(StackTraceElement e) {
        return e.getFileName() != null && e.getFileName().startsWith("#");
    }

    private static boolean isKernelFrame(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("org.gan4j.kernel.") || c.startsWith("jdk.jshell.")
                || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.");
    }

    private String frame(StackTraceElement e) {
        if (!isSnippetFrame(e)) {
            return e.toString();
        }
        String cls = e.getClassName() == null ? "" : e.getClassName();
        String method = e.getMethodName() == null ? "" : e.getMethodName();
        String name = cls.isEmpty() ? method : (method.isEmpty() ? cls : cls + "." + method);
        String location = location(e);
        return name.isEmpty() ? location : name + "(" + location + ")";
    }

    private String location(StackTraceElement e) {
        CellLocations.Location loc = locations.get(e.getFileName().substring(1));
        if (loc != null && e.getLineNumber() > 0) {
            return where(loc.cell(), loc.firstLine() + e.getLineNumber() - 1);
        }
        return "snippet " + e.getFileName() + ", line " + e.getLineNumber();
    }

    static String where(String cellLabel, int line) {
        return (cellLabel == null || cellLabel.isEmpty() ? "" : "cell " + cellLabel + ", ") + "line " + line;
    }
}
