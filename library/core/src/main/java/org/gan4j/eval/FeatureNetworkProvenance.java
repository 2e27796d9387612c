package org.gan4j.eval;

import java.util.List;
import java.util.Objects;

/**
 * Where a {@link FeatureNetwork} came from, written as JSON next to a saved network ({@link FeatureNetwork#save}).
 *
 * @param classNames          the classes of the softmax head, index = label
 * @param channels            image channels the network reads
 * @param height              image height
 * @param width               image width
 * @param trainingSource      the training images' {@code source()}
 * @param trainingFingerprint SHA-256 of the training images and labels ({@code ImageDataset.fingerprint()})
 * @param trainingImages      number of training images
 * @param testSource          the test images' {@code source()}
 * @param testImages          number of test images
 * @param testAccuracy        the classifier head's accuracy on the test images, in [0, 1]
 * @param options             the training options (seed included)
 * @param architecture        the layers, in words
 * @param trainingSeconds     wall-clock seconds the training took
 * @param threads             the CPU threads ND4J was allowed ({@code OMP_NUM_THREADS}, or "unset")
 * @param command             the command that trained it
 * @param created             when training finished, ISO-8601 UTC
 * @param dl4jVersion         the DL4J version it was trained with
 * @param sha256              SHA-256 (hex) of the saved network file this provenance describes; empty before saving
 */
public record FeatureNetworkProvenance(List<String> classNames, int channels, int height, int width,
                                       String trainingSource, String trainingFingerprint, int trainingImages,
                                       String testSource, int testImages, double testAccuracy,
                                       FeatureNetworkOptions options, String architecture, double trainingSeconds,
                                       String threads, String command, String created, String dl4jVersion,
                                       String sha256) {

    /** Checks that no part is missing. */
    public FeatureNetworkProvenance {
        classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        Objects.requireNonNull(trainingSource, "trainingSource");
        Objects.requireNonNull(trainingFingerprint, "trainingFingerprint");
        Objects.requireNonNull(testSource, "testSource");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(dl4jVersion, "dl4jVersion");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** @return this provenance with another command line */
    public FeatureNetworkProvenance withCommand(String command) {
        return new FeatureNetworkProvenance(classNames, channels, height, width, trainingSource, trainingFingerprint, trainingImages, testSource,
                testImages, testAccuracy, options, architecture, trainingSeconds, threads, command, created,
                dl4jVersion, sha256);
    }

    /** @return this provenance with the checksum of the saved file */
    FeatureNetworkProvenance withSha256(String sha256) {
        return new FeatureNetworkProvenance(classNames, channels, height, width, trainingSource, trainingFingerprint, trainingImages, testSource,
                testImages, testAccuracy, options, architecture, trainingSeconds, threads, command, created,
                dl4jVersion, sha256);
    }
}
