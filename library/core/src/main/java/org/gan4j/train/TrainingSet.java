package org.gan4j.train;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The data a GAN trains on: samples along the first axis, with optional class labels (conditions) for conditional
 * models. Images are NCHW {@code [n, c, h, w]} in [-1, 1] (e.g. {@code ImageDataset.features()}); vectors are
 * {@code [n, d]}.
 *
 * <p>The features array is not copied: do not modify it while training.
 *
 * @param features   the samples, rank 2 or 4, at least one sample
 * @param labels     one class per sample, or {@code null} when unlabelled
 * @param numClasses number of classes ({@code 0} when unlabelled)
 */
public record TrainingSet(INDArray features, int[] labels, int numClasses) {

    /** Validates shapes and labels; each failure names the parameter. */
    public TrainingSet {
        if (features == null) {
            throw new IllegalArgumentException("features must not be null");
        }
        if ((features.rank() != 2 && features.rank() != 4) || features.size(0) == 0) {
            throw new IllegalArgumentException("features must be [n, d] or [n, c, h, w] with n > 0, got shape "
                    + Arrays.toString(features.shape()));
        }
        int bad = firstNonFinite(features);
        if (bad >= 0) {
            throw new IllegalArgumentException("features must be finite numbers: sample " + bad + " (the first bad "
                    + "one) holds NaN or infinite values; check how the data was loaded or normalised");
        }
        if (labels == null) {
            if (numClasses != 0) {
                throw new IllegalArgumentException("numClasses must be 0 without labels, got " + numClasses);
            }
        } else {
            if (numClasses < 2) {
                throw new IllegalArgumentException("numClasses must be >= 2 with labels, got " + numClasses);
            }
            if (labels.length != features.size(0)) {
                throw new IllegalArgumentException("labels must have one entry per sample: expected "
                        + features.size(0) + ", got " + labels.length);
            }
            labels = labels.clone();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] >= numClasses) {
                    throw new IllegalArgumentException("labels must be in [0, " + numClasses + "), got " + labels[i]
                            + " at index " + i);
                }
            }
        }
    }

    /**
     * The index of the first sample (along axis 0) with a NaN or infinite value, or -1 when all are finite. One pass
     * over the data; the per-sample search runs only when there is a bad value.
     */
    static int firstNonFinite(INDArray features) {
        if (!features.dataType().isFPType() || Finite.all(features)) {
            return -1;
        }
        INDArray flat = features.reshape('c', features.size(0), -1);
        for (int i = 0; i < flat.size(0); i++) {
            if (!Finite.all(flat.getRow(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Unlabelled samples. */
    public static TrainingSet of(INDArray features) {
        return new TrainingSet(features, null, 0);
    }

    /** Labelled samples, classes {@code 0 … numClasses-1}. */
    public static TrainingSet labelled(INDArray features, int[] labels, int numClasses) {
        return new TrainingSet(features, labels, numClasses);
    }

    /** A copy of the labels, or {@code null}. */
    @Override
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** Whether the samples carry class labels. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Number of samples. */
    public int size() {
        return (int) features.size(0);
    }

    /** Shape of one sample. */
    public long[] sampleShape() {
        return Arrays.copyOfRange(features.shape(), 1, features.rank());
    }

    /** The samples at {@code indices}, in that order (a new array). */
    public INDArray batchFeatures(int[] indices) {
        long[] shape = features.shape().clone();
        INDArray flat = features.reshape('c', shape[0], -1);
        INDArray rows = Nd4j.pullRows(flat, 1, indices);
        shape[0] = indices.length;
        return rows.reshape('c', shape);
    }

    /** The labels at {@code indices}, or {@code null} when unlabelled. */
    public int[] batchLabels(int[] indices) {
        if (labels == null) {
            return null;
        }
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return out;
    }

    /** SHA-256 of the shape, the float32 values and the labels: identifies the data in provenance and checkpoints. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Arrays.toString(features.shape()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            float[] v = features.castTo(DataType.FLOAT).dup('c').data().asFloat();
            ByteBuffer buf = ByteBuffer.allocate(4 * 4096);
            for (int i = 0; i < v.length; i++) {
                if (!buf.hasRemaining()) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(v[i]);
            }
            md.update(buf.array(), 0, buf.position());
            if (labels != null) {
                ByteBuffer lb = ByteBuffer.allocate(4 * labels.length);
                for (int l : labels) {
                    lb.putInt(l);
                }
                md.update(lb.array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "TrainingSet[samples=" + size() + ", sampleShape=" + Arrays.toString(sampleShape())
                + ", numClasses=" + numClasses + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSet t && features.equals(t.features) && Arrays.equals(labels, t.labels)
                && numClasses == t.numClasses;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(features.shape()) * 31 + Arrays.hashCode(labels);
    }
}
