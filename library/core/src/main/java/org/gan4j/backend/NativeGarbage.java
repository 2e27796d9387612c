package org.gan4j.backend;

import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Frees the native buffers of finished training steps at a moment the training loop chooses, before a limit on
 * resident memory makes it happen at an arbitrary one.
 *
 * <p>ND4J frees an array's native buffer only when the garbage collector finds the array's small Java object
 * unreachable, so the collector has no reason of its own to run while a training loop makes tens of megabytes of
 * native garbage per step. Left alone, resident memory grows until it passes a limit: {@link MemoryWatch}'s (the
 * kernel's), or JavaCPP's {@code -Dorg.bytedeco.javacpp.maxphysicalbytes}, which inside the allocation that crossed it
 * calls {@code System.gc()}, sleeps 100 ms, trims the C heap ({@code malloc_trim}) and retries — and the buffers of the
 * next steps land on fresh pages, whose first touch is slow. Measured on the reference DCGAN (docs/performance.md,
 * "Throughput: what changed") that costs about 15 % of the training speed.
 *
 * <p>An instance is owned by one loop and asked after each step ({@link #afterStep}). It collects when resident
 * memory has grown by more than {@code budget} bytes over its level one step after the previous collection (the
 * buffers are freed asynchronously, so the level is read one step later), and then every as many steps as that
 * growth took, so that the pattern holds when the C heap keeps freed memory for reuse (environment/native.env) and
 * resident memory stops falling after a collection; a growth past the budget within fewer steps shortens the
 * interval, by at most half each time. A loop that makes little garbage is never interrupted. Collecting changes no number a run computes: it
 * only decides when dead buffers are freed.
 */
public final class NativeGarbage {
    /** The default growth allowed between collections: 256 MiB. */
    public static final long DEFAULT_BUDGET = 256L << 20;

    private final long budget;
    private final LongSupplier residentBytes;
    private final Runnable collector;
    private long level = -1;
    private long stepsSinceCollection;
    /** Steps between collections, learned from the first growth past the budget; 0 while not yet known. */
    private long interval;
    private long collections;

    private NativeGarbage(long budget, LongSupplier residentBytes, Runnable collector) {
        if (budget <= 0) {
            throw new IllegalArgumentException("budget must be > 0 bytes, got " + budget);
        }
        this.budget = budget;
        this.residentBytes = residentBytes;
        this.collector = collector;
    }

    /** Collects after {@link #DEFAULT_BUDGET} bytes of growth, reading the process's resident memory. */
    public static NativeGarbage standard() {
        return withBudget(DEFAULT_BUDGET);
    }

    /** Collects after {@code budget} bytes of growth of the process's resident memory ({@code budget} > 0). */
    public static NativeGarbage withBudget(long budget) {
        return new NativeGarbage(budget, Pointer::physicalBytes, System::gc);
    }

    /**
     * For tests: {@code residentBytes} replaces the reading of resident memory and {@code collector} the call to
     * {@code System.gc()}.
     */
    public static NativeGarbage of(long budget, LongSupplier residentBytes, Runnable collector) {
        if (residentBytes == null || collector == null) {
            throw new IllegalArgumentException("residentBytes and collector must not be null");
        }
        return new NativeGarbage(budget, residentBytes, collector);
    }

    /**
     * Call after each step: collects if resident memory grew by more than the budget since the level was set, or
     * if as many steps have passed as that growth took last time.
     *
     * @return whether it collected
     */
    public boolean afterStep() {
        stepsSinceCollection++;
        long now = residentBytes.getAsLong();
        if (level < 0) {
            level = now;
            return false;
        }
        boolean grown = now - level > budget;
        if (!grown && (interval == 0 || stepsSinceCollection < interval)) {
            return false;
        }
        if (grown) {
            // faster growth shortens the interval, by at most half per collection: one step that allocates much
            // (a listener's evaluation) must not make every later step collect
            interval = interval == 0 ? stepsSinceCollection
                    : Math.max(Math.min(interval, stepsSinceCollection), interval / 2);
        }
        collector.run();
        collections++;
        level = -1;
        stepsSinceCollection = 0;
        return true;
    }

    /** Steps between collections, learned from the first growth past the budget; 0 while not yet known. */
    public long interval() {
        return interval;
    }

    /** How many collections {@link #afterStep} has asked for. */
    public long collections() {
        return collections;
    }

    /** The growth allowed between collections, in bytes. */
    public long budget() {
        return budget;
    }
}
