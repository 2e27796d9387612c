package org.gan4j.backend;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Keeps the process's resident memory near a limit by collecting native garbage from a background thread, for every
 * loop in the process — the trainer's, the projector's, a notebook's own.
 *
 * <p>ND4J frees an array's native buffer only when the garbage collector finds the array's small Java object
 * unreachable, and nothing makes the collector run while a loop makes native garbage. JavaCPP can do it: with
 * {@code -Dorg.bytedeco.javacpp.maxphysicalbytes} set, every native pointer it registers first reads the process's
 * resident memory, and the allocation that crosses the limit collects, sleeps and trims. That reading is a system call
 * on the allocation path of every operation (its measured cost: docs/performance.md, "Memory off the allocation
 * path"). This watch reads resident memory every {@link #DEFAULT_PERIOD} instead, on its own daemon thread; past the
 * limit it runs the collector, at the next reading trims the C heap ({@code malloc_trim}, so the freed pages go back
 * to the system, as JavaCPP does), and if what is alive stays above the limit it waits for that level plus a quarter
 * of the limit before collecting again (it never throws). The trainer's own earlier collections
 * ({@link NativeGarbage}) keep a training run well below the limit; this is the net under everything else.
 *
 * <p>Collecting and trimming change no number a computation produces: they only decide when dead buffers are freed.
 * The kernel, the benchmark and the full runs start one from the system property {@value #LIMIT_PROPERTY}
 * ({@link #startFromSystemProperties()}), set in {@code environment/jvm.options} together with
 * {@code -Dorg.bytedeco.javacpp.maxphysicalbytes=0}.
 */
public final class MemoryWatch implements AutoCloseable {
    /** System property with the limit, in JavaCPP's notation: bytes, or a number with {@code k}, {@code m}, {@code g}. */
    public static final String LIMIT_PROPERTY = "gan4j.memory.limit";
    /** How often resident memory is read: 50 ms. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(50);
    private static final long MIN_HEADROOM = 64L << 20;

    private final ResidentLimitPolicy policy;
    private final long limit;
    private final LongSupplier residentBytes;
    private final Runnable collector;
    private final Runnable trimmer;
    private ScheduledExecutorService thread;

    private MemoryWatch(long limit, LongSupplier residentBytes, Runnable collector, Runnable trimmer) {
        this.policy = new ResidentLimitPolicy(limit, Math.max(limit / 4, MIN_HEADROOM));
        this.limit = limit;
        this.residentBytes = residentBytes;
        this.collector = collector;
        this.trimmer = trimmer;
    }

    /**
     * Starts a watch with the limit of the system property {@value #LIMIT_PROPERTY}, if it is set.
     *
     * @throws IllegalArgumentException if the property is set but is not a size &gt; 0
     */
    public static Optional<MemoryWatch> startFromSystemProperties() {
        String value = System.getProperty(LIMIT_PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(start(parseLimit(value)));
    }

    /** Starts a watch that collects above {@code limitBytes} resident bytes (&gt; 0), read every {@link #DEFAULT_PERIOD}. */
    public static MemoryWatch start(long limitBytes) {
        MemoryWatch watch = new MemoryWatch(limitBytes, Pointer::physicalBytes, System::gc, mallocTrim());
        watch.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "gan4j-memory-watch");
            t.setDaemon(true);
            return t;
        });
        long period = DEFAULT_PERIOD.toNanos();
        watch.thread.scheduleWithFixedDelay(watch::read, period, period, TimeUnit.NANOSECONDS);
        return watch;
    }

    /** For tests: a watch that reads only when {@link #read()} is called, with the given readings and actions. */
    static MemoryWatch manual(long limitBytes, LongSupplier residentBytes, Runnable collector, Runnable trimmer) {
        return new MemoryWatch(limitBytes, residentBytes, collector, trimmer);
    }

    /** Parses a limit such as {@code 1200m} or {@code 2g}; the error names {@value #LIMIT_PROPERTY}. */
    static long parseLimit(String value) {
        long bytes;
        try {
            bytes = Pointer.parseBytes(value.trim(), Runtime.getRuntime().maxMemory());
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("-D" + LIMIT_PROPERTY + " must be a size > 0 such as 1200m or 2g, got '"
                    + value + "'");
        }
        return bytes;
    }

    /** One reading and what follows from it; the background thread calls this every period. */
    synchronized void read() {
        try {
            switch (policy.onReading(residentBytes.getAsLong())) {
                case COLLECT -> collector.run();
                case TRIM -> trimmer.run();
                default -> { }
            }
        } catch (RuntimeException | LinkageError e) {
            // a failed reading or trim must not end the watch: the next period tries again
        }
    }

    private static Runnable mallocTrim() {
        for (String name : new String[] {"c", "libc.so.6"}) {
            try {
                Function trim = NativeLibrary.getInstance(name).getFunction("malloc_trim");
                return () -> trim.invokeInt(new Object[] {0});
            } catch (UnsatisfiedLinkError e) {
                // not glibc under this name: try the next
            }
        }
        return () -> { };
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }

    /** Collections run so far. */
    public synchronized long collections() {
        return policy.collections();
    }

    /** Resident bytes above which the next collection comes: the limit, or higher while what is alive exceeds it. */
    public synchronized long threshold() {
        return policy.threshold();
    }

    /** Stops the background thread (a no-op for a watch that has none). */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    @Override
    public synchronized String toString() {
        return String.format("memory watch: native garbage collected above %s resident (read every %d ms), %d "
                + "collections so far", Pointer.formatBytes(limit), DEFAULT_PERIOD.toMillis(), collections());
    }
}
