package org.gan4j.data;

/**
 * Thrown when data cannot be loaded because a file or folder is not what a loader expects: a truncated or
 * non-IDX file, a wrong magic number, images and labels that disagree in count, a label outside the class
 * range, an unreadable image, images of mixed sizes, an empty folder, a missing dataset.
 *
 * <p>The message always names the file or folder ({@link #source()}) and says what was expected and what was
 * found, e.g. {@code "train-images.gz: truncated IDX file: expected 47040016 bytes (60000 images of 28x28), found
 * 1000"}. Unchecked, so notebook cells stay short; I/O failures are reported through this type too, with the
 * {@link java.io.IOException} as the cause.
 */
public final class DatasetFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;

    /**
     * @param source the file, folder or resource concerned (shown first in the message)
     * @param problem what was expected and what was found
     */
    public DatasetFormatException(String source, String problem) {
        this(source, problem, null);
    }

    /**
     * @param source the file, folder or resource concerned (shown first in the message)
     * @param problem what was expected and what was found
     * @param cause the underlying failure, may be {@code null}
     */
    public DatasetFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** @return the file, folder or resource that could not be loaded */
    public String source() {
        return source;
    }
}
