package org.gan4j.nn;

import java.io.IOException;
import java.io.OutputStream;
import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network as the two-player step sees it, whatever builds it: a DL4J {@code MultiLayerNetwork}
 * ({@link MultiLayerModel}) or gan4j's style-based generator ({@link org.gan4j.style.StyleNetwork}).
 *
 * <p>The contract:
 * <ul>
 *   <li>all parameters live in one flat array ({@link #params()}, a live view), and a backward pass writes the
 *       parameter gradient into one flat gradient array ({@link #gradientView()}, a live view, same order);</li>
 *   <li>{@link #forward} runs in training mode and keeps what {@link #backward} needs; {@link #backward} returns the
 *       gradient with respect to the input (the generator's gradient is chained through the discriminator's);</li>
 *   <li>{@link #update} is one optimiser step from a given gradient (already a batch mean), with the optimiser state
 *       in {@link #updaterState()} (a live view), so that the trainer can copy, restore and checkpoint it;</li>
 *   <li>positions of {@link #statisticsMask()} hold statistics that are not trained by gradient (batch-norm running
 *       statistics, the style generator's average w); the trainer leaves them out of gradient norms.</li>
 * </ul>
 * Randomness inside a network (the style generator's noise inputs and style mixing) is drawn from the
 * {@link RandomStream} the trainer passes in, so one seed reproduces a run and a resumed run continues it exactly.
 */
public interface Network {

    /** The data type of parameters and activations. */
    DataType dataType();

    /** Number of parameters (statistics included). */
    long numParams();

    /** The parameters, a live 1-D view: writing into it changes the network. */
    INDArray params();

    /** The parameter gradient of the last {@link #backward}, a live {@code [1, numParams]} view. */
    INDArray gradientView();

    /** The optimiser state, a live view, or {@code null} when the optimiser keeps none. */
    INDArray updaterState();

    /** {@code [1, numParams]}: 1 where a parameter is a statistic rather than a trained weight, 0 elsewhere. */
    INDArray statisticsMask();

    /** Inference-mode output (no state kept; batch norm uses its running statistics). */
    INDArray output(INDArray input);

    /**
     * Training-mode output that will not be back-propagated (for example a generated batch for a discriminator
     * update).
     *
     * @param randomness source of any noise the network draws in training
     */
    INDArray outputTraining(INDArray input, RandomStream randomness);

    /**
     * Training-mode forward pass that keeps what {@link #backward} needs.
     *
     * @param randomness source of any noise the network draws in training
     */
    INDArray forward(INDArray input, RandomStream randomness);

    /**
     * Back-propagates {@code outputGradient} through the last {@link #forward}: the parameter gradient lands in
     * {@link #gradientView()}.
     *
     * @return the gradient with respect to the input of that forward pass
     */
    INDArray backward(INDArray outputGradient);

    /**
     * One optimiser step: the optimiser transforms {@code gradient} (a batch mean, {@code [1, numParams]}) into an
     * update in place, the parameters move against it, and the iteration count advances.
     *
     * @param gradient the gradient; copied into {@link #gradientView()} first when it is another array
     * @param epoch    the epoch the step belongs to (learning-rate schedules)
     */
    void update(INDArray gradient, int epoch);

    /** Optimiser steps taken. */
    int iterationCount();

    /** The epoch of the last optimiser step. */
    int epochCount();

    /** Sets the step counters (used when an unfinished step is undone). */
    void setCounts(int iterations, int epochs);

    /** An independent copy: parameters, optimiser state and counters. */
    Network copy();

    /** Writes parameters, optimiser state and counters; the specification that built the network reads them back. */
    void write(OutputStream out) throws IOException;
}
