package org.gan4j.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.gan4j.kernel.output.OutputBatcher;
import org.gan4j.kernel.protocol.Replies;

/**
 * Points {@code System.out}, {@code System.err}, {@code System.in} and jjava's display stream at the request being
 * executed, and back afterwards.
 *
 * <p>Standard output and error go through an {@link OutputBatcher} with {@link OutputBatcher.Settings#KERNEL}: a
 * flood of lines becomes a few hundred {@code stream} messages instead of one per line (which overran the IOPub
 * socket's queue, so clients lost output and the final {@code idle}), a timer sends a waiting batch after at most
 * 200 ms, and a cell's output beyond 32 MiB is dropped with a note.
 *
 * <p>jjava keeps the attach methods of {@link JupyterIO} package-private to its own kernel class, so they are reached
 * by reflection (jjava is on the class path, not a named module); they still serve {@code System.in} and displays.
 */
final class JupyterStreams {

    private static final Method SET_ENV = method("setEnv", ShellReplyEnvironment.class);
    private static final Method RETRACT_ENV = method("retractEnv", ShellReplyEnvironment.class);
    private static final Method SET_STDIN_ENABLED = method("setJupyterInEnabled", boolean.class);
    private static final long TIMER_MILLIS = 50;

    private final JupyterIO io;
    private final OutputBatcher batcher;
    private final PrintStream out;
    private final PrintStream err;
    private final PrintStream processOut;
    private volatile ShellReplyEnvironment env;
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    JupyterStreams(JupyterIO io) {
        this.io = io;
        this.processOut = System.out;
        this.batcher = new OutputBatcher(OutputBatcher.Settings.KERNEL, System::nanoTime, this::send);
        this.out = new PrintStream(batcher.stream(OutputBatcher.STDOUT), false, StandardCharsets.UTF_8);
        this.err = new PrintStream(batcher.stream(OutputBatcher.STDERR), false, StandardCharsets.UTF_8);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gan4j-output-flush");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(batcher::flushIfDue, TIMER_MILLIS, TIMER_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void send(String stream, String text) {
        ShellReplyEnvironment target = env;
        if (target == null) {
            processOut.print(text); // written by a thread after its cell ended: the kernel log keeps it
            return;
        }
        JsonObject content = new JsonObject();
        content.addProperty("name", stream);
        content.addProperty("text", text);
        Replies.publish(target, MessageType.PUBLISH_STREAM, content);
    }

    /** Sends the process's standard streams to the request in {@code env}. */
    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        invoke(SET_ENV, env);
        invoke(SET_STDIN_ENABLED, stdinEnabled);
        batcher.startCell();
        this.env = env;
        System.setOut(out);
        System.setErr(err);
        System.setIn(io.in);
    }

    /** Sends everything written so far (before a display, an error or the cell's result, to keep the order). */
    void flush() {
        out.flush();
        err.flush();
        batcher.flush();
    }

    /** Sends what is left, with a note if output was dropped, and restores the standard streams. */
    void detach(ShellReplyEnvironment env) {
        out.flush();
        err.flush();
        batcher.endCell();
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
        this.env = null;
        invoke(RETRACT_ENV, env);
    }

    private void invoke(Method m, Object arg) {
        try {
            m.invoke(io, arg);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jjava-jupyter changed: cannot call JupyterIO." + m.getName(), e);
        }
    }

    private static Method method(String name, Class<?> parameter) {
        try {
            Method m = JupyterIO.class.getDeclaredMethod(name, parameter);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError("jjava-jupyter changed: no JupyterIO." + name);
        }
    }
}
