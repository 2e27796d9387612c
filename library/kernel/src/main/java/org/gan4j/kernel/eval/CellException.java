package org.gan4j.kernel.eval;

import java.util.List;

/**
 * A cell that did not run to the end: a compile error, an exception thrown by the cell, or an interrupt.
 *
 * <p>Carries what Jupyter shows: {@link #ename()} (for exceptions the exception's class name), {@link #evalue()} (the
 * message) and {@link #traceback()} (readable lines that point into the cell, without JShell or kernel internals).
 */
public class CellException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Kind {
        /** The cell did not compile. */
        COMPILE_ERROR,
        /** The cell threw an exception. */
        EXCEPTION,
        /** The cell was interrupted. */
        INTERRUPTED
    }

    private final Kind kind;
    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    /**
     * @param kind      what failed
     * @param ename     the error name Jupyter shows (an exception class name, {@code CompilationError}, ...)
     * @param evalue    the message
     * @param traceback readable lines, one per entry
     * @param cause     the exception thrown by the cell, if any
     */
    public CellException(Kind kind, String ename, String evalue, List<String> traceback, Throwable cause) {
        super(ename + ": " + evalue, cause);
        this.kind = kind;
        this.ename = ename;
        this.evalue = evalue;
        this.traceback = List.copyOf(traceback);
    }

    /** @return what failed */
    public Kind kind() {
        return kind;
    }

    /** @return the error name, e.g. {@code java.lang.ArithmeticException} or {@code CompilationError} */
    public String ename() {
        return ename;
    }

    /** @return the error message */
    public String evalue() {
        return evalue;
    }

    /** @return the readable traceback, one line per entry */
    public List<String> traceback() {
        return traceback;
    }
}
