package org.gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The generator's up-sampling layers (explicit padding + crop, which keeps libnd4j's deconv2d on oneDNN) compute
 * exactly PyTorch's {@code ConvTranspose2d(k, stride 2, padding (k-1)/2, output_padding k % 2)}: the full
 * transposed convolution (no padding, side 2(n-1)+k) with rows and columns (k-1)/2 … (k-1)/2 + 2n - 1 kept.
 */
class TransposedConvolutionLayoutTest {

    @Test
    void upsamplingEqualsTheFullTransposedConvolutionCroppedLikePyTorch() {
        for (int k : new int[]{3, 4, 5}) {
            DcganGenerator spec = DcganGenerator.builder().latentSize(6).baseWidth(4).kernelSize(k).build();
            MultiLayerNetwork g = spec.build(7, new Adam(1e-3), DataType.DOUBLE);
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            int deconv = indexOf(g, "g_deconv1");
            Layer layer = g.getLayer(deconv);
            INDArray input = Nd4j.rand(DataType.DOUBLE, 3, 8, 7, 7).subi(0.5);

            INDArray ours = layer.activate(input, false, mgr);
            if (deconv + 1 < g.getnLayers() && g.getLayer(deconv + 1).conf().getLayer().getLayerName()
                    .equals("g_deconv1_crop")) {
                ours = g.getLayer(deconv + 1).activate(ours, false, mgr);
            }
            assertArrayEquals(new long[]{3, 4, 14, 14}, ours.shape(), "kernel " + k + ": side doubles");

            MultiLayerNetwork full = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                    .dataType(DataType.DOUBLE).list()
                    .layer(new Deconvolution2D.Builder().nIn(8).nOut(4).kernelSize(k, k).stride(2, 2)
                            .convolutionMode(ConvolutionMode.Truncate).hasBias(false)
                            .activation(Activation.IDENTITY).build())
                    .setInputType(InputType.convolutional(7, 7, 8)).build());
            full.init();
            full.setParams(layer.params().reshape(full.params().shape()));
            INDArray all = full.output(input, false);
            assertEquals(2 * 6 + k, all.size(2), "full transposed convolution side");
            int first = (k - 1) / 2;
            INDArray expected = all.get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval(first, first + 14), NDArrayIndex.interval(first, first + 14));
            assertTrue(expected.equalsWithEps(ours, 1e-12), "kernel " + k + ": our layer = full[" + first + ":"
                    + (first + 14) + "] in both directions");
        }
    }

    @Test
    void aKernelTooSmallToDoubleTheSideIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DcganGenerator.builder().kernelSize(1).build());
        assertTrue(e.getMessage().contains("kernelSize must be >= 2"), e.getMessage());
    }

    private static int indexOf(MultiLayerNetwork net, String name) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (name.equals(net.getLayer(i).conf().getLayer().getLayerName())) {
                return i;
            }
        }
        throw new AssertionError("no layer " + name);
    }
}
