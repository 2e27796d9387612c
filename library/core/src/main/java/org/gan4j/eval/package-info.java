/**
 * Evaluation of generated images by an independent judge.
 *
 * <ul>
 *   <li>{@link org.gan4j.eval.JudgeClassifier}: a Tribuo classifier (multinomial logistic regression on pixels and
 *       HOG features, {@link org.gan4j.eval.JudgeConfig}) trained on real images, with Tribuo's provenance and its
 *       own test evaluation ({@link org.gan4j.eval.JudgeEvaluation}: accuracy, confusion matrix, per-class
 *       precision/recall as Tablesaw tables); saved and loaded atomically.</li>
 *   <li>{@link org.gan4j.eval.CoverageReport}: which classes unlabelled samples fall into, how many classes are
 *       covered (a documented minimum share per class), and the judge's mean confidence.</li>
 *   <li>{@link org.gan4j.eval.ConditionalReport}: label accuracy of a conditional generator's samples against their
 *       requested labels, with the confusion matrix.</li>
 *   <li>{@link org.gan4j.eval.FrechetDistance}: Fréchet distance (Heusel et al. 2017) in the judge's probability
 *       space — not Inception-FID, not comparable with papers.</li>
 * </ul>
 *
 * <p>Mode coverage of 2-D ring data is in {@link org.gan4j.synth.GaussianRing#evaluate} ({@code RingMetrics}).
 * Everything here takes generated images as an {@link org.gan4j.data.ImageDataset} or an ND4J array, so it does not
 * depend on how they were generated.
 */
package org.gan4j.eval;
