package org.gan4j.kernel.wire;

/** A message that is dropped: its frames, signature or JSON are not what the Jupyter wire protocol requires. */
public final class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, for the kernel log */
    public MalformedMessageException(String reason) {
        super(reason);
    }

    /**
     * @param reason what is wrong, for the kernel log
     * @param cause  the parser's error
     */
    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
