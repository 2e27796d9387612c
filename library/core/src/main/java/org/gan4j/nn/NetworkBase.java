package org.gan4j.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
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

    static MultiLayerNetwork create(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.initGradientsView();
        return net;
    }
}
