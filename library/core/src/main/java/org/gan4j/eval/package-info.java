/**
 * Evaluation of generated images: feature-based distribution metrics with their real floors, class judges, metrics
 * during training and run comparison.
 *
 * <ul>
 *   <li>{@link org.gan4j.eval.FeatureNetwork}: a small DL4J CNN whose penultimate layer gives the features of the
 *       metrics and whose softmax head judges classes; {@link org.gan4j.eval.FeatureNetwork#fashionMnist()} is
 *       shipped (trained by {@code environment/train-feature-network}, provenance and SHA-256 beside it),
 *       {@link org.gan4j.eval.FeatureNetwork#train} makes one for other data.</li>
 *   <li>Metrics, one type each: {@link org.gan4j.eval.FrechetDistance} (Heusel et al. 2017; biased at small N),
 *       {@link org.gan4j.eval.KernelInceptionDistance} (Bińkowski et al. 2018), {@link org.gan4j.eval.PrecisionRecall}
 *       (Kynkäänniemi et al. 2019), {@link org.gan4j.eval.DensityCoverage} (Naeem et al. 2020).</li>
 *   <li>{@link org.gan4j.eval.Evaluator}: all of them in one call, each beside its real-vs-real floor at the same
 *       sample count, as an immutable {@link org.gan4j.eval.EvaluationReport} (Tablesaw table, HTML, JSON).</li>
 *   <li>{@link org.gan4j.eval.EvaluationListener}: the evaluator every N training steps on fixed latent samples;
 *       {@link org.gan4j.eval.RunComparison} of {@link org.gan4j.eval.RunSummary runs}: configuration differences,
 *       final metrics, overlaid curves.</li>
 *   <li>{@link org.gan4j.eval.JudgeClassifier}: the older Tribuo judge (logistic regression on pixels and HOG,
 *       {@link org.gan4j.eval.JudgeConfig}) with its test evaluation ({@link org.gan4j.eval.JudgeEvaluation});
 *       {@link org.gan4j.eval.CoverageReport} (classes of unlabelled samples) and
 *       {@link org.gan4j.eval.ConditionalReport} (label accuracy of a conditional generator).</li>
 * </ul>
 *
 * <p>None of the distances here is Inception-FID/KID: the features come from a network trained on the domain, so
 * the numbers are comparable between runs measured the same way, not with papers. Mode coverage of 2-D ring data is
 * in {@link org.gan4j.synth.GaussianRing#evaluate} ({@code RingMetrics}). Everything takes images as an
 * {@link org.gan4j.data.ImageDataset} or an ND4J array, so it does not depend on how they were generated.
 */
package org.gan4j.eval;
