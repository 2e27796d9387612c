package org.gan4j.nn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;

/**
 * A DL4J network used as a fixed differentiable function: its inference-mode output (batch norm with its running
 * statistics, no dropout) and the gradient of that output with respect to the input. Inverting a generator and the
 * feature distance of the {@linkplain org.gan4j.invert.Projector projector} need exactly this, and DL4J M2.1 does not
 * give it: its batch-norm backward pass is the training-mode one (batch statistics), and a network-level backward
 * pass after an inference-mode forward pass fails on an outdated workspace pointer.
 *
 * <p>So this class runs the layers one by one without workspaces, and treats each batch-norm layer as what it is in
 * inference: the per-channel affine map {@code y = γ·(x − μ)/σ + β} with {@code σ = sqrt(var + ε)}, whose input gradient is {@code γ/σ} times the
 * output gradient. Every other layer's own backward pass is used; it writes into a private copy's gradient buffer,
 * never into the caller's network.
 *
 * <pre>{@code
 * FrozenNetwork g = FrozenNetwork.of(dl4jGenerator);
 * FrozenNetwork.Pass pass = g.forward(z);
 * INDArray dz = pass.backward(lossGradientWrtImages);
 * }</pre>
 */
public final class FrozenNetwork {
    private final MultiLayerNetwork net;
    private final int lastLayer;

    private FrozenNetwork(MultiLayerNetwork net, int lastLayer) {
        this.net = net;
        this.lastLayer = lastLayer;
    }

    /** The whole network, frozen (a private copy: later changes to {@code net} do not reach it). */
    public static FrozenNetwork of(MultiLayerNetwork net) {
        Checks.notNull("net", net);
        return upTo(net, net.getnLayers() - 1);
    }

    /**
     * The network's layers {@code 0 .. lastLayer} (for example up to a feature layer), frozen, as a private copy.
     *
     * @throws IllegalArgumentException when {@code lastLayer} is out of range or a layer in it uses dropout (whose
     *                                  backward pass is training-mode only)
     */
    public static FrozenNetwork upTo(MultiLayerNetwork net, int lastLayer) {
        Checks.notNull("net", net);
        if (lastLayer < 0 || lastLayer >= net.getnLayers()) {
            throw new IllegalArgumentException("lastLayer must be in [0, " + (net.getnLayers() - 1) + "], got "
                    + lastLayer);
        }
        for (int i = 0; i <= lastLayer; i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            if (conf.getIDropout() != null) {
                throw new IllegalArgumentException("layer " + i + " (" + conf.getLayerName() + ") uses dropout, "
                        + "whose input gradient DL4J defines only in training mode: freeze the layers before it");
            }
            if (conf instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization bn
                    && bn.getCnn2DFormat() != CNN2DFormat.NCHW) {
                throw new IllegalArgumentException("layer " + i + " (" + conf.getLayerName() + "): only channels-first "
                        + "(NCHW) batch norm is supported, got " + bn.getCnn2DFormat());
            }
        }
        MultiLayerNetwork copy = net.clone();
        if (copy.getFlattenedGradients() == null) {
            copy.initGradientsView();
        }
        return new FrozenNetwork(copy, lastLayer);
    }

    /** The data type of the network's parameters. */
    public DataType dataType() {
        return net.params().dataType();
    }

    /**
     * Inference-mode output of layer {@code lastLayer}, keeping what {@link Pass#backward} needs.
     *
     * @param input the network's input, any batch size
     */
    public Pass forward(INDArray input) {
        Checks.notNull("input", input);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        int batch = (int) input.size(0);
        INDArray x = input.castTo(dataType());
        for (int i = 0; i <= lastLayer; i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) {
                x = pre.preProcess(x, batch, mgr);
            }
            x = net.getLayer(i).activate(x, false, mgr);
        }
        return new Pass(x, batch);
    }

    /** Shorthand for {@code forward(input).output()}. */
    public INDArray output(INDArray input) {
        return forward(input).output();
    }

    /**
     * One forward pass; {@link #backward} must come before the next {@link FrozenNetwork#forward} (the layers keep
     * their inputs).
     */
    public final class Pass {
        private final INDArray output;
        private final int batch;

        private Pass(INDArray output, int batch) {
            this.output = output;
            this.batch = batch;
        }

        /** The output of the frozen layers. */
        public INDArray output() {
            return output;
        }

        /**
         * The gradient with respect to the input, given the gradient with respect to {@link #output()}.
         *
         * @param outputGradient same shape as the output
         */
        public INDArray backward(INDArray outputGradient) {
            Checks.notNull("outputGradient", outputGradient);
            if (!Arrays.equals(outputGradient.shape(), output.shape())) {
                throw new IllegalArgumentException("outputGradient must have the output's shape "
                        + Arrays.toString(output.shape()) + ", got " + Arrays.toString(outputGradient.shape()));
            }
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
            INDArray eps = outputGradient.castTo(dataType()).dup();
            for (int i = lastLayer; i >= 0; i--) {
                Layer layer = net.getLayer(i);
                eps = layer instanceof BatchNormalization bn ? batchNormBackward(bn, eps)
                        : layer.backpropGradient(eps, mgr).getSecond();
                InputPreProcessor pre = conf.getInputPreProcess(i);
                if (pre != null) {
                    eps = pre.backprop(eps, batch, mgr);
                }
            }
            return eps;
        }
    }

    /** Inference batch norm is {@code y = γ·(x − μ)/σ + β} per channel, {@code σ = sqrt(var + ε)}: {@code dx = dy·γ/σ}. */
    private static INDArray batchNormBackward(BatchNormalization layer, INDArray eps) {
        org.deeplearning4j.nn.conf.layers.BatchNormalization conf =
                (org.deeplearning4j.nn.conf.layers.BatchNormalization) layer.conf().getLayer();
        // DL4J's inference: σ = sqrt(var + ε), where a log-std layer keeps var as log10 of the standard deviation
        INDArray variance = conf.isUseLogStd()
                ? Transforms.exp(layer.getParam("log10stdev").mul(2 * Math.log(10)), false)
                : layer.getParam("var").dup();
        INDArray sigma = Transforms.sqrt(variance.addi(conf.getEps()), false);
        INDArray scale = conf.isLockGammaBeta()
                ? Nd4j.valueArrayOf(sigma.shape(), conf.getGamma(), sigma.dataType()).divi(sigma)
                : layer.getParam("gamma").div(sigma);
        INDArray row = scale.reshape(scale.length()).castTo(eps.dataType());
        INDArray out = eps.dup();
        if (eps.rank() == 2) {
            return out.muliRowVector(row);
        }
        return Nd4j.getExecutioner().exec(new BroadcastMulOp(eps, row, out, 1));
    }

    @Override
    public String toString() {
        return "FrozenNetwork[layers 0.." + lastLayer + " of " + net.getnLayers() + "]";
    }
}
