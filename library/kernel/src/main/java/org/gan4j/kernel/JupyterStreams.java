package org.gan4j.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/**
 * Points {@code System.out}, {@code System.err}, {@code System.in} and jjava's display stream at the request being
 * executed, and back afterwards. jjava keeps the attach methods of {@link JupyterIO} package-private to its own
 * kernel class, so they are reached by reflection (jjava is on the class path, not a named module).
 */
final class JupyterStreams {

    private static final Method SET_ENV = method("setEnv", ShellReplyEnvironment.class);
    private static final Method RETRACT_ENV = method("retractEnv", ShellReplyEnvironment.class);
    private static final Method SET_STDIN_ENABLED = method("setJupyterInEnabled", boolean.class);

    private final JupyterIO io;
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    JupyterStreams(JupyterIO io) {
        this.io = io;
    }

    /** Sends the process's standard streams to the request in {@code env}. */
    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        invoke(SET_ENV, env);
        invoke(SET_STDIN_ENABLED, stdinEnabled);
        System.setOut(io.out);
        System.setErr(io.err);
        System.setIn(io.in);
    }

    /** Sends everything written so far. */
    void flush() {
        io.out.flush();
        io.err.flush();
    }

    /** Restores the standard streams. */
    void detach(ShellReplyEnvironment env) {
        flush();
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
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
