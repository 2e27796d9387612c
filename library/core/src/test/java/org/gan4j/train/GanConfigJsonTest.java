package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gan4j.loss.GanLoss;
import org.gan4j.loss.Regularizer;
import org.gan4j.nn.DcganDiscriminator;
import org.gan4j.nn.DcganGenerator;
import org.gan4j.nn.LabelConditioning;
import org.gan4j.nn.Normalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanConfigJsonTest {

    @TempDir
    Path tmp;

    /** Every preset, every loss and regulariser, 32×32 RGB networks, and a non-finite-free edge of each field. */
    static List<GanConfig> variety() {
        GanConfig base = GanConfig.dcgan(28, 1);
        return List.of(GanConfig.mlp(2), GanConfig.conditionalMlp(2, 8), base, GanConfig.dcgan(32, 3),
                GanConfig.conditional(10), GanConfig.quickDcgan(), GanConfig.quickConditional(10),
                base.toBuilder().loss(GanLoss.minimax()).build(),
                base.toBuilder().loss(GanLoss.leastSquares()).regularizer(Regularizer.r1(10))
                        .discriminator(DcganDiscriminator.builder().normalization(Normalization.NONE).build()).build(),
                base.toBuilder().loss(GanLoss.hinge()).build(),
                base.toBuilder().loss(GanLoss.nonSaturating().withRealLabel(0.9)).build(),
                GanConfig.wganGp(28, 1), GanConfig.quickWganGp(), GanConfig.mlpWganGp(2), GanConfig.styleGan(28, 1),
                GanConfig.styleGan(32, 3), GanConfig.quickStyleGan(), GanConfig.conditionalStyleGan(10),
                GanConfig.quickInfoGan(), GanConfig.infoGan(), GanConfig.quickConditionalInfoGan(10),
                GanConfig.quickStyleInfoGan(),
                GanConfig.quickInfoGan().toBuilder().info(GanConfig.quickInfoGan().info().withHeadHidden(32)
                        .withContinuousWeight(0.1)).build(),
                GanConfig.quickConditionalStyleGan(10),
                base.toBuilder().loss(GanLoss.wasserstein()).regularizer(Regularizer.gradientPenalty(10)).nCritic(5)
                        .discriminator(DcganDiscriminator.builder().normalization(Normalization.NONE).build())
                        .emaDecay(0).snapshotEvery(0).seed(Long.MIN_VALUE).build(),
                base.toBuilder().generator(DcganGenerator.builder().latentSize(7).baseWidth(3).kernelSize(4).build())
                        .discriminator(DcganDiscriminator.builder().baseWidth(5).kernelSize(3).build()).build(),
                GanConfig.conditional(10).toBuilder().discriminator(DcganDiscriminator.builder().numClasses(10)
                        .conditioning(LabelConditioning.PROJECTION).build()).build());
    }

    @Test
    void everyConfigurationReadsBackEqual() {
        for (GanConfig config : variety()) {
            String json = config.toJson();
            assertEquals(config, GanConfig.fromJson(json), json);
            assertEquals(json, GanConfig.fromJson(json).toJson(), "stable text");
        }
    }

    @Test
    void aFileReadsBackAndErrorsNameTheFile() throws IOException {
        Path file = tmp.resolve("config.json");
        Files.writeString(file, GanConfig.quickConditional(10).toJson());
        assertEquals(GanConfig.quickConditional(10), GanConfig.read(file));

        String json = GanConfig.quickDcgan().toJson();
        Files.writeString(file, json.replaceFirst("\"batchSize\": \\d+", "\"batchSize\": 0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanConfig.read(file));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains("batchSize"), e.getMessage());
    }

    @Test
    void badJsonFailsWithOneMessageNamingTheField() {
        String json = GanConfig.dcgan(28, 1).toJson();
        assertMessage(json.replace("\"latentSize\": 100", "\"latentSize\": 0"), "generator: latentSize");
        assertMessage(json.replace("\"latentSize\": 100", "\"latentSize\": 1.5"),
                "generator.latentSize: expected a whole number (32-bit), got 1.5");
        assertMessage(json.replace("\"latentSize\": 100", "\"latentSize\": \"big\""),
                "generator.latentSize: expected a whole number (32-bit), got \"big\"");
        assertMessage(json.replace("\"latentSize\": 100,", ""), "generator.latentSize: missing");
        assertMessage(json.replace("\"latentSize\": 100", "\"latentSize\": 100, \"depth\": 3"),
                "generator: unknown field(s) [depth] for DcganGenerator");
        assertMessage(json.replace("\"DcganGenerator\"", "\"ResNetGenerator\""),
                "generator: unknown type \"ResNetGenerator\"; expected one of [MlpGenerator, DcganGenerator, StyleGenerator]");
        assertMessage(json.replace("\"NonSaturating\"", "\"Focal\""), "loss: unknown type \"Focal\"");
        assertMessage(json.replace("\"batchSize\": 64", "\"batchSize\": null"),
                "batchSize: expected a whole number (32-bit), got null");
        assertMessage(json.replace("\"type\": \"GanConfig\"", "\"type\": \"TrainerConfig\""),
                "the configuration: type \"TrainerConfig\" found, expected \"GanConfig\"");
        assertMessage("{\"generator\": ", "not valid JSON");
        assertMessage(json.replace("\"CONCATENATION\"", "\"ATTENTION\""),
                "discriminator.conditioning: expected one of [CONCATENATION, PROJECTION], got \"ATTENTION\"");
        assertMessage("[1, 2]", "the configuration: expected an object (GanConfig), got [1,2]");
    }

    /**
     * A configuration written before InfoGAN's codes existed (no "info" field) reads as a plain GAN; a missing
     * required part is still refused by name.
     */
    @Test
    void aConfigurationWithoutLaterOptionalPartsStillReads() {
        String json = GanConfig.dcgan(28, 1).toJson();
        assertTrue(json.contains("\"info\": null"), json);
        String older = json.replaceAll(",\\s*\"info\": null", "");
        assertFalse(older.contains("\"info\""), older);
        assertEquals(GanConfig.dcgan(28, 1), GanConfig.fromJson(older));
        assertMessage(GanConfig.dcgan(28, 1).toJson().replaceFirst("\"loss\": \\{[^}]*},", ""), "loss must not be null");
    }

    /**
     * InfoGAN codes written before Q could have a hidden layer and the continuous term a weight of its own (no
     * "headHidden", no "continuousWeight") read through the record's constructor of the earlier fields, as a linear Q
     * with both terms weighed alike; a field set no version wrote is refused by the missing field's name.
     */
    @Test
    void infoCodesWrittenBeforeTheHeadsHiddenLayerReadAsALinearHead() {
        GanConfig config = GanConfig.quickInfoGan();
        String json = config.toJson();
        assertTrue(json.contains("\"headHidden\": 0"), json);
        assertTrue(json.contains("\"continuousWeight\": 1.0"), json);
        String withoutWeight = json.replaceAll(",\\s*\"continuousWeight\": 1.0", "");
        assertFalse(withoutWeight.contains("continuousWeight"), withoutWeight);
        // no version wrote headHidden without continuousWeight: no constructor reads it, so the field is reported
        assertMessage(withoutWeight, "continuousWeight: missing");
        String older = withoutWeight.replaceAll(",\\s*\"headHidden\": 0", "");
        assertFalse(older.contains("headHidden"), older);
        GanConfig read = GanConfig.fromJson(older);
        assertEquals(config, read);
        assertEquals(0, read.info().headHidden());
        assertEquals(1.0, read.info().continuousWeight());
        assertMessage(json.replaceFirst("\"continuous\": 2,", ""), "continuous: missing");
    }

    private static void assertMessage(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanConfig.fromJson(json));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
