/**
 * The JShell evaluator behind the kernel: splits a cell into snippets, runs them in this JVM, captures the value of
 * the cell's last expression as a real object, turns compile errors and exceptions into readable cell-relative
 * messages, and stops a running cell on interrupt.
 *
 * <p>Nothing here knows about Jupyter messages; {@link org.gan4j.kernel.eval.JShellEvaluator} can be driven directly
 * (the unit tests do).
 */
package org.gan4j.kernel.eval;
