package org.gan4j.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/** The parts every specification shares: base configuration, DCGAN initialisation, network creation. */
final class NetworkBase {
    /** Standard deviation of the DCGAN weight initialisation N(0, 0.02). */
    static final double DCGAN_INIT_STD = 0.02;

    private NetworkBase() {
    }

    static NeuralNetConfiguration.Builder base(long seed, IUpdater updater, DataType dataType, boolean dcganInit) {
        Checks.notNull("updater", updater);
        Checks.notNull("dataType", dataType);
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(updater)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (dcganInit) {
            b.weightInit(new NormalDistribution(0, DCGAN_INIT_STD));
        } else {
            b.weightInit(WeightInit.XAVIER);
        }
        return b;
    }

    /**
     * A discriminator's last layers: the dense score layer ({@code scoreColumns} outputs, linear) and, for a second
     * head, its outputs — extra outputs of the same layer, or with {@code auxiliaryHidden > 0} a hidden layer of
     * that many units of its own ({@link AuxiliaryHeadLayer}).
     *
     * @param nIn inputs of the score layer, or -1 to let DL4J infer them from the input type
     */
    static void scoreLayers(NeuralNetConfiguration.ListBuilder list, int nIn, int scoreColumns, int auxiliaryOutputs,
                            int auxiliaryHidden, double leakySlope) {
        Checks.nonNegative("auxiliaryOutputs", auxiliaryOutputs);
        Checks.nonNegative("auxiliaryHidden", auxiliaryHidden);
        if (auxiliaryHidden > 0 && auxiliaryOutputs == 0) {
            throw new IllegalArgumentException("auxiliaryHidden (" + auxiliaryHidden
                    + ") needs a head: auxiliaryOutputs must be > 0");
        }
        boolean hiddenHead = auxiliaryHidden > 0;
        DenseLayer.Builder score = new DenseLayer.Builder().name("d_score")
                .nOut(scoreColumns + (hiddenHead ? auxiliaryHidden : auxiliaryOutputs))
                .activation(Activation.IDENTITY);
        if (nIn > 0) {
            score.nIn(nIn);
        }
        list.layer(score.build());
        if (hiddenHead) {
            list.layer(AuxiliaryHeadLayer.of(scoreColumns, auxiliaryHidden, auxiliaryOutputs, leakySlope));
        }
    }

    static MultiLayerNetwork create(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.initGradientsView();
        return net;
    }
}
