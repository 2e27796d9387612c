/**
 * A cell's standard output and error on their way to Jupyter: written bytes are collected and sent as few
 * {@code stream} messages (when a batch reaches its size, when its oldest byte has waited long enough, when the other
 * stream is written, or when the cell ends), never splitting a UTF-8 character, in the order written; past a per-cell
 * limit the rest is dropped and one note says how much.
 *
 * <p>{@link org.gan4j.kernel.output.OutputBatcher} takes its clock as a parameter and flushes only when told
 * ({@code flush}, {@code flushIfDue}); the kernel calls {@code flushIfDue} from a timer thread.
 */
package org.gan4j.kernel.output;
