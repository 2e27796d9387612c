package org.gan4j.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * The layer of {@link AuxiliaryHeadLayer}: {@code out = [pass | leakyReLU(h) · W + b]} for an input {@code [pass | h]},
 * with the backward pass written out: {@code dW = aᵀ·δq}, {@code db = Σ δq}, {@code δh = (δq·Wᵀ) ⊙ leakyReLU'(h)},
 * and the score columns' gradient passed back unchanged.
 */
final class AuxiliaryHead extends BaseLayer<AuxiliaryHeadLayer> {

    AuxiliaryHead(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private int pass() {
        return layerConf().getPassColumns();
    }

    private long hidden() {
        return layerConf().getNIn();
    }

    private INDArray hiddenInput() {
        return input.get(NDArrayIndex.all(), NDArrayIndex.interval(pass(), pass() + hidden()));
    }

    /**
     * 1 where {@code h > 0}, the slope elsewhere: the derivative of the leaky ReLU (at 0 the slope), and
     * {@code leakyReLU(h) = h ⊙ slopes(h)}. Written out rather than through ND4J's leaky-ReLU ops, whose forward
     * and derivative disagreed with float64 central differences by ~4e-6 relative in this layer's gradient test.
     */
    private INDArray slopes(INDArray h) {
        INDArray s = h.ulike().assign(layerConf().getLeakySlope());
        s.putWhereWithMask(h.match(0.0, Conditions.greaterThan(0.0)), 1.0);
        return s;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray b = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr);
        long n = input.size(0);
        INDArray h = hiddenInput();
        INDArray q = h.mul(slopes(h)).mmul(w).addiRowVector(b);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), n,
                pass() + layerConf().getNOut());
        out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, pass()))
                .assign(input.get(NDArrayIndex.all(), NDArrayIndex.interval(0, pass())));
        out.get(NDArrayIndex.all(), NDArrayIndex.interval(pass(), pass() + layerConf().getNOut())).assign(q);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray h = hiddenInput();
        INDArray slopes = slopes(h);
        INDArray a = h.mul(slopes);
        INDArray dq = epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(pass(), pass() + layerConf().getNOut()));
        INDArray dw = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        INDArray db = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
        dw.assign(a.transpose().mmul(dq));
        db.assign(dq.sum(true, 0));
        INDArray dh = dq.mmul(w.transpose()).muli(slopes);
        long n = input.size(0);
        INDArray dInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), n,
                pass() + hidden());
        dInput.get(NDArrayIndex.all(), NDArrayIndex.interval(0, pass()))
                .assign(epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(0, pass())));
        dInput.get(NDArrayIndex.all(), NDArrayIndex.interval(pass(), pass() + hidden())).assign(dh);
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, dw);
        gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, db);
        return new Pair<>(gradient, dInput);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public boolean hasBias() {
        return true;
    }
}
