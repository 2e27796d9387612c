package org.gan4j.nn;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configuration of the last layer of a discriminator whose second head (InfoGAN's Q) has a hidden layer of its
 * own: it reads the discriminator's final dense outputs {@code [score columns | hidden pre-activations h]}, passes the
 * score columns through unchanged and turns the hidden pre-activations into the head's outputs
 * {@code q = leakyReLU(h) · W + b}. D's score stays a linear function of the shared body's features, while Q is a
 * one-hidden-layer network on the same features ({@code DiscriminatorSpec#build} with {@code auxiliaryHidden > 0}).
 *
 * <p>{@code nIn} is the number of hidden units and {@code nOut} the head's outputs; W {@code [nIn, nOut]} and b
 * {@code [1, nOut]} are initialised like a dense layer of the same network (DL4J's default parameter initialiser,
 * the network's weight initialisation). DL4J's model format writes this configuration; the no-argument constructor
 * and the bean properties are for its JSON reader.
 */
public final class AuxiliaryHeadLayer extends FeedForwardLayer {
    private int passColumns;
    private double leakySlope;

    /** For DL4J's configuration reader only. */
    public AuxiliaryHeadLayer() {
    }

    private AuxiliaryHeadLayer(Builder builder) {
        super(builder);
        this.passColumns = builder.passColumns;
        this.leakySlope = builder.leakySlope;
    }

    /**
     * A head of {@code outputs} outputs on {@code hiddenUnits} hidden units, after {@code passColumns} score columns.
     *
     * @param passColumns leading columns passed through unchanged (D's score and projection columns), &gt; 0
     * @param hiddenUnits hidden units of the head, &gt; 0
     * @param outputs     outputs of the head, &gt; 0
     * @param leakySlope  negative slope of the hidden layer's leaky ReLU, in [0, 1)
     */
    static AuxiliaryHeadLayer of(int passColumns, int hiddenUnits, int outputs, double leakySlope) {
        Checks.positive("passColumns", passColumns);
        Checks.positive("auxiliaryHidden", hiddenUnits);
        Checks.positive("auxiliaryOutputs", outputs);
        Checks.leakySlope(leakySlope);
        Builder b = new Builder();
        b.passColumns = passColumns;
        b.leakySlope = leakySlope;
        b.nIn(hiddenUnits).nOut(outputs).name("d_aux_head");
        return new AuxiliaryHeadLayer(b);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                      Collection<TrainingListener> listeners, int layerIndex,
                                                      INDArray layerParamsView, boolean initializeParams,
                                                      DataType networkDataType) {
        AuxiliaryHead layer = new AuxiliaryHead(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> table = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return DefaultParamInitializer.getInstance();
    }

    /** The input is {@code passColumns + nIn} wide; {@code nIn} (the hidden units) is fixed at construction. */
    @Override
    public void setNIn(InputType inputType, boolean override) {
        long width = inputType.arrayElementsPerExample();
        if (width != passColumns + nIn) {
            throw new IllegalArgumentException("d_aux_head expects " + passColumns + " score columns + " + nIn
                    + " hidden units = " + (passColumns + nIn) + " inputs, got " + width);
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(passColumns + nOut);
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(layerName, AuxiliaryHeadLayer.class, inputType,
                getOutputType(-1, inputType)).standardMemory(nIn * nOut + nOut, 0)
                .workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    /** Leading columns passed through unchanged. */
    public int getPassColumns() {
        return passColumns;
    }

    /** For DL4J's configuration reader. */
    public void setPassColumns(int v) {
        passColumns = v;
    }

    /** Negative slope of the hidden layer's leaky ReLU. */
    public double getLeakySlope() {
        return leakySlope;
    }

    /** For DL4J's configuration reader. */
    public void setLeakySlope(double v) {
        leakySlope = v;
    }

    private static final class Builder extends FeedForwardLayer.Builder<Builder> {
        private int passColumns;
        private double leakySlope;

        @Override
        public AuxiliaryHeadLayer build() {
            return new AuxiliaryHeadLayer(this);
        }
    }
}
