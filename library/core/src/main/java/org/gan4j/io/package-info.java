/**
 * Writing files so that a crash or kill never leaves a half-written file under its final name.
 *
 * <p>{@link org.gan4j.io.AtomicFiles} is the one place that writes a file through a temporary sibling, forces it to
 * the disk and renames it into place; every writer of the library (checkpoints, sample images, IDX files, judge
 * files, GIFs) goes through it. {@link org.gan4j.io.FileSteps} lets tests inject a failure before any single
 * file-system step, to check that every point of interruption leaves a consistent state.
 */
package org.gan4j.io;
