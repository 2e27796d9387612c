/**
 * Benchmarks of gan4j's trainer, run by {@code environment/benchmark}; not part of the library's API.
 *
 * <p>{@link org.gan4j.benchmarks.DcganBenchmark} trains the reference DCGAN (docs/figures.md) with the real
 * {@link org.gan4j.train.GanTrainer} and prints images per second (speed mode) or the process's resident memory
 * over a long run (memory mode).
 */
package org.gan4j.benchmarks;
