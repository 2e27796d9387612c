package org.gan4j.train;

/** Why a training run ended. */
public enum StopReason {
    /** All configured steps were done. */
    COMPLETED,
    /** The thread was interrupted (e.g. a notebook's stop button); the state is consistent and resumable. */
    INTERRUPTED,
    /** A listener asked to stop (e.g. {@link EarlyStopOnDivergence}); see the result's message. */
    STOPPED_BY_LISTENER,
    /**
     * A step produced non-finite losses, gradients or weights; the loop undid it, so the state is the finite one
     * after the previous step (it can be saved and resumed). The result's message names the likely cause.
     */
    DIVERGED
}
