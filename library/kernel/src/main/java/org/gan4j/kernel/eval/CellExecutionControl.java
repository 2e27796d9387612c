package org.gan4j.kernel.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this JVM on one long-lived worker thread, keeps the real object each snippet returned, and can be
 * stopped.
 *
 * <p>JShell's own local engine only hands back a string for a snippet's value, and reports a stopped snippet as a
 * success. Here the object is kept ({@link #lastValue()}), the thrown exception is kept ({@link #lastThrowable()}), and
 * a stop is remembered until the evaluator asks ({@link #takeStopRequest()}), so a stopped cell ends with an error.
 *
 * <p>Stopping interrupts the worker (ends sleeps, blocking I/O, and loops that check the interrupt flag). If the
 * snippet is still running after a grace period the worker is stopped with {@code Thread.stop} where the JVM still
 * supports it, and if even that fails it is abandoned and a fresh worker takes the next snippet, so the kernel stays
 * usable either way. One worker is kept across cells because ND4J keeps per-thread state (workspaces).
 */
final class CellExecutionControl extends DirectExecutionControl {

    private static final long GRACE_MILLIS = 1000;
    /**
     * Grace while the snippet is inside a cooperative section ({@link #cooperate()}): code that promises to check the
     * interrupt flag regularly, such as a training loop between steps, is not force-stopped in the middle of its
     * work.
     */
    private static final long COOPERATIVE_GRACE_MILLIS = 30_000;
    private static final AtomicInteger WORKER_IDS = new AtomicInteger();

    private volatile SingleWorker worker = new SingleWorker();
    private volatile boolean stopRequested;
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicInteger cooperativeSections = new AtomicInteger();
    private volatile Object lastValue;
    private volatile Throwable lastThrowable;
    private volatile String abandonedReport;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        lastThrowable = null;
        cooperativeSections.set(0);
        if (stopRequested) {
            throw new StoppedException();
        }
        ClassLoader snippetLoader = doitMethod.getDeclaringClass().getClassLoader();
        SingleWorker current = worker;
        CompletableFuture<Object> result = current.submit(() -> {
            Thread.currentThread().setContextClassLoader(snippetLoader);
            return doitMethod.invoke(null);
        });
        running = true;
        try {
            Object value = awaitOrAbandon(current, result);
            lastValue = value;
            return valueString(value);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException) {
                lastThrowable = cause.getCause();
                throw (InvocationTargetException) cause;
            }
            lastThrowable = cause;
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw new InvocationTargetException(cause);
        } finally {
            running = false;
        }
    }

    private Object awaitOrAbandon(SingleWorker current, CompletableFuture<Object> result) throws Exception {
        long stopSeenAt = -1;
        while (true) {
            try {
                return result.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (!stopRequested) {
                    continue;
                }
                long now = System.nanoTime();
                if (stopSeenAt < 0) {
                    stopSeenAt = now;
                    current.interruptRunning();
                    continue;
                }
                long grace = TimeUnit.MILLISECONDS.toNanos(cooperativeSections.get() > 0 ? COOPERATIVE_GRACE_MILLIS
                        : GRACE_MILLIS);
                if (now - stopSeenAt > grace + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS)) {
                    // The snippet catches even the forced stop: park its thread, start a fresh worker.
                    worker = new SingleWorker();
                    Thread left = current.abandon();
                    abandonedReport = left == null ? null : ThreadParking.park(left);
                    throw new StoppedException();
                } else if (now - stopSeenAt > grace) {
                    // Repeated: a loop that catches ThreadDeath may still be hit outside its try block.
                    current.hardStopRunning();
                }
            }
        }
    }

    /**
     * Asks the running snippet to stop; a no-op when nothing runs.
     */
    @Override
    public void stop() {
        stopRequested = true;
        if (running) {
            worker.interruptRunning();
        }
    }

    /**
     * Opens a cooperative section of the running snippet: until it is closed (or the snippet ends), a stop request
     * interrupts the worker and then waits up to {@value #COOPERATIVE_GRACE_MILLIS} ms, instead of
     * {@value #GRACE_MILLIS} ms, before forcing the thread to stop. For code that checks the interrupt flag between
     * units of work that must not be cut in half (a training step).
     *
     * @return closes the section (idempotent)
     */
    AutoCloseable cooperate() {
        cooperativeSections.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                cooperativeSections.updateAndGet(n -> Math.max(0, n - 1));
            }
        };
    }

    /** @return whether a stop was requested since the last call; clears the request. */
    boolean takeStopRequest() {
        boolean was = stopRequested;
        stopRequested = false;
        return was;
    }

    /** Forgets a stop request that arrived while no cell was running. */
    void clearStopRequest() {
        stopRequested = false;
    }

    /**
     * @return what became of the last stopped cell's thread when it would not end (parked or still running), or
     *         {@code null} when it ended; clears the report
     */
    String takeAbandonedReport() {
        String r = abandonedReport;
        abandonedReport = null;
        return r;
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrowable() {
        return lastThrowable;
    }

    @Override
    public void close() {
        worker.abandon();
        super.close();
    }

    /** One daemon thread that runs snippets one after another. */
    private static final class SingleWorker {
        private final AtomicReference<Thread> thread = new AtomicReference<>();
        private final java.util.concurrent.ExecutorService executor;

        SingleWorker() {
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "gan4j-cell-" + WORKER_IDS.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            executor = java.util.concurrent.Executors.newSingleThreadExecutor(factory);
        }

        CompletableFuture<Object> submit(java.util.concurrent.Callable<Object> body) {
            CompletableFuture<Object> future = new CompletableFuture<>();
            executor.execute(() -> {
                Thread.interrupted(); // a stale interrupt must not hit the next snippet
                thread.set(Thread.currentThread());
                try {
                    future.complete(body.call());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                } finally {
                    thread.set(null);
                    Thread.interrupted();
                }
            });
            return future;
        }

        void interruptRunning() {
            Thread t = thread.get();
            if (t != null) {
                t.interrupt();
            }
        }

        @SuppressWarnings({"removal", "deprecation"})
        void hardStopRunning() {
            Thread t = thread.get();
            if (t != null) {
                try {
                    t.stop();
                } catch (UnsupportedOperationException newerJdk) {
                    t.interrupt();
                }
            }
        }

        /** @return the thread still running a snippet, if any */
        Thread abandon() {
            Thread t = thread.get();
            executor.shutdownNow();
            return t != null && t.isAlive() ? t : null;
        }
    }
}
