package org.gan4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;
import org.gan4j.train.SingleNd4jThread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The shipped Fashion-MNIST feature network (accuracy, checksum, provenance) and {@link FeatureNetwork#train}. */
@ExtendWith(SingleNd4jThread.class)
class FeatureNetworkTest {

    /** Issue 12's bar for the shipped network: ≥ 92 % on the full Fashion-MNIST test split (10 000 images). */
    private static final double REQUIRED_FULL_TEST_ACCURACY = 0.92;

    @TempDir
    Path tmp;

    /**
     * Accuracy of the shipped network on the embedded test split (2 000 of the 10 000 full test images), which is
     * all a test may read: at least issue 12's 92 %. (On the full test split it recorded 92.04 %; its provenance,
     * checked below, holds that figure.)
     */
    @Test
    void shippedNetworkIsAtLeast92PercentAccurateOnTheEmbeddedTestSplit() {
        FeatureNetwork net = FeatureNetwork.fashionMnist();
        double accuracy = net.accuracy(FashionMnist.embedded(Split.TEST));
        assertTrue(accuracy >= REQUIRED_FULL_TEST_ACCURACY, "accuracy " + accuracy);
        assertEquals(128, net.featureSize());
        assertEquals(FashionMnist.CLASS_NAMES, net.classNames());
    }

    @Test
    void shippedFileMatchesTheChecksumOfItsProvenance() throws IOException {
        byte[] model;
        String json;
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream m = loader.getResourceAsStream(FeatureNetwork.SHIPPED_MODEL);
             InputStream j = loader.getResourceAsStream(FeatureNetwork.SHIPPED_PROVENANCE)) {
            model = m.readAllBytes();
            json = new String(j.readAllBytes(), StandardCharsets.UTF_8);
        }
        FeatureNetworkProvenance p = FeatureNetwork.readProvenance(json, "test");
        assertEquals(p.sha256(), FeatureNetwork.sha256(model));
        assertTrue(model.length <= 2 * 1024 * 1024, model.length + " bytes");
        // provenance of the full-data training: 60 000 training and 10 000 test images
        assertEquals(60_000, p.trainingImages());
        assertEquals(10_000, p.testImages());
        assertTrue(p.testAccuracy() >= REQUIRED_FULL_TEST_ACCURACY, "recorded accuracy " + p.testAccuracy());
        assertTrue(p.command().startsWith("environment/train-feature-network"), p.command());
        assertEquals(FeatureNetworkOptions.defaults(), p.options());
    }

    /** Two trainings with one seed give bit-identical parameters; save and load keep them bit for bit. */
    @Test
    void trainingIsReproducibleAndSavingKeepsTheParametersExactly() throws IOException {
        ImageDataset train = FashionMnist.embedded(Split.TRAIN).shuffled(1).take(600);
        ImageDataset test = FashionMnist.embedded(Split.TEST).take(200);
        FeatureNetworkOptions options = FeatureNetworkOptions.defaults().withEpochs(1).withFeatureSize(16);
        FeatureNetwork a = FeatureNetwork.train(train, test, options);
        FeatureNetwork b = FeatureNetwork.train(train, test, options);
        float[] pa = a.network().params().castTo(DataType.FLOAT).toFloatVector();
        assertArrayEquals(pa, b.network().params().castTo(DataType.FLOAT).toFloatVector());
        assertEquals(16, a.featureSize());
        assertEquals(a.provenance().testAccuracy(), a.accuracy(test));

        Path file = tmp.resolve("net.zip");
        FeatureNetworkProvenance written = a.save(file);
        assertEquals(FeatureNetwork.sha256(Files.readAllBytes(file)), written.sha256());
        FeatureNetwork loaded = FeatureNetwork.load(file);
        assertArrayEquals(pa, loaded.network().params().castTo(DataType.FLOAT).toFloatVector());
        assertEquals(written, loaded.provenance());
        assertArrayEquals(a.features(test.take(5))[3], loaded.features(test.take(5))[3]);
    }

    @Test
    void aChangedFileIsRefusedNamingTheFile() throws IOException {
        FeatureNetwork net = FeatureNetwork.fashionMnist();
        Path file = tmp.resolve("net.zip");
        net.save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, () -> FeatureNetwork.load(file));
        assertTrue(e.getMessage().startsWith(file + ": SHA-256 "), e.getMessage());
        Files.delete(FeatureNetwork.provenanceFile(file));
        IOException missing = assertThrows(IOException.class, () -> FeatureNetwork.load(file));
        assertTrue(missing.getMessage().contains("missing provenance file"), missing.getMessage());
    }

    /**
     * Augmentation, pixel by pixel on a 1×3×4 image: with mirroring only, every image is either itself or its exact
     * left-right mirror and both occur; with shifts only, every image is the original moved by some (dy, dx) in
     * [-1, 1]², its uncovered edge filled with the image's smallest value; no augmentation asked, no draw changes it.
     */
    @Test
    void augmentationMirrorsAndShiftsExactly() {
        float[] one = {-1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        int n = 40;
        float[] batch = new float[n * one.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(one, 0, batch, i * one.length, one.length);
        }
        var images = Nd4j.create(batch, new long[] {n, 1, 3, 4}, DataType.FLOAT);
        FeatureNetworkOptions none = FeatureNetworkOptions.defaults().withAugmentation(false, 0);

        float[] mirrored = FeatureNetwork.augmented(images, none.withAugmentation(true, 0), new java.util.Random(3))
                .data().asFloat();
        float[] flip = {4, 3, 2, -1, 8, 7, 6, 5, 12, 11, 10, 9};
        int flips = 0;
        for (int i = 0; i < n; i++) {
            float[] image = java.util.Arrays.copyOfRange(mirrored, i * 12, i * 12 + 12);
            boolean same = java.util.Arrays.equals(one, image);
            assertTrue(same || java.util.Arrays.equals(flip, image), java.util.Arrays.toString(image));
            flips += same ? 0 : 1;
        }
        assertTrue(flips > 0 && flips < n, flips + " of " + n + " flipped");

        float[] shifted = FeatureNetwork.augmented(images, none.withAugmentation(false, 1), new java.util.Random(4))
                .data().asFloat();
        java.util.Set<String> moves = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            float[] image = java.util.Arrays.copyOfRange(shifted, i * 12, i * 12 + 12);
            String move = null;
            for (int dy = -1; dy <= 1 && move == null; dy++) {
                for (int dx = -1; dx <= 1 && move == null; dx++) {
                    float[] expected = new float[12];
                    for (int y = 0; y < 3; y++) {
                        for (int x = 0; x < 4; x++) {
                            int sy = y - dy;
                            int sx = x - dx;
                            expected[y * 4 + x] = sy >= 0 && sy < 3 && sx >= 0 && sx < 4 ? one[sy * 4 + sx] : -1;
                        }
                    }
                    move = java.util.Arrays.equals(expected, image) ? dy + "," + dx : null;
                }
            }
            assertTrue(move != null, "not a shift of the original: " + java.util.Arrays.toString(image));
            moves.add(move);
        }
        assertTrue(moves.size() >= 5, "shifts drawn: " + moves);
    }

    @Test
    void imagesOfAnotherShapeAreRefused() {
        FeatureNetwork net = FeatureNetwork.fashionMnist();
        ImageDataset wrong = ImageDataset.of(Nd4j.zeros(DataType.FLOAT, 2, 1, 32, 32), "32x32 zeros");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.features(wrong));
        assertEquals("images have shape [1, 32, 32], this feature network expects [1, 28, 28]", e.getMessage());
    }
}
