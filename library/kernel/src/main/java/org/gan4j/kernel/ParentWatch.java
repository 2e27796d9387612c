package org.gan4j.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it is gone, so no JVM is left behind when Jupyter dies without
 * shutting its kernels down. The parent is {@code JPY_PARENT_PID} when Jupyter sets it, else this process's parent.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenParentDies() {
        Optional<ProcessHandle> parent = Optional.ofNullable(System.getenv("JPY_PARENT_PID"))
                .flatMap(ParentWatch::parse)
                .flatMap(ProcessHandle::of)
                .or(() -> ProcessHandle.current().parent());
        parent.filter(ProcessHandle::isAlive).ifPresent(p -> p.onExit().thenRun(() -> {
            System.err.println("gan4j kernel: parent process " + p.pid() + " ended; exiting");
            Runtime.getRuntime().halt(0);
        }));
    }

    private static Optional<Long> parse(String pid) {
        try {
            return Optional.of(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
