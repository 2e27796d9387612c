package org.gan4j.kernel.eval;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates Java cells with JShell in this JVM, IJava style.
 *
 * <p>A cell may hold any number of statements, declarations and expressions. If the last one is an expression (and
 * does not end with a semicolon, as in IPython) its value is the cell's result, kept as the real object so it can be
 * rendered richly. Compile errors, exceptions and interrupts end the cell with a {@link CellException} whose messages
 * name cell lines. Definitions made before a failure or an interrupt are kept.
 *
 * <p>Threading: {@link #eval} and the analysis methods are called from one thread at a time (the kernel's shell
 * thread); {@link #interrupt()} may be called from any thread.
 */
public final class JShellEvaluator implements AutoCloseable {

    /** Answer to "is this code ready to run?". */
    public enum Readiness {
        /** Ready to run. */
        COMPLETE,
        /** More input is needed (an open brace, an unfinished statement). */
        INCOMPLETE,
        /** The code cannot become valid by adding more input. */
        INVALID
    }

    /**
     * The answer to a completeness query.
     *
     * @param readiness the verdict
     * @param indent    suggested indent for the next line when {@link Readiness#INCOMPLETE}, else empty
     */
    public record IsComplete(Readiness readiness, String indent) {
    }

    /**
     * Completion candidates.
     *
     * @param matches     the texts that may replace {@code [start, end)} of the cell
     * @param cursorStart start of the replaced range
     * @param cursorEnd   end of the replaced range
     */
    public record Completion(List<String> matches, int cursorStart, int cursorEnd) {
    }

    /**
     * What is known about the code at the cursor.
     *
     * @param signatures the signatures (several for overloads)
     * @param javadoc    the javadoc text, empty when the sources are not available
     */
    public record Inspection(List<String> signatures, String javadoc) {
    }

    private final CellExecutionControl control = new CellExecutionControl();
    private final JShell shell;
    private static final long INDEX_WAIT_MILLIS = 20_000;

    private final SourceCodeAnalysis analysis;
    /** Whether JShell's first class-path index is known to be complete (see {@link #awaitClassPathIndex}). */
    private volatile boolean indexReady;
    private final CellSplitter splitter;
    private final CellLocations locations = new CellLocations();
    private final ErrorFormatter errors = new ErrorFormatter(locations);
    private volatile boolean cellRunning;
    private volatile StandardJavaFileManager fileManager;
    private final Set<String> compileClassPath = new LinkedHashSet<>();

    /**
     * Creates an evaluator whose snippets see this JVM's class path.
     */
    public JShellEvaluator() {
        this(List.of(System.getProperty("java.class.path", "").split(File.pathSeparator)));
    }

    /**
     * @param classPath class path entries the snippets are compiled against (the classes themselves are loaded from
     *                  this JVM's class path first)
     */
    public JShellEvaluator(List<String> classPath) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        // JShell compiles against this JVM's class path already; the rest is added here
        Set<String> jvm = new LinkedHashSet<>(List.of(System.getProperty("java.class.path", "")
                .split(File.pathSeparator)));
        jvm.remove("");
        List<String> extra = classPath.stream().filter(s -> s != null && !s.isBlank() && !jvm.contains(s))
                .distinct().collect(Collectors.toList());
        compileClassPath.addAll(jvm);
        compileClassPath.addAll(extra);
        this.shell = JShell.builder()
                .executionEngine(new CellExecutionControlProvider(control), Map.of())
                .out(discard)
                .err(discard)
                .compilerOptions("-Xlint:none", "-proc:none")
                .fileManager(fm -> {
                    // The class path is set before JShell's background indexer first reads it: that reader fills in
                    // a default class path when none is set yet, and if it does so after JShell.addToClasspath the
                    // added jars are lost ("package ... does not exist", intermittently, on JDK 17).
                    setCompileClassPath(fm);
                    this.fileManager = fm;
                    return fm;
                })
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        this.splitter = new CellSplitter(analysis);
        if (!extra.isEmpty()) {
            try {
                control.addToClasspath(String.join(File.pathSeparator, extra)); // the snippets' class loader
            } catch (jdk.jshell.spi.ExecutionControl.ExecutionControlException e) {
                throw new IllegalStateException("cannot add " + extra + " to the class path: " + e.getMessage(), e);
            }
        }
    }

    private void setCompileClassPath(StandardJavaFileManager fm) {
        try {
            fm.setLocation(StandardLocation.CLASS_PATH,
                    compileClassPath.stream().map(File::new).collect(Collectors.toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the class path to " + compileClassPath, e);
        }
    }

    /**
     * Makes jars or class folders available to later snippets.
     *
     * @param path one entry or several separated by {@link File#pathSeparator}
     */
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                compileClassPath.add(entry);
            }
        }
        // JShell hands javac only its own idea of the class path (this JVM's plus what went through JShell), and
        // javac's file manager keeps cached package listings; setting the whole location anew fixes both.
        if (fileManager != null) {
            setCompileClassPath(fileManager);
        }
    }

    /**
     * Evaluates a cell.
     *
     * @param code the cell
     * @return its value, if it ends with an expression
     * @throws CellException on a compile error, an exception thrown by the cell, or an interrupt
     */
    public CellResult eval(String code) throws CellException {
        return eval(code, "", 0);
    }

    /**
     * Evaluates a cell, or a part of one.
     *
     * @param code      the code
     * @param cellLabel how error messages name the cell (e.g. {@code "[3]"}); empty for none
     * @param lineBase  how many cell lines come before {@code code} (when it is a part of a cell)
     * @return its value, if it ends with an expression
     * @throws CellException on a compile error, an exception thrown by the cell, or an interrupt
     */
    public CellResult eval(String code, String cellLabel, int lineBase) throws CellException {
        Objects.requireNonNull(code, "code");
        control.clearStopRequest();
        cellRunning = true;
        try {
            return evalPieces(code, cellLabel, lineBase);
        } finally {
            cellRunning = false;
            control.clearStopRequest();
        }
    }

    private CellResult evalPieces(String code, String cellLabel, int lineBase) throws CellException {
        boolean indexedAtStart = indexReady;
        CellResult result = CellResult.NO_VALUE;
        List<DeclarationSnippet> declared = new ArrayList<>();
        Map<Snippet, Integer> lineOfSnippet = new java.util.HashMap<>();
        for (CellSplitter.Piece piece : splitter.split(code)) {
            checkInterrupt();
            int line = CellLocations.lineOf(code, piece.start()) + lineBase;
            if (piece.completeness() == Completeness.DEFINITELY_INCOMPLETE) {
                throw new CellException(CellException.Kind.COMPILE_ERROR, "CompilationError",
                        "the cell ends in the middle of a statement",
                        List.of(ErrorFormatter.where(cellLabel, line)
                                + ": the code starting here is not finished (a missing '}', ')' or ';'?)"),
                        null);
            }
            boolean indexed = indexReady;
            SnippetEvent main = evalPiece(piece, cellLabel, line, lineOfSnippet);
            if (main != null && main.status() == Snippet.Status.REJECTED && !indexed) {
                // JDK 17 can reject a snippet spuriously while the first class-path index is built ("package ...
                // does not exist" for a jar on the class path): a rejected snippet left no state, so wait and retry
                awaitClassPathIndex(INDEX_WAIT_MILLIS);
                main = evalPiece(piece, cellLabel, line, lineOfSnippet);
            }
            if (main == null) {
                continue;
            }
            Snippet snippet = main.snippet();
            if (main.status() == Snippet.Status.REJECTED) {
                throw errors.compileError(cellLabel, code, lineBase, piece,
                        shell.diagnostics(snippet).collect(Collectors.toList()));
            }
            JShellException thrown = main.exception();
            if (thrown != null) {
                throw toCellException(thrown);
            }
            if (snippet instanceof DeclarationSnippet && !(snippet instanceof VarSnippet && isTemp(snippet))) {
                declared.add((DeclarationSnippet) snippet);
            }
            result = valueOf(main, code, piece);
        }
        for (int i = 0; i < declared.size(); i++) {
            DeclarationSnippet d = declared.get(i);
            Snippet.Status status = shell.status(d);
            if ((status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                    && !indexedAtStart && awaitClassPathIndex(INDEX_WAIT_MILLIS)) {
                // unresolved while the index was being built: declare it again now that it is
                for (SnippetEvent event : shell.eval(d.source())) {
                    if (event.causeSnippet() == null && event.snippet() instanceof DeclarationSnippet) {
                        d = (DeclarationSnippet) event.snippet();
                        declared.set(i, d);
                    }
                }
                status = shell.status(d);
            }
            if (status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<String> missing = shell.unresolvedDependencies(d).collect(Collectors.toList());
                if (!missing.isEmpty()) {
                    throw errors.unresolved(cellLabel, lineOfSnippet.getOrDefault(d, 1), describe(d), missing);
                }
            }
        }
        return result;
    }

    /** Evaluates one piece; returns the event of the snippet it made (not of snippets it updated), or null. */
    private SnippetEvent evalPiece(CellSplitter.Piece piece, String cellLabel, int line,
            Map<Snippet, Integer> lineOfSnippet) throws CellException {
        List<SnippetEvent> events = shell.eval(piece.source());
        checkInterrupt();
        SnippetEvent main = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null) {
                main = event;
                locations.put(event.snippet().id(), new CellLocations.Location(cellLabel, line));
                lineOfSnippet.put(event.snippet(), line);
            }
        }
        return main;
    }

    private CellResult valueOf(SnippetEvent event, String code, CellSplitter.Piece piece) {
        Snippet snippet = event.snippet();
        boolean isExpression = snippet instanceof ExpressionSnippet || (snippet instanceof VarSnippet && isTemp(snippet));
        if (!isExpression) {
            return CellResult.NO_VALUE;
        }
        String original = code.substring(piece.start(), Math.min(code.length(), piece.end())).strip();
        if (original.endsWith(";")) {
            return CellResult.NO_VALUE; // a trailing semicolon hides the value, as in IPython
        }
        Object value = control.lastValue();
        String text = event.value() == null ? String.valueOf(value) : event.value();
        return new CellResult(true, value, text);
    }

    private static boolean isTemp(Snippet snippet) {
        return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static String describe(DeclarationSnippet d) {
        switch (d.kind()) {
            case METHOD:
                return "method " + d.name() + "(" + ((MethodSnippet) d).parameterTypes() + ")";
            case VAR:
                return "variable " + d.name();
            case TYPE_DECL:
                return "type " + d.name();
            default:
                return d.name();
        }
    }

    private CellException toCellException(JShellException thrown) {
        Throwable real = control.lastThrowable();
        if (control.takeStopRequest()) {
            return ErrorFormatter.interrupted(control.takeAbandonedReport());
        }
        if (thrown instanceof UnresolvedReferenceException) {
            DeclarationSnippet d = ((UnresolvedReferenceException) thrown).getSnippet();
            List<String> missing = shell.unresolvedDependencies(d).collect(Collectors.toList());
            CellLocations.Location loc = locations.get(d.id());
            return errors.unresolved(loc == null ? "" : loc.cell(), loc == null ? 1 : loc.firstLine(), describe(d),
                    missing);
        }
        if (thrown instanceof EvalException) {
            return errors.exception((EvalException) thrown, real);
        }
        return new CellException(CellException.Kind.EXCEPTION, thrown.getClass().getName(),
                String.valueOf(thrown.getMessage()), List.of(String.valueOf(thrown)), real);
    }

    private void checkInterrupt() throws CellException {
        if (control.takeStopRequest()) {
            throw ErrorFormatter.interrupted(control.takeAbandonedReport());
        }
    }

    /**
     * Marks the running cell's code as cooperative until the returned handle is closed: it checks
     * {@link Thread#isInterrupted()} regularly (e.g. between training steps), so an interrupt waits for it to finish
     * its current unit of work (up to 30 s) before the thread is forced to stop. Call it from the cell's thread.
     *
     * @return closes the section
     */
    public AutoCloseable cooperativeSection() {
        return control.cooperate();
    }

    /**
     * Stops the running cell: sleeping or blocked code and loops that check {@link Thread#isInterrupted()} end at once;
     * the cell then fails with {@link CellException.Kind#INTERRUPTED}. Does nothing when no cell runs.
     */
    public void interrupt() {
        if (cellRunning) {
            control.stop();
        }
    }

    /** @return whether a cell is running now */
    public boolean isRunning() {
        return cellRunning;
    }

    /**
     * Says whether a cell is ready to run.
     *
     * @param code the cell (magic lines must have been blanked out by the caller)
     * @return complete, incomplete (with an indent) or invalid
     */
    public IsComplete isComplete(String code) {
        String rest = code;
        while (true) {
            if (rest.isBlank()) {
                return new IsComplete(Readiness.COMPLETE, "");
            }
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return new IsComplete(Readiness.COMPLETE, "");
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    if (info.remaining().length() >= rest.length()) {
                        return new IsComplete(Readiness.COMPLETE, "");
                    }
                    rest = info.remaining();
                    break;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return new IsComplete(Readiness.INCOMPLETE, indentFor(rest));
                case UNKNOWN:
                default:
                    return new IsComplete(Readiness.INVALID, "");
            }
        }
    }

    private static String indentFor(String code) {
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
        }
        return "    ".repeat(Math.max(1, depth));
    }

    /**
     * Completes the code at the cursor: members after a dot, types, packages, variables and methods.
     *
     * @param code   the cell
     * @param cursor the cursor offset in the cell
     * @return the candidates and the range they replace
     */
    public Completion complete(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        int start = snippetStartAt(code, at);
        String text = code.substring(start, at);
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(text, text.length(), anchor);
        boolean anyTyped = suggestions.stream().anyMatch(Suggestion::matchesType);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream()
                .filter(s -> !anyTyped || s.matchesType())
                .map(Suggestion::continuation)
                .sorted()
                .forEach(matches::add);
        return new Completion(new ArrayList<>(matches), start + anchor[0], at);
    }

    /**
     * Describes what is at the cursor: the signatures (and javadoc, when the JDK sources are installed) of the method
     * or type named there, for {@code String.valueOf} as well as inside a call {@code String.valueOf(1)}; else the
     * type of the expression before the cursor.
     *
     * @param code   the cell
     * @param cursor the cursor offset in the cell
     * @return what is known, or empty
     */
    public Optional<Inspection> inspect(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        // extend to the end of the identifier under the cursor
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int start = snippetStartAt(code, Math.max(0, Math.min(end, code.length())));
        String text = code.substring(start, Math.max(start, end));
        List<Documentation> docs = documentation(text, text.length());
        if (docs.isEmpty() && end < code.length() && code.charAt(end) == '(') {
            String call = code.substring(start, end + 1);
            docs = documentation(call, call.length());
        }
        if (docs.isEmpty()) {
            String call = text + "(";
            docs = documentation(call, call.length());
        }
        if (!docs.isEmpty()) {
            List<String> signatures = docs.stream().map(Documentation::signature).distinct()
                    .collect(Collectors.toList());
            String javadoc = docs.stream().map(Documentation::javadoc).filter(Objects::nonNull)
                    .filter(s -> !s.isBlank()).findFirst().orElse("");
            return Optional.of(new Inspection(signatures, javadoc));
        }
        String expression = text.strip();
        if (!expression.isEmpty()) {
            String type = analysis.analyzeType(expression, expression.length());
            if (type != null && !type.isBlank()) {
                return Optional.of(new Inspection(List.of(expression + " : " + type), ""));
            }
        }
        return Optional.empty();
    }

    private List<Documentation> documentation(String text, int cursor) {
        try {
            return analysis.documentation(text, cursor, true);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** @return the offset in {@code code} where the snippet containing {@code cursor} starts */
    private int snippetStartAt(String code, int cursor) {
        int start = 0;
        for (CellSplitter.Piece piece : splitter.split(code)) {
            if (piece.start() > cursor) {
                break;
            }
            start = piece.start();
            if (!piece.isComplete() || piece.end() >= cursor) {
                break;
            }
            // cursor is after this piece: the next piece (or blank tail) holds it
            start = piece.end();
        }
        return start;
    }

    /**
     * Starts JShell's background index of the class path (used to complete package and class names) and waits until
     * it is built. On JDK 17, compiling a snippet while the first index is being built can fail spuriously ("package
     * ... does not exist" for a jar on the class path): {@link #eval} therefore retries a snippet rejected, or a
     * declaration left unresolved, while the index was not yet built, after waiting for it here.
     *
     * @param timeoutMillis how long to wait at most
     * @return whether the index was built in time
     */
    public boolean awaitClassPathIndex(long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            if (classPathIndexed()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Asks JShell whether its class-path index is built, which also starts building it (in JShell's background
     * thread) the first time.
     *
     * @return whether the index covers the whole class path
     */
    public boolean classPathIndexed() {
        if (indexReady) {
            return true;
        }
        String probe = "java.util.conc";
        // JShell publishes the new index only when it covers the whole class path
        if (complete(probe, probe.length()).matches().contains("concurrent.")) {
            indexReady = true;
        }
        return indexReady;
    }

    /** @return the JShell instance (for the kernel's own bookkeeping such as listing variables) */
    JShell shell() {
        return shell;
    }

    @Override
    public void close() {
        shell.close();
    }
}
