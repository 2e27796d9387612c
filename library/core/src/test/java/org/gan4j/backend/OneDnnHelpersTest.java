package org.gan4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's oneDNN layer helpers are really active (library/core/ONEDNN.md) and do not change the maths.
 *
 * <p>DL4J reads the switch {@code org.eclipse.deeplearning4j.helpers.disable} each time a layer is instantiated
 * ({@code MultiLayerNetwork.init()}), not at class-init time, so both variants can be built in one JVM: {@link #build}
 * sets the property around {@code init()} only and restores it. The project-wide setting itself (surefire's argLine,
 * as {@code environment/jvm.options} for the kernel) is checked by {@link #projectConfigurationActivatesHelpers()}.
 */
class OneDnnHelpersTest {

    private static final int SIZE = 12;
    private static final int BATCH = 8;

    @Test
    void projectConfigurationActivatesHelpers() {
        assertTrue(Backend.helpersEnabled(), "-D" + Backend.HELPERS_DISABLE_PROPERTY
                + "=false is missing from surefire's argLine (parent pom)");
        Backend.Info info = Backend.describe();
        assertEquals("CPU", info.backend());
        assertTrue(info.oneDnnBuild(), "libnd4j is not the -onednn build: " + info.nativeLibrary());
        assertTrue(info.oneDnnEnabled(), "libnd4j has oneDNN switched off");
        assertTrue(info.helpersActive(),
                "DL4J's BaseMKLDNNHelper.mklDnnEnabled() fails: org.nd4j.nativeblas.Nd4jCpu shim missing?\n" + info);
    }

    @Test
    void supportedLayersGetOneDnnHelpersThatRunForwardAndBackward() throws Exception {
        MultiLayerNetwork net = build(true, DataType.FLOAT, false);
        // Fallback to the built-in path is disabled in this network: a failing helper throws instead of hiding.
        DataSet data = data(DataType.FLOAT, 7);
        net.fit(data);
        net.fit(data);

        int conv = 0;
        int pool = 0;
        int bn = 0;
        for (Layer layer : net.getLayers()) {
            String where = "layer " + layer.getIndex() + " (" + layer.getClass().getSimpleName() + ")";
            if (layer instanceof Deconvolution2DLayer) {
                assertNull(layer.getHelper(), where + ": DL4J has no deconvolution helper");
            } else if (layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) {
                MKLDNNConvHelper h = assertInstanceOf(MKLDNNConvHelper.class, layer.getHelper(), where);
                assertNotNull(field(h, "context"), where + ": helper forward (libnd4j oneDNN op) never ran");
                assertNotNull(field(h, "contextBwd"), where + ": helper backward (libnd4j oneDNN op) never ran");
                conv++;
            } else if (layer instanceof org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) {
                // M2.1's SubsamplingLayer calls the helper in backprop only (its forward always runs libnd4j's
                // maxpool2d/avgpool2d op), and the helper keeps no state there: attached + no failure is the check.
                assertInstanceOf(MKLDNNSubsamplingHelper.class, layer.getHelper(), where);
                pool++;
            } else if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
                MKLDNNBatchNormHelper h = assertInstanceOf(MKLDNNBatchNormHelper.class, layer.getHelper(), where);
                assertNotNull(field(h, "context"), where + ": helper forward (libnd4j oneDNN op) never ran");
                assertNotNull(field(h, "meanCache"), where + ": helper training-mode forward never ran");
                bn++;
            } else {
                continue;
            }
            assertEquals(0, (int) (Integer) field(layer, "helperCountFail"), where + ": helper failed at run time");
        }
        assertEquals(2, conv);
        assertEquals(2, pool);
        assertEquals(3, bn);

        List<String> report = Backend.layerHelpers(net);
        assertTrue(report.get(0).endsWith("MKLDNNConvHelper"), report.toString());
    }

    @Test
    void withHelpersDisabledNoLayerHasOne() {
        MultiLayerNetwork net = build(false, DataType.FLOAT, true);
        for (Layer layer : net.getLayers()) {
            assertNull(layer.getHelper(), "layer " + layer.getIndex());
        }
        assertTrue(Backend.layerHelpers(net).get(0).endsWith(": none"), Backend.layerHelpers(net).toString());
    }

    @Test
    void helpersDoNotChangeTheMaths() {
        // Measured: ~7e-7 (output), ~1e-6 (gradient), ~5e-7 (parameters): float rounding.
        compare(DataType.FLOAT, 2e-5, 1e-4, 1e-4);
    }

    /**
     * DL4J's oneDNN helpers handle FLOAT only: for other data types they return null and the layer silently takes its
     * built-in path. So float64 networks (gradient checks) never exercise the helpers, and match bit for bit.
     */
    @Test
    void helpersAreInertForDouble() throws Exception {
        MultiLayerNetwork net = build(true, DataType.DOUBLE, false);
        net.fit(data(DataType.DOUBLE, 5));
        Layer conv = net.getLayer(0);
        Layer bn = net.getLayer(1);
        assertInstanceOf(MKLDNNConvHelper.class, conv.getHelper());
        assertNull(field(conv.getHelper(), "context"), "conv helper ran on float64");
        assertInstanceOf(MKLDNNBatchNormHelper.class, bn.getHelper());
        assertNull(field(bn.getHelper(), "context"), "batch-norm helper ran on float64");
        compare(DataType.DOUBLE, 1e-12, 1e-12, 1e-12);
    }

    /**
     * Same seed, same data: the network with helpers and the one without give the same training-mode output, score and
     * gradient, and the same parameters (including batch-norm running statistics) after three Adam steps.
     * Tolerances are relative to the largest magnitude of the compared array.
     */
    private static void compare(DataType dt, double outTol, double gradTol, double paramTol) {
        MultiLayerNetwork on = build(true, dt, true);
        MultiLayerNetwork off = build(false, dt, true);
        assertNotNull(on.getLayer(0).getHelper());
        assertNull(off.getLayer(0).getHelper());
        assertEquals(0.0, maxRelDiff(on.params(), off.params()), 0.0, "same seed, same initial parameters");

        DataSet data = data(dt, 11);
        assertClose(off.output(data.getFeatures(), true), on.output(data.getFeatures(), true), outTol, "output");

        for (MultiLayerNetwork n : List.of(on, off)) {
            n.setInput(data.getFeatures());
            n.setLabels(data.getLabels());
            n.computeGradientAndScore();
        }
        assertEquals(off.score(), on.score(), outTol * Math.max(1, Math.abs(off.score())), "score");
        assertClose(off.gradient().gradient(), on.gradient().gradient(), gradTol, "gradient");

        for (int i = 0; i < 3; i++) {
            on.fit(data);
            off.fit(data);
        }
        assertClose(off.params(), on.params(), paramTol, "parameters after 3 steps");
    }

    /**
     * conv(bias) + BN + max-pool, conv(no bias, stride 2) + BN, deconv, avg-pool, dense + BN (2-D), output:
     * every layer type of the reference DCGAN that has (or lacks) a oneDNN helper. Workspaces on, as in gan4j.nn.
     */
    static MultiLayerNetwork build(boolean helpers, DataType dt, boolean allowFallback) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42).dataType(dt).updater(new Adam(1e-2)).weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(new ConvolutionLayer.Builder().nOut(8).kernelSize(3, 3).stride(1, 1)
                        .convolutionMode(ConvolutionMode.Same).activation(new ActivationLReLU(0.2))
                        .helperAllowFallback(allowFallback).build())
                .layer(new BatchNormalization.Builder().helperAllowFallback(allowFallback).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .helperAllowFallback(allowFallback).build())
                .layer(new ConvolutionLayer.Builder().nOut(8).kernelSize(3, 3).stride(2, 2).hasBias(false)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY)
                        .helperAllowFallback(allowFallback).build())
                .layer(new BatchNormalization.Builder().helperAllowFallback(allowFallback).build())
                .layer(new ActivationLayer.Builder().activation(new ActivationLReLU(0.2)).build())
                .layer(new Deconvolution2D.Builder().nOut(4).kernelSize(3, 3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2)
                        .helperAllowFallback(allowFallback).build())
                .layer(new DenseLayer.Builder().nOut(16).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().helperAllowFallback(allowFallback).build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(3)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, 1))
                .build();
        String key = Backend.HELPERS_DISABLE_PROPERTY;
        String old = System.getProperty(key);
        System.setProperty(key, Boolean.toString(!helpers));
        try {
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            return net;
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
    }

    private static DataSet data(DataType dt, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(dt, BATCH, 1, SIZE, SIZE).muli(2).subi(1);
        INDArray y = Nd4j.rand(dt, BATCH, 3);
        return new DataSet(x, y);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tol, String what) {
        double d = maxRelDiff(expected, actual);
        assertTrue(d <= tol, what + ": max relative difference " + d + " > " + tol);
    }

    private static double maxRelDiff(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE).reshape(-1);
        INDArray y = b.castTo(DataType.DOUBLE).reshape(-1);
        assertEquals(x.length(), y.length());
        double scale = Math.max(x.amaxNumber().doubleValue(), 1e-12);
        return x.sub(y).amaxNumber().doubleValue() / scale;
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }
}
