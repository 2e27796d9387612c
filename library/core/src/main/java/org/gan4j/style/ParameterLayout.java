package org.gan4j.style;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Named blocks of one flat parameter vector, in the order they were added; gives each block's view into a flat
 * parameter array ({@code [n]}) and into a flat gradient array ({@code [1, n]}).
 */
final class ParameterLayout {
    /** One named block: where it starts in the flat vector and its shape. */
    record Block(String name, long offset, long[] shape) {
        long length() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return n;
        }
    }

    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private long size;

    /** Appends a block; names are unique. */
    void add(String name, long... shape) {
        Block b = new Block(name, size, shape.clone());
        if (blocks.putIfAbsent(name, b) != null) {
            throw new IllegalStateException("duplicate parameter block " + name);
        }
        size += b.length();
    }

    /** Total number of parameters. */
    long size() {
        return size;
    }

    /** The offset where {@code name} starts. */
    long offset(String name) {
        return block(name).offset();
    }

    /** The blocks in order. */
    java.util.List<Block> blocks() {
        return java.util.List.copyOf(blocks.values());
    }

    Block block(String name) {
        Block b = blocks.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no parameter block " + name);
        }
        return b;
    }

    /** Views of every block into {@code flat} (1-D or {@code [1, n]}), shaped as the block. */
    Map<String, INDArray> views(INDArray flat) {
        INDArray line = flat.reshape(flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        for (Block b : blocks.values()) {
            INDArray v = line.get(NDArrayIndex.interval(b.offset(), b.offset() + b.length())).reshape('c', b.shape());
            views.put(b.name(), v);
        }
        return views;
    }
}
