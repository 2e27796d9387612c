package org.gan4j.kernel.eval;

import java.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps cells from ending the kernel: {@code System.exit} and {@code Runtime.halt} called from cell code (a JShell
 * snippet class on the calling stack, directly or through any library) throw a {@link CellExitException} that
 * explains itself, and the kernel keeps running with its state. Exits by the kernel itself (shutdown, parent gone)
 * are not affected.
 *
 * <p>It works through a {@link SecurityManager} whose only check is {@code checkExit}; every other permission is
 * granted. That is possible on JDK 17 (with a "terminally deprecated" warning in the kernel log); on JDK 18-23 only
 * when started with {@code -Djava.security.manager=allow}, and never on JDK 24 or later, where that option even stops
 * the JVM from starting, so the kernel's options do not set it. Where the security manager cannot be installed,
 * {@link #install()} says so and the kernel runs unguarded. The alternative, rewriting the snippets' bytecode, would
 * work on every JDK but catch only calls written in the cell itself, not those inside libraries.
 *
 * <p>The common {@link ForkJoinPool} is created before the security manager is installed, so parallel streams keep
 * ordinary worker threads (with a security manager present the JDK gives the common pool restricted threads).
 */
public final class ExitGuard {

    /** The package JShell puts snippet classes in ({@code REPL.$JShell$12}). */
    static final String SNIPPET_PACKAGE_PREFIX = "REPL.";

    private ExitGuard() {
    }

    /**
     * Installs the guard once per JVM.
     *
     * @return a sentence for the kernel log: installed, or why not
     */
    @SuppressWarnings({"removal", "deprecation"})
    public static String install() {
        if (System.getSecurityManager() instanceof Guard) {
            return "System.exit in a cell is blocked (already installed)";
        }
        ForkJoinPool.commonPool();
        try {
            System.setSecurityManager(new Guard());
            return "System.exit and Runtime.halt in a cell are blocked";
        } catch (UnsupportedOperationException | SecurityException e) {
            return "Java " + Runtime.version().feature() + " does not allow a security manager (" + e.getMessage()
                    + "): System.exit in a cell will end the kernel";
        }
    }

    /**
     * @param callerFrames the frames on the calling stack as class name (optionally followed by "." and the method),
     *                     innermost first
     * @return whether an exit from that stack is refused: some frame belongs to a JShell snippet
     */
    static boolean refuses(Stream<String> callerFrames) {
        return callerFrames.anyMatch(isSnippetClass());
    }

    private static Predicate<String> isSnippetClass() {
        return name -> name.startsWith(SNIPPET_PACKAGE_PREFIX);
    }

    /**
     * @param call   the call that was refused, as written ({@code System.exit(0)})
     * @return the message of the exception a cell's exit gets
     */
    static String message(String call) {
        return call + " was called by the cell and refused: it would end the gan4j kernel, which keeps running and "
                + "keeps its state (restart the kernel from the notebook to end it)";
    }

    /** @return the exiting call on a stack, innermost first: {@code Runtime.halt}, {@code System.exit} or else
     *          {@code Runtime.exit} */
    static String exitCall(List<String> classAndMethod, int status) {
        if (classAndMethod.contains("java.lang.Runtime.halt")) {
            return "Runtime.halt(" + status + ")";
        }
        if (classAndMethod.contains("java.lang.System.exit")) {
            return "System.exit(" + status + ")";
        }
        return "Runtime.exit(" + status + ")";
    }

    @SuppressWarnings({"removal", "deprecation"})
    private static final class Guard extends SecurityManager {
        @Override
        public void checkPermission(Permission perm) {
            // everything is allowed except exits from cell code
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
            // everything is allowed except exits from cell code
        }

        @Override
        public void checkExit(int status) {
            List<String> frames = StackWalker.getInstance().walk(s -> s
                    .map(f -> f.getClassName() + "." + f.getMethodName()).collect(Collectors.toList()));
            if (refuses(frames.stream())) {
                CellExitException refused = new CellExitException(message(exitCall(frames, status)));
                StackTraceElement[] trace = refused.getStackTrace();
                int first = 0;
                while (first < trace.length && trace[first].getClassName().startsWith(ExitGuard.class.getName())) {
                    first++; // the traceback starts at the exit call, not inside the guard
                }
                refused.setStackTrace(Arrays.copyOfRange(trace, first, trace.length));
                throw refused;
            }
        }
    }
}
