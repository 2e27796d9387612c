package org.gan4j.kernel.eval;

/**
 * Thrown into a cell that calls {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} while
 * {@link ExitGuard} is installed: the kernel refuses to end and keeps the cell's state.
 */
public final class CellExitException extends SecurityException {

    private static final long serialVersionUID = 1L;

    /** @param message which call was refused and why */
    public CellExitException(String message) {
        super(message);
    }
}
