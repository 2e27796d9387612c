package org.gan4j.data;

/** Which part of a dataset with a fixed train/test division to load. */
public enum Split {
    /** The training images ({@code train-*} files in IDX datasets). */
    TRAIN("train"),
    /** The held-out test images ({@code t10k-*} files in the MNIST family). */
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** @return the IDX file-name prefix of this split, {@code "train"} or {@code "t10k"} */
    public String filePrefix() {
        return filePrefix;
    }
}
