/**
 * Ready-made {@link org.gan4j.train.TrainingListener}s: progress lines on a console
 * ({@link org.gan4j.train.listeners.ConsoleLogger}), the statistics so far for live charts
 * ({@link org.gan4j.train.listeners.HistoryRecorder}), snapshots kept in memory
 * ({@link org.gan4j.train.listeners.SnapshotRecorder}) or written as PNG files
 * ({@link org.gan4j.train.listeners.SampleSaver}), and periodic checkpoints that survive a kill
 * ({@link org.gan4j.train.listeners.CheckpointSaver}). Each uses only the trainer's public API; the loop's own
 * guard against collapse, {@link org.gan4j.train.EarlyStopOnDivergence}, stays with the loop.
 */
package org.gan4j.train.listeners;
