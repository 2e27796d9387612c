package org.gan4j.train;

import java.time.Instant;

/**
 * Where a trained model came from.
 *
 * @param gan4jVersion       version of this library ("dev" when run from sources)
 * @param dl4jVersion        version of DL4J/ND4J
 * @param javaVersion        the Java runtime
 * @param seed               the configuration's seed
 * @param datasetFingerprint SHA-256 of the training data ({@link TrainingSet#fingerprint()})
 * @param datasetSize        number of training samples
 * @param started            when this (possibly resumed) run started
 * @param finished           when it ended
 * @param resumedFromStep    the step the run was resumed from, 0 for a fresh run
 */
public record Provenance(String gan4jVersion, String dl4jVersion, String javaVersion, long seed,
                         String datasetFingerprint, int datasetSize, Instant started, Instant finished,
                         long resumedFromStep) {

    static String currentGan4jVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String currentDl4jVersion() {
        String resource = "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties";
        try (java.io.InputStream in =
                     org.deeplearning4j.nn.multilayer.MultiLayerNetwork.class.getResourceAsStream(resource)) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
