package org.gan4j.kernel.magic;

/** A magic was used wrongly (unknown name, bad arguments, an artifact that cannot be resolved). */
public final class MagicException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to do it right, in one sentence */
    public MagicException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
