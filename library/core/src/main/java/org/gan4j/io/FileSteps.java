package org.gan4j.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called before every file-system step of an {@link AtomicFiles} operation (create, write, sync, move, delete). The
 * production value is {@link #NONE}; tests pass an implementation that throws before the n-th step to simulate a
 * kill at exactly that point, with no timing involved.
 */
@FunctionalInterface
public interface FileSteps {
    /** Does nothing. */
    FileSteps NONE = (step, path) -> {
    };

    /**
     * @param step what is about to happen, e.g. {@code "write"}, {@code "sync"}, {@code "move"}
     * @param path the file or directory it happens to
     * @throws IOException to make the step fail
     */
    void before(String step, Path path) throws IOException;
}
