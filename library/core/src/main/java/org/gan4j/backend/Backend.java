package org.gan4j.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.convolution.Convolution3DLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.layers.convolution.DepthwiseConvolution2DLayer;
import org.deeplearning4j.nn.layers.convolution.SeparableConvolution2DLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the numerical backend is and whether DL4J's oneDNN layer helpers are really in use — for notebooks
 * ({@code Backend.describe()}) and tests. Read-only: it sets nothing; the switches are the documented system
 * properties (see {@code library/core/ONEDNN.md}).
 *
 * <p>On the CPU backend DL4J M2.1 can hand three layer types to oneDNN through "helpers": {@code ConvolutionLayer}
 * (and {@code Convolution1DLayer}) → {@code MKLDNNConvHelper}, {@code SubsamplingLayer} (and {@code Subsampling1DLayer})
 * → {@code MKLDNNSubsamplingHelper}, {@code BatchNormalization} (2-D and 4-D input) → {@code MKLDNNBatchNormHelper}.
 * They are created when a layer is instantiated ({@code MultiLayerNetwork.init()}), only if the system property
 * {@value #HELPERS_DISABLE_PROPERTY} is {@code false} and DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} check passes
 * (which needs the compatibility class {@code org.nd4j.nativeblas.Nd4jCpu} shipped in this jar). Deconvolution,
 * depthwise, separable and 3-D convolution have no helper: they always call libnd4j ops directly, and the oneDNN
 * build of libnd4j runs some of those through oneDNN by itself ({@code deconv2d}, {@code depthwise_conv2d},
 * {@code conv3dnew} and their backward ops have oneDNN implementations in it), whatever the property says.
 */
public final class Backend {

    /** DL4J's switch for all layer helpers: {@code "false"} enables them; DL4J M2.1's default is {@code "true"}. */
    public static final String HELPERS_DISABLE_PROPERTY = DL4JSystemProperties.DISABLE_HELPER_PROPERTY;

    private Backend() {
    }

    /**
     * A snapshot of the backend.
     *
     * @param backend        ND4J backend ({@code CPU} or {@code CUDA})
     * @param nativeLibrary  path of the loaded libnd4j, or {@code "?"} if not found
     * @param oneDnnBuild    whether that libnd4j is the {@code -onednn} build
     * @param oneDnnEnabled  libnd4j's own oneDNN switch ({@code Nd4jCpu.Environment.isUseONEDNN()}); false off CPU
     * @param blasVendor     BLAS library ND4J uses for gemm (e.g. {@code OPENBLAS})
     * @param threads        ND4J's (OpenMP) thread count
     * @param blasThreads    BLAS thread count
     * @param helpersEnabled whether {@value #HELPERS_DISABLE_PROPERTY} is {@code false}
     * @param helpersActive  whether networks initialised now get oneDNN helpers (see {@link #helpersActive()})
     */
    public record Info(String backend, String nativeLibrary, boolean oneDnnBuild, boolean oneDnnEnabled,
                       String blasVendor, int threads, int blasThreads, boolean helpersEnabled,
                       boolean helpersActive) {

        @Override
        public String toString() {
            String build = oneDnnBuild ? "oneDNN build" : "plain build (no oneDNN)";
            return "ND4J backend:      " + backend + " (" + build + ": " + nativeLibrary + ")\n"
                    + "libnd4j oneDNN:    " + (oneDnnEnabled ? "on" : "off") + "\n"
                    + "BLAS:              " + blasVendor + ", " + blasThreads + " thread(s)\n"
                    + "threads:           " + threads + "\n"
                    + "DL4J helpers:      " + (helpersActive ? "active (conv, batch norm, pooling use oneDNN; float32 only)"
                    : helpersEnabled ? "enabled but NOT active (oneDNN check fails: see library/core/ONEDNN.md)"
                    : "off (-D" + HELPERS_DISABLE_PROPERTY + "=false turns them on)");
        }
    }

    /** The backend now: ND4J backend, native build, BLAS, threads, oneDNN and helper status. Initialises ND4J. */
    public static Info describe() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(env.getOrDefault("backend", "?"));
        boolean cpu = "CPU".equalsIgnoreCase(backend);
        String lib = "?";
        if (cpu) {
            Map<String, String> loaded = Loader.getLoadedLibraries();
            lib = loaded.getOrDefault("nd4jcpu", "?");
        }
        boolean oneDnnBuild = lib.contains("-onednn");
        boolean oneDnnOn = cpu && libnd4jUsesOneDnn();
        return new Info(backend, lib, oneDnnBuild, oneDnnOn, String.valueOf(env.getOrDefault("blas.vendor", "?")),
                Nd4j.getEnvironment().maxThreads(), intOf(env.get("blas.threads")),
                helpersEnabled(), helpersActive());
    }

    /** Whether {@value #HELPERS_DISABLE_PROPERTY} is {@code false}, i.e. DL4J will try to create layer helpers. */
    public static boolean helpersEnabled() {
        return !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY,
                DL4JSystemProperties.HELPER_DISABLE_DEFAULT_VALUE));
    }

    /**
     * Whether a network initialised now gets oneDNN helpers on its conv, pooling and batch-norm layers: the property
     * allows them and DL4J's own check ({@code BaseMKLDNNHelper.mklDnnEnabled()}: CPU backend, libnd4j helpers
     * allowed, oneDNN on) passes. Networks initialised earlier keep what they got at {@code init()}; see
     * {@link #layerHelpers(Layer[])} for a given network.
     */
    public static boolean helpersActive() {
        return helpersEnabled() && BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** {@link #layerHelpers(Layer[])} for a {@link MultiLayerNetwork} (after {@code init()}). */
    public static List<String> layerHelpers(MultiLayerNetwork net) {
        return layerHelpers(net.getLayers());
    }

    /** {@link #layerHelpers(Layer[])} for a {@link ComputationGraph} (after {@code init()}). */
    public static List<String> layerHelpers(ComputationGraph graph) {
        return layerHelpers(graph.getLayers());
    }

    /**
     * One line per layer: its index, DL4J layer class and the helper attached to it — the helper's class name,
     * {@code "none"} for a layer type that can have one but has none, or {@code "n/a"} (with the reason) for layers
     * that never get one on CPU.
     */
    public static List<String> layerHelpers(Layer[] layers) {
        if (layers == null) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (Layer layer : layers) {
            String kind = layer.getClass().getSimpleName();
            String helper;
            if (layer instanceof Deconvolution2DLayer || layer instanceof DepthwiseConvolution2DLayer
                    || layer instanceof SeparableConvolution2DLayer || layer instanceof Convolution3DLayer) {
                helper = "n/a (libnd4j op; oneDNN inside the natives)";
            } else if (layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer
                    || layer instanceof BatchNormalization) {
                LayerHelper h = layer.getHelper();
                helper = h == null ? "none" : h.getClass().getSimpleName();
            } else {
                helper = "n/a";
            }
            out.add(layer.getIndex() + " " + kind + ": " + helper);
        }
        return out;
    }

    private static boolean libnd4jUsesOneDnn() {
        try {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        } catch (Throwable t) {
            return false;
        }
    }

    private static int intOf(Object o) {
        try {
            return o == null ? -1 : Integer.parseInt(o.toString().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
