package org.gan4j.backend;

/**
 * The decisions of {@link MemoryWatch}, one per reading of resident memory: no clock, no thread, no native call.
 *
 * <p>Above the limit it asks for a collection; at the next reading for a trim of the C heap (the collection freed the
 * native buffers of unreachable arrays in between); at the reading after that it looks at what is left. If resident
 * memory is still above the limit, what is alive is above it, and collecting again would free nothing: the threshold
 * moves to that level plus the headroom, so the next collection comes only after that much more growth. Once a trim
 * brings resident memory back under the limit, the threshold is the limit again.
 */
final class ResidentLimitPolicy {

    /** What to do after a reading. */
    enum Action {
        /** Nothing. */
        NONE,
        /** Run the garbage collector, so that ND4J frees the buffers of unreachable arrays. */
        COLLECT,
        /** Hand the C heap's free pages back to the system. */
        TRIM
    }

    private enum Phase { WATCHING, COLLECTED, TRIMMED }

    private final long limit;
    private final long headroom;
    private long threshold;
    private Phase phase = Phase.WATCHING;
    private long collections;

    /**
     * @param limit    resident bytes above which garbage is collected, &gt; 0
     * @param headroom growth past a level that collecting could not bring under the limit before the next
     *                 collection, &gt; 0
     */
    ResidentLimitPolicy(long limit, long headroom) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0 bytes, got " + limit);
        }
        if (headroom <= 0) {
            throw new IllegalArgumentException("headroom must be > 0 bytes, got " + headroom);
        }
        this.limit = limit;
        this.headroom = headroom;
        this.threshold = limit;
    }

    /** The action for a reading of {@code residentBytes}. */
    Action onReading(long residentBytes) {
        switch (phase) {
            case COLLECTED:
                phase = Phase.TRIMMED;
                return Action.TRIM;
            case TRIMMED:
                phase = Phase.WATCHING;
                threshold = residentBytes > limit ? residentBytes + headroom : limit;
                return Action.NONE;
            default:
                if (residentBytes > threshold) {
                    phase = Phase.COLLECTED;
                    collections++;
                    return Action.COLLECT;
                }
                return Action.NONE;
        }
    }

    /** Resident bytes above which the next collection comes: the limit, or higher while what is alive exceeds it. */
    long threshold() {
        return threshold;
    }

    /** Collections asked for so far. */
    long collections() {
        return collections;
    }
}
