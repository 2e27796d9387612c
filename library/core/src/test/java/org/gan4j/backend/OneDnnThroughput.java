package org.gan4j.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Timing harness, not a test: training throughput of the reference DCGAN (docs/figures.md) with DL4J's oneDNN layer
 * helpers on and off, in one JVM. Both variants are built here with plain DL4J builders (the helper switch is read at
 * {@code init()}, so {@link #build} sets it around that call only); rounds alternate on/off so machine noise hits both.
 *
 * <p>One step = one D update on B real images, one D update on B fake images (separate batches), one G update by
 * chaining: {@code D.calculateGradients(fake, real labels)} gives dLoss/dFake, {@code G.backpropGradient} and G's own
 * updater. Real images are random in [-1, 1] (the content does not change the cost). Throughput = B / median step time.
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -B -o -q -pl library/core test-compile
 * mvn -B -o -q -pl library/core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx2g -Dorg.bytedeco.javacpp.cachedir=build/javacpp-cache \
 *   -cp library/core/target/test-classes:library/core/target/classes:$(cat /tmp/cp.txt) \
 *   org.gan4j.backend.OneDnnThroughput [--batch 64] [--steps 12] [--rounds 3] [--warmup 3] [--only on|off]
 * </pre>
 */
public final class OneDnnThroughput {

    private static final int LATENT = 100;
    /** Process CPU time (all threads, native ones included): a second view when the machine is shared. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private OneDnnThroughput() {
    }

    public static void main(String[] args) {
        int batch = 64;
        int steps = 12;
        int rounds = 3;
        int warmup = 3;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.println(Backend.describe());
        System.out.printf(Locale.ROOT, "batch %d, %d steps per round, %d rounds per variant, %d warm-up steps%n%n",
                batch, steps, rounds, warmup);

        List<Variant> variants = new ArrayList<>();
        if (!"off".equals(only)) {
            variants.add(new Variant("helpers on ", true));
        }
        if (!"on".equals(only)) {
            variants.add(new Variant("helpers off", false));
        }
        for (Variant v : variants) {
            System.out.println(v.name + ": G " + Backend.layerHelpers(v.g) + "\n             D "
                    + Backend.layerHelpers(v.d));
            for (int i = 0; i < warmup; i++) {
                v.step(batch);
            }
        }
        System.out.println();
        // Steps alternate between the variants (on, off, on, off, ...) so that load from other processes on a shared
        // machine falls on both alike; the paired ratio below is the most noise-robust number.
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double[][] t = new double[variants.size()][steps];
            double[][] cpu = new double[variants.size()][steps];
            for (int i = 0; i < steps; i++) {
                for (int k = 0; k < variants.size(); k++) {
                    long c0 = OS.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    variants.get(k).step(batch);
                    t[k][i] = (System.nanoTime() - t0) / 1e9;
                    cpu[k][i] = (OS.getProcessCpuTime() - c0) / 1e9;
                }
                if (variants.size() == 2) {
                    ratios.add(t[1][i] / t[0][i]);
                }
            }
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get(k);
                double ips = batch / median(t[k]);
                v.rounds.add(ips);
                System.out.printf(Locale.ROOT, "round %d  %s  %6.1f img/s  (median step %.3f s, %.3f CPU-s)%n",
                        r + 1, v.name, ips, median(t[k]), median(cpu[k]));
            }
        }
        System.out.println();
        for (Variant v : variants) {
            double[] ips = v.rounds.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(ips);
            System.out.printf(Locale.ROOT, "%s  median %6.1f img/s  range %.1f-%.1f over rounds  (last lossD %.3f)%n",
                    v.name, median(ips), ips[0], ips[ips.length - 1], v.lossD);
        }
        if (!ratios.isEmpty()) {
            double[] q = ratios.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(q);
            System.out.printf(Locale.ROOT, "speed-up (paired steps, off time / on time): median %.2fx, "
                    + "quartiles %.2f-%.2f, n=%d%n", median(q), q[q.length / 4], q[(3 * q.length) / 4], q.length);
        }
    }

    private static final class Variant {
        final String name;
        final MultiLayerNetwork g;
        final MultiLayerNetwork d;
        final List<Double> rounds = new ArrayList<>();
        double lossD;
        int iteration;

        Variant(String name, boolean helpers) {
            this.name = name;
            this.g = build(generator(), helpers);
            this.d = build(discriminator(), helpers);
        }

        void step(int b) {
            INDArray real = Nd4j.rand(DataType.FLOAT, b, 1, 28, 28).muli(2).subi(1);
            INDArray ones = Nd4j.ones(DataType.FLOAT, b, 1);
            INDArray zeros = Nd4j.zeros(DataType.FLOAT, b, 1);
            INDArray z = Nd4j.randn(DataType.FLOAT, b, LATENT);

            g.setInput(z);
            List<INDArray> acts = g.feedForward(true, false);
            INDArray fake = acts.get(acts.size() - 1);

            d.fit(new DataSet(real, ones));
            double lr = d.score();
            d.fit(new DataSet(fake, zeros));
            lossD = lr + d.score();

            Pair<Gradient, INDArray> dGrad = d.calculateGradients(fake, ones, null, null);
            Pair<Gradient, INDArray> gGrad = g.backpropGradient(dGrad.getSecond(), LayerWorkspaceMgr.noWorkspaces());
            g.getUpdater().update(g, gGrad.getFirst(), iteration++, 0, b, LayerWorkspaceMgr.noWorkspaces());
            INDArray params = g.params();
            params.subi(g.getFlattenedGradients().reshape(params.shape()));
            g.clear();
        }
    }

    /** z100 → Dense 6272 + BN + ReLU → 7×7×128 → deconv 5×5 s2 → 14×14×64 + BN + ReLU → deconv 5×5 s2 → 28×28×1 tanh. */
    static NeuralNetConfiguration.ListBuilder generator() {
        return base().list()
                .layer(new DenseLayer.Builder().nIn(LATENT).nOut(7 * 7 * 128).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .inputPreProcessor(3, new FeedForwardToCnnPreProcessor(7, 7, 128))
                .layer(new Deconvolution2D.Builder().nOut(64).kernelSize(5, 5).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new Deconvolution2D.Builder().nOut(1).kernelSize(5, 5).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build())
                .setInputType(InputType.feedForward(LATENT));
    }

    /** conv64 5×5 s2 LReLU → conv128 5×5 s2 + BN + LReLU → dense 1 (sigmoid cross-entropy). */
    static NeuralNetConfiguration.ListBuilder discriminator() {
        return base().list()
                .layer(new ConvolutionLayer.Builder().nOut(64).kernelSize(5, 5).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).activation(new ActivationLReLU(0.2)).build())
                .layer(new ConvolutionLayer.Builder().nOut(128).kernelSize(5, 5).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(new ActivationLReLU(0.2)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(28, 28, 1));
    }

    private static NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT)
                .updater(new Adam(2e-4, 0.5, 0.999, 1e-8)).weightInit(new NormalDistribution(0, 0.02))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    }

    private static MultiLayerNetwork build(NeuralNetConfiguration.ListBuilder list, boolean helpers) {
        MultiLayerConfiguration conf = list.build();
        String key = Backend.HELPERS_DISABLE_PROPERTY;
        String old = System.getProperty(key);
        System.setProperty(key, Boolean.toString(!helpers));
        try {
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            net.initGradientsView();
            return net;
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
