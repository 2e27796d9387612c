package org.nd4j.nativeblas;

/**
 * <b>Compatibility shim, not part of ND4J.</b> Makes DL4J 1.0.0-M2.1's oneDNN layer helpers usable on the CPU
 * backend. See {@code library/core/ONEDNN.md}.
 *
 * <h2>The DL4J bug it works around</h2>
 * Before a layer may use a oneDNN helper ({@code MKLDNNConvHelper}, {@code MKLDNNSubsamplingHelper},
 * {@code MKLDNNBatchNormHelper}), DL4J asks {@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper#mklDnnEnabled()}.
 * That method looks up, by reflection, the class {@code org.nd4j.nativeblas.Nd4jCpu$Environment} and calls its
 * static {@code getInstance()} and then {@code isUseMKLDNN()}. Both names date from the MKL-DNN era: in M2.1 the
 * JavaCPP binding is {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the flag is
 * {@code isUseONEDNN()}. The lookup therefore throws, {@code BaseMKLDNNHelper} records the failure in a static flag
 * ({@code FAILED_CHECK}) for the rest of the JVM's life, every helper's {@code checkSupported()} answers false and
 * {@code HelperUtils.createHelper} silently drops the helper: the layers fall back to the slower built-in Java paths
 * (im2col + gemm, element-wise batch norm) even with the oneDNN build of the natives on the class path.
 *
 * <p>This class answers exactly that lookup — a public static nested {@code Environment} with a public static
 * {@code getInstance()} and a public {@code isUseMKLDNN()} — and delegates to the real binding, so DL4J's check
 * reports libnd4j's actual oneDNN switch ({@code Nd4jCpu.Environment.getInstance().setUseONEDNN(false)} still turns
 * the helpers off). Nothing in ND4J or DL4J M2.1 other than {@code BaseMKLDNNHelper} refers to this class name (checked
 * over the whole dependency tree).
 *
 * <h2>Also needed</h2>
 * The shim alone changes nothing: DL4J M2.1 creates no helpers at all unless the system property
 * {@code org.eclipse.deeplearning4j.helpers.disable} is {@code false} (its default is {@code true}; it is read each
 * time a layer is instantiated, i.e. at {@code MultiLayerNetwork.init()}). The project sets it in
 * {@code environment/jvm.options} and in surefire's {@code argLine}. {@link org.gan4j.backend.Backend} reports whether
 * the helpers are really active.
 *
 * <h2>Removing it</h2>
 * Delete this file (and its package directory) once DL4J looks up the right class, i.e. when upgrading past M2.1:
 * if the upgraded ND4J ships a class of this name again, this copy must go, or one will shadow the other.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /**
     * Answers {@code BaseMKLDNNHelper}'s reflective {@code getInstance().isUseMKLDNN()} by delegating to
     * {@link org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment#isUseONEDNN()}.
     */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** The single instance (as the real binding's {@code getInstance()}). */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * Whether libnd4j uses oneDNN, read live from the native environment on every call.
         *
         * @return {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN()}
         */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
