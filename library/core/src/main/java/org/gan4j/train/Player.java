package org.gan4j.train;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One player's network with the three operations the two-player step needs: a training-mode forward pass that keeps
 * the layer inputs, a backward pass from a gradient on the output, and an optimiser step from a given gradient.
 *
 * <p>DL4J facts this relies on (M2.1): {@code feedForward(true, false)} after {@code setInput} keeps each layer's
 * input for {@code backpropGradient}; {@code backpropGradient} writes the parameter gradient into the network's
 * flattened gradient view ({@code [1, n]}, while {@code params()} is 1-D) and returns the gradient w.r.t. the input;
 * batch-norm running statistics travel as pseudo-gradients (new = old − "gradient", updated by a no-op updater).
 */
final class Player {
    private static final List<String> BN_STATS = List.of("mean", "var", "log10stdev");
    final MultiLayerNetwork net;
    /** 1 at batch-norm running-statistic positions, 0 elsewhere; {@code [1, nParams]}. */
    final INDArray statMask;
    /** 1 - statMask. */
    final INDArray trainableMask;
    /**
     * The optimiser, fetched once: its state (Adam's moments) must live as long as the network. Note that
     * {@code MultiLayerNetwork.clear()} drops the solver and with it the updater state, so it is never called here.
     */
    private final org.deeplearning4j.nn.api.Updater updater;

    Player(MultiLayerNetwork net) {
        this.net = net;
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        INDArray params = net.params();
        INDArray saved = params.dup();
        params.assign(0);
        for (Layer layer : net.getLayers()) {
            if (layer instanceof BatchNormalization) {
                for (String key : BN_STATS) {
                    INDArray view = layer.paramTable().get(key);
                    if (view != null) {
                        view.assign(1);
                    }
                }
            }
        }
        statMask = params.dup().reshape(1, params.length());
        params.assign(saved);
        trainableMask = statMask.rsub(1.0);
        updater = net.getUpdater();
    }

    /** Forward pass in training mode; keeps the layer inputs for {@link #backward}. */
    INDArray forward(INDArray input) {
        net.setInput(input);
        List<INDArray> acts = net.feedForward(true, false);
        return acts.get(acts.size() - 1);
    }

    /** Back-propagates {@code outputGradient}; the parameter gradient lands in the gradient view. */
    Pair<Gradient, INDArray> backward(INDArray outputGradient) {
        return net.backpropGradient(outputGradient, LayerWorkspaceMgr.noWorkspaces());
    }

    /** A copy of the current parameter gradient, {@code [1, nParams]}. */
    INDArray gradientCopy() {
        return net.getFlattenedGradients().dup();
    }

    /** L2 norm of the trainable part of a gradient (batch-norm statistics excluded). */
    double trainableNorm(INDArray gradient) {
        return gradient.mul(trainableMask).norm2Number().doubleValue();
    }

    /**
     * One optimiser step with {@code total} as the gradient (already a batch mean): the updater (Adam) transforms it
     * in place, then parameters move against it.
     *
     * @param layout a gradient from this network's last backward pass (its views point into the gradient view)
     */
    void step(Gradient layout, INDArray total, int epoch) {
        INDArray flat = net.getFlattenedGradients();
        if (total != flat) {
            flat.assign(total);
        }
        int iteration = net.getIterationCount();
        // batch size 1: our losses are batch means already, DL4J must not divide again
        updater.update(net, layout, iteration, epoch, 1, LayerWorkspaceMgr.noWorkspaces());
        INDArray params = net.params();
        params.subi(flat.reshape(params.shape()));
        net.setIterationCount(iteration + 1);
        net.setEpochCount(epoch);
    }
}
