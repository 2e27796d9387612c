/**
 * The gan4j Jupyter kernel: a JShell kernel in the IJava tradition on {@code org.dflib.jjava:jjava-jupyter}.
 *
 * <p>{@link org.gan4j.kernel.Gan4jKernel#main(String[])} takes the connection file Jupyter writes.
 * {@link org.gan4j.kernel.NotebookFunctions} are the functions every cell can call without imports
 * ({@code display}, {@code updateDisplay}, {@code render}).
 */
package org.gan4j.kernel;
