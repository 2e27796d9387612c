package org.gan4j.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InspectRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.gan4j.backend.MemoryWatch;
import org.gan4j.kernel.classpath.ClassPathEntries;
import org.gan4j.kernel.eval.CellException;
import org.gan4j.kernel.eval.CellResult;
import org.gan4j.kernel.eval.ExitGuard;
import org.gan4j.kernel.eval.JShellEvaluator;
import org.gan4j.kernel.magic.CellParts;
import org.gan4j.kernel.magic.MagicException;
import org.gan4j.kernel.magic.MagicHost;
import org.gan4j.kernel.magic.Magics;
import org.gan4j.kernel.protocol.History;
import org.gan4j.kernel.protocol.Replies;
import org.gan4j.kernel.startup.StartupImports;
import org.gan4j.kernel.widgets.JupyterCommChannel;
import org.gan4j.kernel.widgets.WidgetDialect;
import org.gan4j.kernel.widgets.WidgetHost;
import org.gan4j.kernel.widgets.WidgetManager;
import org.gan4j.kernel.wire.GuardedConnection;

/**
 * The gan4j Jupyter kernel: Java cells evaluated by JShell inside this JVM.
 *
 * <p>It answers the Jupyter protocol itself where jjava-jupyter 1.0-a6 is wrong or silent (every reply carries
 * {@code status}; history entries are {@code [session, line, input]}; {@code silent} and {@code store_history} are
 * honoured; tracebacks show cell lines, not kernel frames), stops a running cell on {@code interrupt_request}, and
 * exits when its parent process goes away. Its shell and control sockets are {@link GuardedConnection}'s: messages
 * that are malformed or wrongly signed are dropped and logged instead of confusing or killing the channel. Cells cannot
 * end the kernel with {@code System.exit} ({@link ExitGuard}), and their output reaches the client in batches
 * ({@link org.gan4j.kernel.output.OutputBatcher}).
 *
 * <p>Start-up is race-free: the handlers are in place before the sockets bind, and JShell (a second or two to warm
 * up) starts in the background, so {@code kernel_info_request} is answered however early it comes; requests that need
 * JShell wait for it.
 */
public final class Gan4jKernel extends BaseKernel implements MagicHost, WidgetHost {

    /** The kernel's name in {@code kernel_info}. */
    public static final String NAME = "gan4j";

    private static final String VERSION = Optional.ofNullable(Gan4jKernel.class.getPackage().getImplementationVersion())
            .orElse("0.1.0");

    private final CompletableFuture<JShellEvaluator> evaluator;
    private final History history = new History();
    private final Magics magics;
    private final JupyterStreams streams;
    private volatile ShellReplyEnvironment currentEnv;
    /** How errors name the running cell ("[3]"); magics that run code use it too. */
    private volatile String label = "";
    private final List<String> pages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final WidgetManager widgets;

    /**
     * Creates the kernel and starts JShell in the background.
     *
     * @param extraClassPath jars and folders for notebooks besides the kernel's own class path
     */
    public Gan4jKernel(List<String> extraClassPath) {
        this(extraClassPath, new JupyterCommChannel());
    }

