package org.gan4j.train;

import org.gan4j.random.RandomStream;

/**
 * Shuffled batches without replacement, epoch after epoch; the last incomplete batch of an epoch is dropped. Its
 * state (stream state at the start of the epoch, epoch, cursor) is enough to continue exactly after a restore.
 */
final class DataStream {
    private final int size;
    private final int batchSize;
    private RandomStream random;
    private long epochStartState;
    private int[] order;
    private int cursor;
    private int epoch;

    DataStream(int size, int batchSize, RandomStream random) {
        this(size, batchSize, random.state(), 0, 0);
    }

    DataStream(int size, int batchSize, long epochStartState, int epoch, int cursor) {
        if (batchSize > size) {
            throw new IllegalArgumentException("batchSize (" + batchSize + ") is larger than the training data ("
                    + size + " samples)");
        }
        this.size = size;
        this.batchSize = batchSize;
        this.epoch = epoch;
        this.epochStartState = epochStartState;
        this.random = RandomStream.fromState(epochStartState);
        this.order = random.permutation(size);
        this.cursor = cursor;
    }

    /** Goes back to a state read from {@link #epochStartState()}, {@link #epoch()} and {@link #cursor()}. */
    void restore(long epochStartState, int epoch, int cursor) {
        if (epochStartState != this.epochStartState || epoch != this.epoch) {
            this.epochStartState = epochStartState;
            this.epoch = epoch;
            this.random = RandomStream.fromState(epochStartState);
            this.order = random.permutation(size);
        }
        this.cursor = cursor;
    }

    /** Indices of the next batch; starts a new epoch first when the current one has no full batch left. */
    int[] next() {
        if (cursor + batchSize > size) {
            epoch++;
            epochStartState = random.state();
            order = random.permutation(size);
            cursor = 0;
        }
        int[] idx = new int[batchSize];
        System.arraycopy(order, cursor, idx, 0, batchSize);
        cursor += batchSize;
        return idx;
    }

    /** Whether the current epoch has no full batch left (the next batch starts a new epoch). */
    boolean epochComplete() {
        return cursor + batchSize > size;
    }

    /** Epochs finished so far: all before the current one, plus the current one when complete. */
    int epochsFinished() {
        return epoch + (epochComplete() ? 1 : 0);
    }

    int epoch() {
        return epoch;
    }

    int cursor() {
        return cursor;
    }

    long epochStartState() {
        return epochStartState;
    }
}
