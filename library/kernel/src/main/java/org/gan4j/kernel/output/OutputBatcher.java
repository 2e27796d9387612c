package org.gan4j.kernel.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Collects the bytes a cell writes to {@code stdout} and {@code stderr} and hands them to a sink in batches.
 *
 * <p>A batch is sent when it reaches {@link Settings#batchBytes()}, when its first byte is older than
 * {@link Settings#maxDelayNanos()} ({@link #flushIfDue()}), when the other stream is written (so the two streams keep
 * their relative order), and on {@link #flush()}. Only whole UTF-8 characters are sent; an incomplete trailing
 * sequence waits for its remaining bytes. After {@link Settings#limitBytes()} bytes in one cell, further output is
 * counted and dropped, and {@link #endCell()} sends one note on {@code stderr} saying how many bytes were dropped.
 *
 * <p>Thread-safe: the sink is called with this object's lock held, so batches arrive in order.
 */
public final class OutputBatcher {

    /** The name of the standard output stream in Jupyter's {@code stream} messages. */
    public static final String STDOUT = "stdout";
    /** The name of the standard error stream in Jupyter's {@code stream} messages. */
    public static final String STDERR = "stderr";

    /**
     * How output is batched.
     *
     * @param batchBytes    a batch is sent as soon as it holds this many bytes
     * @param maxDelayNanos a batch is sent by {@link #flushIfDue()} once its first byte has waited this long
     * @param limitBytes    bytes accepted per cell; the rest is dropped
     */
    public record Settings(int batchBytes, long maxDelayNanos, long limitBytes) {

        /**
         * The kernel's settings: 64 KiB batches, at most 200 ms delay (like IPython's stream flush interval), and
         * 32 MiB per cell (a notebook holding more than that is unusable in a browser).
         */
        public static final Settings KERNEL = new Settings(64 * 1024, 200_000_000L, 32L * 1024 * 1024);

        /** Checks the values. */
        public Settings {
            if (batchBytes < 1 || maxDelayNanos < 0 || limitBytes < 0) {
                throw new IllegalArgumentException("output settings: batchBytes must be >= 1, maxDelayNanos and "
                        + "limitBytes >= 0; got " + batchBytes + ", " + maxDelayNanos + ", " + limitBytes);
            }
        }
    }

    private final Settings settings;
    private final LongSupplier nanoClock;
    private final BiConsumer<String, String> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private String pendingStream;
    private long pendingSince;
    private long acceptedThisCell;
    private long droppedThisCell;

    /**
     * @param settings  batch size, delay and per-cell limit
     * @param nanoClock the time in nanoseconds ({@code System::nanoTime} in the kernel, a fake in tests)
     * @param sink      receives (stream name, text) for every batch
     */
    public OutputBatcher(Settings settings, LongSupplier nanoClock, BiConsumer<String, String> sink) {
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.sink = sink;
    }

    /**
     * @param stream {@link #STDOUT} or {@link #STDERR}
     * @return an output stream writing into this batcher; its {@code flush()} sends only a batch that is due (so a
     *         {@code PrintStream} flushing every line does not defeat batching)
     */
    public OutputStream stream(String stream) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                OutputBatcher.this.write(stream, new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                OutputBatcher.this.write(stream, b, off, len);
            }

            @Override
            public void flush() {
                flushIfDue();
            }
        };
    }

    /** Forgets the previous cell's counts; call when a cell starts. */
    public synchronized void startCell() {
        acceptedThisCell = 0;
        droppedThisCell = 0;
    }

    /**
     * Adds bytes written to a stream.
     *
     * @param stream {@link #STDOUT} or {@link #STDERR}
     * @param b      the bytes
     * @param off    first byte
     * @param len    number of bytes
     */
    public synchronized void write(String stream, byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        long room = Math.max(0, settings.limitBytes() - acceptedThisCell);
        int accepted = (int) Math.min(len, room);
        droppedThisCell += len - accepted;
        if (accepted == 0) {
            return;
        }
        if (pendingStream != null && !pendingStream.equals(stream)) {
            sendPending(true);
        }
        if (pending.size() == 0) {
            pendingSince = nanoClock.getAsLong();
        }
        pendingStream = stream;
        pending.write(b, off, accepted);
        acceptedThisCell += accepted;
        if (pending.size() >= settings.batchBytes()) {
            sendPending(false);
        }
    }

    /** Sends the pending batch if its first byte has waited at least the maximum delay. */
    public synchronized void flushIfDue() {
        if (pending.size() > 0 && nanoClock.getAsLong() - pendingSince >= settings.maxDelayNanos()) {
            sendPending(false);
        }
    }

    /** Sends the pending batch now (an incomplete trailing UTF-8 sequence stays pending). */
    public synchronized void flush() {
        sendPending(false);
    }

    /**
     * Sends everything pending (an incomplete trailing UTF-8 sequence is dropped and counted) and, if output was
     * dropped in this cell, one note on {@code stderr} saying how much.
     */
    public synchronized void endCell() {
        sendPending(true);
        if (droppedThisCell > 0) {
            sink.accept(STDERR, String.format(Locale.ROOT, "%n[gan4j kernel: this cell wrote more than %s of "
                    + "output; the remaining %,d bytes were dropped]%n", size(settings.limitBytes()),
                    droppedThisCell));
        }
        droppedThisCell = 0;
        acceptedThisCell = 0;
    }

    /** @return bytes dropped so far in this cell (for tests and logs) */
    public synchronized long droppedThisCell() {
        return droppedThisCell;
    }

    /**
     * Sends the pending batch up to its last whole UTF-8 character. An incomplete trailing sequence stays pending, or
     * is dropped and counted when {@code dropIncomplete} (end of cell, or the other stream is written next).
     */
    private void sendPending(boolean dropIncomplete) {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int complete = Utf8.completePrefix(bytes, bytes.length);
        String stream = pendingStream;
        pending.reset();
        pendingStream = null;
        if (complete < bytes.length) {
            if (dropIncomplete) {
                droppedThisCell += bytes.length - complete;
            } else {
                pending.write(bytes, complete, bytes.length - complete);
                pendingStream = stream;
            }
        }
        if (complete > 0) {
            sink.accept(stream, new String(bytes, 0, complete, StandardCharsets.UTF_8));
        }
    }

    private static String size(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
