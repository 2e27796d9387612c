package org.gan4j.nn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.random.RandomStream;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link MultiLayerNetwork} under the {@link Network} contract.
 *
 * <p>DL4J facts this relies on (M2.1): {@code feedForward(true, false)} after {@code setInput} keeps each layer's
 * input for {@code backpropGradient}; {@code backpropGradient} writes the parameter gradient into the network's
 * flattened gradient view ({@code [1, n]}, while {@code params()} is 1-D) and returns the gradient w.r.t. the input;
 * batch-norm running statistics travel as pseudo-gradients (new = old − "gradient", updated by a no-op updater).
 * {@code MultiLayerNetwork.clear()} drops the solver and with it the optimiser state, so it is never called here.
 */
public final class MultiLayerModel implements Network {
    private static final List<String> BN_STATS = List.of("mean", "var", "log10stdev");
    private final MultiLayerNetwork net;
    private final INDArray statisticsMask;
    /** The optimiser, fetched once: its state (Adam's moments) must live as long as the network. */
    private final org.deeplearning4j.nn.api.Updater updater;
    /** The parameter-gradient layout of the last backward pass (its views point into the gradient view). */
    private Gradient lastGradient;

    /** Wraps {@code net} (not a copy); allocates its gradient view when missing. */
    public MultiLayerModel(MultiLayerNetwork net) {
        this.net = Checks.notNull("net", net);
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
        statisticsMask = params.dup().reshape(1, params.length());
        params.assign(saved);
        updater = net.getUpdater();
    }

    /** Reads a network written by {@link #write} (DL4J's model format, optimiser state included). */
    public static MultiLayerModel read(InputStream in) throws IOException {
        return new MultiLayerModel(ModelSerializer.restoreMultiLayerNetwork(in, true));
    }

    /** The wrapped DL4J network (live, not a copy). */
    public MultiLayerNetwork unwrap() {
        return net;
    }

    @Override
    public DataType dataType() {
        return net.params().dataType();
    }

    @Override
    public long numParams() {
        return net.numParams();
    }

    @Override
    public INDArray params() {
        return net.params();
    }

    @Override
    public INDArray gradientView() {
        return net.getFlattenedGradients();
    }

    @Override
    public INDArray updaterState() {
        return updater == null ? null : updater.getStateViewArray();
    }

    @Override
    public INDArray statisticsMask() {
        return statisticsMask;
    }

    @Override
    public INDArray output(INDArray input) {
        return net.output(input, false);
    }

    @Override
    public INDArray outputTraining(INDArray input, RandomStream randomness) {
        return net.output(input, true);
    }

    @Override
    public INDArray forward(INDArray input, RandomStream randomness) {
        net.setInput(input);
        List<INDArray> acts = net.feedForward(true, false);
        return acts.get(acts.size() - 1);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        Pair<Gradient, INDArray> p = net.backpropGradient(outputGradient, LayerWorkspaceMgr.noWorkspaces());
        lastGradient = p.getFirst();
        return p.getSecond();
    }

    @Override
    public void update(INDArray gradient, int epoch) {
        if (lastGradient == null) {
            throw new IllegalStateException("update needs a backward pass first (it gives the gradient's layout)");
        }
        INDArray flat = net.getFlattenedGradients();
        if (gradient != flat) {
            flat.assign(gradient);
        }
        int iteration = net.getIterationCount();
        // batch size 1: our losses are batch means already, DL4J must not divide again
        updater.update(net, lastGradient, iteration, epoch, 1, LayerWorkspaceMgr.noWorkspaces());
        INDArray params = net.params();
        params.subi(flat.reshape(params.shape()));
        net.setIterationCount(iteration + 1);
        net.setEpochCount(epoch);
    }

    @Override
    public int iterationCount() {
        return net.getIterationCount();
    }

    @Override
    public int epochCount() {
        return net.getEpochCount();
    }

    @Override
    public void setCounts(int iterations, int epochs) {
        net.setIterationCount(iterations);
        net.setEpochCount(epochs);
    }

    @Override
    public MultiLayerModel copy() {
        return new MultiLayerModel(net.clone());
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ModelSerializer.writeModel(net, out, true);
    }

    @Override
    public String toString() {
        return "MultiLayerModel[" + net.getnLayers() + " layers, " + numParams() + " parameters]";
    }
}
