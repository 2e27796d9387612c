/**
 * Training GANs: configuration, the two-player loop, history, checkpoints and results; ready-made listeners are in
 * {@code org.gan4j.train.listeners}.
 *
 * <ul>
 *   <li>{@link org.gan4j.train.GanConfig}: an immutable, validated record with presets
 *       ({@code mlp}, {@code dcgan}, {@code conditional}) and a builder.</li>
 *   <li>{@link org.gan4j.train.GanTrainer}: {@code train(data, listeners…)} and {@code resume(checkpoint, data,
 *       listeners…)}; returns an immutable {@link org.gan4j.train.GanResult}.</li>
 *   <li>{@link org.gan4j.train.TrainingSession} ({@code new GanTrainer(config).session(data)}): for notebooks; each
 *       {@code fit(steps, listeners…)} continues exactly where the previous one (or an interrupt) stopped;
 *       {@code history()} is a {@link org.gan4j.train.TrainingHistory} (loss chart + last rows), {@code save(dir)}
 *       writes a checkpoint, {@code GanTrainer.resumeSession(dir, data)} continues it.</li>
 *   <li>The step reads like the DCGAN paper: (1) update D on a real batch and a generated batch (two separate
 *       batches through D), {@code nCritic} times; (2) update G through D's gradient with respect to its input
 *       ({@code D.backpropGradient} → {@code G.backpropGradient}), each network with its own Adam.</li>
 *   <li>One seed drives independent streams: G init, D init, data order, latents, regulariser, snapshot noise.</li>
 *   <li>{@link org.gan4j.train.TrainingListener} (default no-op methods) with built-ins
 *       {@link org.gan4j.train.listeners.ConsoleLogger}, {@link org.gan4j.train.listeners.HistoryRecorder},
 *       {@link org.gan4j.train.listeners.CheckpointSaver}, {@link org.gan4j.train.listeners.SampleSaver},
 *       {@link org.gan4j.train.EarlyStopOnDivergence}; the history (a Tablesaw table) is always recorded and part of
 *       the result.</li>
 *   <li>Checkpoints: the loop hands its state to the persistence as a {@code TrainingState} and is built back from
 *       one, so the checkpoint format knows no field of the loop. One directory per checkpoint (config JSON, G, D, EMA, both Adam states, step, random-stream
 *       states, history). Each save writes a complete new version inside the directory and switches to it with one
 *       atomic rename, so a kill at any moment leaves the old or the new checkpoint loadable; loading validates every
 *       file and names the damaged one; {@code resume} continues exactly.</li>
 * </ul>
 */
package org.gan4j.train;
