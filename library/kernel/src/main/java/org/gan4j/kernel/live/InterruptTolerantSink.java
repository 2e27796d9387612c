package org.gan4j.kernel.live;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Wraps a {@link LiveView.Sink} so that a kernel interrupt arriving while an output is being sent neither escapes as
 * an exception nor gets lost. Without it, an interrupt that lands inside the messaging library's I/O surfaces as an
 * exception from {@code onStep}: the training loop ends without its listeners' {@code onEnd}, and the view keeps
 * showing a running state.
 *
 * <p>Each send runs with the thread's interrupt flag cleared (a pending interrupt must not abort the send). If the
 * send fails because of an interrupt (the flag is set again, or an interrupt exception is in the cause chain), that
 * one output is dropped. Either way the flag is set again afterwards, so the training loop stops cleanly before its
 * next step and the final update in {@code onEnd} is sent. Failures that have nothing to do with an interrupt are
 * rethrown unchanged.
 */
final class InterruptTolerantSink implements LiveView.Sink {
    private final LiveView.Sink target;

    InterruptTolerantSink(LiveView.Sink target) {
        this.target = target;
    }

    @Override
    public String show(DisplayData data) {
        String[] id = new String[1];
        send(() -> id[0] = target.show(data));
        return id[0];
    }

    @Override
    public void update(String id, DisplayData data) {
        send(() -> target.update(id, data));
    }

    @Override
    public AutoCloseable cooperativeSection() {
        return target.cooperativeSection();
    }

    private static void send(Runnable action) {
        boolean interrupted = Thread.interrupted();
        try {
            action.run();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted() && !causedByInterrupt(e)) {
                throw e;
            }
            interrupted = true; // this output is lost; the loop stops before its next step
        } finally {
            if (interrupted || Thread.currentThread().isInterrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }
}