    private Gan4jKernel(List<String> extraClassPath, JupyterCommChannel comms) {
        super(NAME, VERSION,
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java",
                        "java", "script"),
                List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/"
                        + Runtime.version().feature() + "/docs/api/")),
                null, new JupyterIO(StandardCharsets.UTF_8), comms, new Renderer(), null,
                new MagicsRegistry(), true, new StringStyler.Builder().build());
        this.widgets = widgetManager(comms, System.err);
        comms.deliverTo(widgets);
        this.streams = new JupyterStreams(io);
        this.magics = new Magics(this);
        this.magics.registerWith(magicsRegistry);
        this.evaluator = CompletableFuture.supplyAsync(() -> startEvaluator(extraClassPath), task -> {
            Thread t = new Thread(task, "gan4j-jshell-start");
            t.setDaemon(true);
            t.start();
        });
    }

    private static WidgetManager widgetManager(JupyterCommChannel comms, PrintStream log) {
        try {
            return WidgetManager.fromEnvironment(comms, System.getenv(), line -> log.println("gan4j kernel: " + line));
        } catch (IllegalArgumentException badSetting) {
            log.println("gan4j kernel: " + badSetting.getMessage() + "; using ipywidgets 7's protocol");
            return new WidgetManager(comms, WidgetDialect.IPYWIDGETS_7, false,
                    line -> log.println("gan4j kernel: " + line));
        }
    }

    @Override
    public WidgetManager widgets() {
        return widgets;
    }

    private static JShellEvaluator startEvaluator(List<String> extraClassPath) {
        List<String> classPath = new ArrayList<>(StartupImports.jvmClassPath());
        classPath.addAll(extraClassPath);
        // the class-path scan for gan4j's packages (~0.3 s) runs on the other core while JShell starts
        CompletableFuture<List<String>> imports = CompletableFuture.supplyAsync(
                () -> StartupImports.forClassPath(classPath), task -> {
                    Thread t = new Thread(task, "gan4j-startup-imports");
                    t.setDaemon(true);
                    t.start();
                });
        JShellEvaluator e = new JShellEvaluator(classPath);
        for (String statement : imports.join()) {
            try {
                e.eval(statement, "startup", 0);
            } catch (CellException notAvailable) {
                // a library that is not on the class path: its import is left out
            }
        }
        // starts JShell's class-path index in its background thread; cells do not wait for it (the evaluator retries
        // a snippet that the half-built index made fail), which takes about a second off the first cell
        e.classPathIndexed();
        return e;
    }

    /**
     * @return the evaluator, waiting for JShell's start if needed
     * @throws IllegalStateException if JShell could not start
     */
    public JShellEvaluator evaluator() {
        try {
            return evaluator.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
        }
    }

    // ------------------------------------------------------------------ protocol

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::onExecute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::onKernelInfo);
        connection.setHandler(MessageType.IS_COMPLETE_REQUEST, this::onIsComplete);
        connection.setHandler(MessageType.COMPLETE_REQUEST, this::onComplete);
        connection.setHandler(MessageType.INSPECT_REQUEST, this::onInspect);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::onHistory);
        connection.setHandler(MessageType.INTERRUPT_REQUEST, this::onInterrupt);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::onShutdown);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::onCommInfo);
    }

    private void onKernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        JsonObject content = Replies.ok();
        content.addProperty("protocol_version", Header.PROTOCOL_VERISON);
        content.addProperty("implementation", NAME);
        content.addProperty("implementation_version", VERSION);
        JsonObject language = new JsonObject();
        language.addProperty("name", languageInfo.getName());
        language.addProperty("version", languageInfo.getVersion());
        language.addProperty("mimetype", languageInfo.getMimetype());
        language.addProperty("file_extension", languageInfo.getFileExtension());
        language.addProperty("pygments_lexer", languageInfo.getPygmentsLexer());
        language.addProperty("codemirror_mode", String.valueOf(languageInfo.getCodemirrorMode()));
        language.addProperty("nbconvert_exporter", languageInfo.getNbconvertExporter());
        content.add("language_info", language);
        content.addProperty("banner", getBanner());
        content.addProperty("debugger", false);
        JsonArray links = new JsonArray();
        for (HelpLink link : helpLinks) {
            JsonObject l = new JsonObject();
            l.addProperty("text", link.getText());
            l.addProperty("url", link.getUrl());
            links.add(l);
        }
        content.add("help_links", links);
        Replies.reply(env, MessageType.KERNEL_INFO_REPLY, content);
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " :: gan4j kernel " + VERSION + " (JShell) :: Protocol v"
                + Header.PROTOCOL_VERISON;
    }

    private void onExecute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        String code = request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : Math.max(1, executionCount.get() - 1);

        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(code, count));
        }
        streams.attach(env, request.isStdinEnabled());
        JsonObject reply;
        try {
            currentEnv = env;
            pages.clear();
            CellResult result = runCell(code, store ? "[" + count + "]" : "");
            streams.flush();
            String text = null;
            if (result.hasValue() && NotebookFunctions.widgetOf(result.value()) != null) {
                // as IPython shows a widget: a display, not an Out[n] result (whose prompt would stand empty under
                // ipywidgets 6, which draws the view in the cell's widget area)
                text = String.valueOf(result.value());
                if (!silent) {
                    NotebookFunctions.display(result.value());
                }
            } else if (result.hasValue()) {
                DisplayData data = renderResult(result);
                text = String.valueOf(data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
                if (!silent) {
                    env.publish(new PublishExecuteResult(count, data));
                }
            }
            if (store) {
                history.add(count, code, text);
            }
            reply = Replies.ok();
        } catch (CellException e) {
            streams.flush();
            if (!silent) {
                JsonObject error = new JsonObject();
                error.addProperty("ename", e.ename());
                error.addProperty("evalue", e.evalue());
                error.add("traceback", Replies.strings(e.traceback()));
                Replies.publish(env, MessageType.PUBLISH_ERROR, error);
            }
            if (store) {
                history.add(count, code, null);
            }
            reply = Replies.error(e.ename(), e.evalue(), e.traceback());
        } finally {
            currentEnv = null;
            streams.detach(env);
        }
        reply.addProperty("execution_count", count);
        reply.add("user_expressions", new JsonObject());
        JsonArray payload = new JsonArray();
        for (String page : pages) {
            JsonObject p = new JsonObject();
            p.addProperty("source", "page");
            JsonObject data = new JsonObject();
            data.addProperty("text/plain", page);
            p.add("data", data);
            p.addProperty("start", 0);
            payload.add(p);
        }
        pages.clear();
        reply.add("payload", payload);
        Replies.reply(env, MessageType.EXECUTE_REPLY, reply);
    }

    private DisplayData renderResult(CellResult result) {
        Object value = result.value();
        if (value == null) {
            return new DisplayData("null");
        }
        try {
            return NotebookFunctions.withText(NotebookFunctions.render(value), result.text());
        } catch (RuntimeException | LinkageError e) {
            return new DisplayData(result.text());
        }
    }

    /**
     * Runs a whole cell: magics and code in order.
     *
     * @param code      the cell
     * @param cellLabel how errors name the cell
     * @return the value of the last part
     * @throws CellException when a part fails
     */
    CellResult runCell(String code, String cellLabel) throws CellException {
        JShellEvaluator e;
        try {
            e = evaluator();
        } catch (IllegalStateException failed) {
            throw new CellException(CellException.Kind.EXCEPTION, "KernelError", failed.getMessage(),
                    List.of(failed.getMessage()), failed.getCause());
        }
        label = cellLabel;
        try {
            CellParts.CellMagic cellMagic = CellParts.cellMagic(code);
            if (cellMagic != null) {
                CellResult r = magics.runCell(cellMagic);
                return r == null ? CellResult.NO_VALUE : r;
            }
            CellResult result = CellResult.NO_VALUE;
            for (CellParts.Part part : CellParts.parts(code)) {
                if (part instanceof CellParts.Code) {
                    CellParts.Code c = (CellParts.Code) part;
                    result = e.eval(c.code(), cellLabel, c.firstLine());
                } else {
                    CellResult r = magics.runLine((CellParts.LineMagic) part);
                    result = r == null ? CellResult.NO_VALUE : r;
                }
            }
            return result;
        } catch (MagicException m) {
            throw new CellException(CellException.Kind.EXCEPTION, "MagicError", m.getMessage(),
                    List.of("MagicError: " + m.getMessage()), m);
        }
    }

    @Override
    public CellResult eval(String code, int firstLine) throws CellException {
        return evaluator().eval(code, label, firstLine);
    }

    @Override
    public void addToClasspath(List<String> entries) {
        JShellEvaluator e = evaluator();
        for (String entry : entries) {
            e.addToClasspath(entry);
        }
    }

    @Override
    public PrintStream out() {
        return System.out;
    }

    @Override
    public String documentation(String code) {
        return evaluator().inspect(code, code.length()).map(Gan4jKernel::describe).orElse(null);
    }

    private static String describe(JShellEvaluator.Inspection i) {
        StringBuilder text = new StringBuilder(String.join("\n", i.signatures()));
        if (!i.javadoc().isBlank()) {
            text.append("\n\n").append(i.javadoc().strip());
        }
        return text.toString();
    }

    @Override
    public void page(String text) {
        pages.add(text);
    }

    /**
     * Marks the running cell's code as checking {@link Thread#isInterrupted()} regularly until the handle is closed,
     * so an interrupt lets it finish its current unit of work (up to 30 s) instead of forcing the thread to stop after
     * 1 s. The live training view opens one for the duration of a {@code fit}.
     *
     * @return closes the section
     */
    public AutoCloseable cooperativeSection() {
        return evaluator().cooperativeSection();
    }

    /** Sends the running cell's pending standard output first, so a display never overtakes earlier prints. */
    @Override
    public void display(DisplayData data) {
        flushOutput();
        super.display(data);
    }

    /** Sends the running cell's pending standard output and error now. */
    public void flushOutput() {
        streams.flush();
    }

    /**
     * Clears the output of the running cell.
     *
     * @param wait wait until new output arrives before clearing (avoids flicker in animations)
     * @throws IllegalStateException outside a running cell
     */
    public void clearOutput(boolean wait) {
        ShellReplyEnvironment env = currentEnv;
        if (env == null) {
            throw new IllegalStateException("clearOutput() works only while a cell runs");
        }
        streams.flush();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    private void onIsComplete(ShellReplyEnvironment env, Message<IsCompleteRequest> message) {
        env.setBusyDeferIdle();
        String code = message.getContent().getCode();
        JsonObject content = new JsonObject();
        if (CellParts.cellMagic(code) != null) {
            content.addProperty("status", "complete");
        } else {
            JShellEvaluator.IsComplete answer = evaluator().isComplete(CellParts.withoutMagics(code));
            switch (answer.readiness()) {
                case COMPLETE:
                    content.addProperty("status", "complete");
                    break;
                case INCOMPLETE:
                    content.addProperty("status", "incomplete");
                    content.addProperty("indent", answer.indent());
                    break;
                default:
                    content.addProperty("status", "invalid");
            }
        }
        Replies.reply(env, MessageType.IS_COMPLETE_REPLY, content);
    }

    private void onComplete(ShellReplyEnvironment env, Message<CompleteRequest> message) {
        env.setBusyDeferIdle();
        String code = message.getContent().getCode();
        int cursor = message.getContent().getCursorPos();
        JsonObject content = Replies.ok();
        List<String> matches;
        int start;
        int end = cursor;
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        String line = code.substring(lineStart, Math.min(cursor, code.length()));
        if (line.matches("\\s*%%?[\\w.-]*")) {
            String prefix = line.strip();
            boolean cell = prefix.startsWith("%%");
            List<String> names = cell ? magics.cellMagicNames() : magics.lineMagicNames();
            String marker = cell ? "%%" : "%";
            matches = names.stream().map(n -> marker + n).filter(n -> n.startsWith(prefix))
                    .collect(Collectors.toList());
            start = cursor - prefix.length();
        } else {
            try {
                JShellEvaluator.Completion c = evaluator().complete(code, cursor);
                matches = c.matches();
                start = c.cursorStart();
                end = c.cursorEnd();
            } catch (RuntimeException e) {
                matches = List.of();
                start = cursor;
            }
        }
        content.add("matches", Replies.strings(matches));
        content.addProperty("cursor_start", start);
        content.addProperty("cursor_end", end);
        content.add("metadata", new JsonObject());
        Replies.reply(env, MessageType.COMPLETE_REPLY, content);
    }

    private void onInspect(ShellReplyEnvironment env, Message<InspectRequest> message) {
        env.setBusyDeferIdle();
        InspectRequest request = message.getContent();
        Optional<JShellEvaluator.Inspection> found;
        try {
            found = evaluator().inspect(request.getCode(), request.getCursorPos());
        } catch (RuntimeException e) {
            found = Optional.empty();
        }
        JsonObject content = Replies.ok();
        content.addProperty("found", found.isPresent());
        JsonObject data = new JsonObject();
        found.ifPresent(i -> data.addProperty("text/plain", describe(i)));
        content.add("data", data);
        content.add("metadata", new JsonObject());
        Replies.reply(env, MessageType.INSPECT_REPLY, content);
    }

    private void onHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        boolean output = request.includeOutput();
        JsonArray entries;
        switch (request.getAccessType()) {
            case RANGE: {
                HistoryRequest.Range r = (HistoryRequest.Range) request;
                entries = history.range(r.getSessionIndex(), r.getStart(), r.getStop(), output);
                break;
            }
            case SEARCH: {
                HistoryRequest.Search s = (HistoryRequest.Search) request;
                entries = history.search(s.getPattern(), s.getMaxReturnLength(), s.filterUnique(), output);
                break;
            }
            case TAIL:
            default: {
                HistoryRequest.Tail t = (HistoryRequest.Tail) request;
                entries = history.tail(t.getMaxReturnLength(), output);
            }
        }
        Replies.reply(env, MessageType.HISTORY_REPLY, History.reply(entries));
    }

    private void onInterrupt(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        interrupt();
        Replies.reply(env, MessageType.INTERRUPT_REPLY, Replies.ok());
    }

    @Override
    public void interrupt() {
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().interrupt();
        }
    }

    private void onShutdown(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        env.setBusyDeferIdle();
        boolean restart = message.getContent().isRestart();
        JsonObject content = Replies.ok();
        content.addProperty("restart", restart);
        Replies.reply(env, MessageType.SHUTDOWN_REPLY, content);
        onShutdown(restart);
        env.resolveDeferrals();
        env.markForShutdown();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        interrupt();
        super.onShutdown(isRestarting);
    }

    private void onCommInfo(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String target = message.getContent() == null ? null : message.getContent().getTargetName();
        JsonObject comms = new JsonObject();
        for (Comm comm : commManager) {
            if (target == null || target.equals(comm.getTargetName())) {
                JsonObject c = new JsonObject();
                c.addProperty("target_name", comm.getTargetName());
                comms.add(comm.getID(), c);
            }
        }
        JsonObject content = Replies.ok();
        content.add("comms", comms);
        Replies.reply(env, MessageType.COMM_INFO_REPLY, content);
    }

    // ------------------------------------------------------------------ BaseKernel's evaluation API

    @Override
    public Object evalRaw(String source) {
        try {
            CellResult r = evaluator().eval(source, label, 0);
            return r.hasValue() ? r.value() : null;
        } catch (CellException e) {
            throw new IllegalStateException(e.ename() + ": " + e.evalue(), e);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return evaluator().inspect(code, at)
                .map(i -> new DisplayData(String.join("\n", i.signatures())
                        + (i.javadoc().isBlank() ? "" : "\n\n" + i.javadoc())))
                .orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JShellEvaluator.Completion c = evaluator().complete(code, at);
        return new ReplacementOptions(c.matches(), c.cursorStart(), c.cursorEnd());
    }

    @Override
    public String isComplete(String code) {
        JShellEvaluator.IsComplete answer = evaluator().isComplete(CellParts.withoutMagics(code));
        switch (answer.readiness()) {
            case COMPLETE:
                return IS_COMPLETE_YES;
            case INCOMPLETE:
                return answer.indent();
            default:
                return IS_COMPLETE_BAD;
        }
    }

    // ------------------------------------------------------------------ main

    /**
     * Starts the kernel.
     *
     * @param args {@code args[0]}: the connection file Jupyter wrote
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            fail("usage: java -cp <gan4j-kernel dist>/lib/* " + Gan4jKernel.class.getName() + " <connection file>");
        }
        KernelConnectionProperties connection = readConnectionFile(Paths.get(args[0]));
        List<String> extra;
        try {
            extra = ClassPathEntries.fromEnvironment(System.getenv());
        } catch (RuntimeException e) {
            System.err.println("gan4j kernel: ignoring " + ClassPathEntries.ENVIRONMENT_VARIABLES + ": "
                    + e.getMessage());
            extra = List.of();
        }
        PrintStream log = System.err; // the kernel's log; cells get their own System.err while they run
        log.println("gan4j kernel: " + ExitGuard.install());
        startMemoryWatch(log);
        Gan4jKernel kernel = new Gan4jKernel(extra);
        try {
            JupyterConnection jupyter = new GuardedConnection(connection, line -> log.println("gan4j kernel: " + line));
            kernel.onStartup();
            kernel.becomeHandlerForConnection(jupyter);
            ParentWatch.exitWhenParentDies();
            jupyter.connect();
            jupyter.waitUntilClose();
        } catch (Exception e) {
            fail("the kernel could not start: " + e);
        }
        System.exit(0);
    }

    /**
     * Starts the memory watch of {@code -D}{@value MemoryWatch#LIMIT_PROPERTY} (environment/jvm.options) on a thread of
     * its own: loading JavaCPP takes ~50 ms that the first cell need not wait for. A bad value is logged, not fatal.
     */
    private static void startMemoryWatch(PrintStream log) {
        Thread t = new Thread(() -> {
            try {
                MemoryWatch.startFromSystemProperties().ifPresent(watch -> log.println("gan4j kernel: " + watch));
            } catch (IllegalArgumentException badLimit) {
                log.println("gan4j kernel: " + badLimit.getMessage() + "; running without a memory watch");
            }
        }, "gan4j-memory-watch-start");
        t.setDaemon(true);
        t.start();
    }

    private static KernelConnectionProperties readConnectionFile(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            fail("cannot read the connection file " + file + ": " + e);
            return null;
        }
        try {
            KernelConnectionProperties props = KernelConnectionProperties.parse(json);
            if (props == null || props.getTransport() == null || props.getIp() == null || props.getShellPort() == 0) {
                fail("the connection file " + file + " lacks transport, ip or ports");
            }
            return props;
        } catch (RuntimeException e) {
            fail("the connection file " + file + " is not valid JSON: " + e.getMessage());
            return null;
        }
    }

    private static void fail(String message) {
        System.err.println("gan4j kernel: " + message);
        System.exit(2);
    }
}
