/**
 * Generator and discriminator networks for GANs, as immutable specifications, and the {@link org.gan4j.nn.Network}
 * contract the trainer sees: flat parameters and gradient, optimiser state, a training forward pass and a backward
 * pass that returns the input gradient, randomness drawn from the trainer's stream.
 *
 * <p>Each specification is a record with a {@code builder()} whose defaults are documented, validated on
 * construction, and readable in a REPL ({@code toString()} lists every hyper-parameter). {@code create(seed,
 * updater, dataType)} builds its network under the contract: the MLP and DCGAN specifications build a plain
 * {@link org.deeplearning4j.nn.multilayer.MultiLayerNetwork} (wrapped by {@link org.gan4j.nn.MultiLayerModel}; their
 * {@code build} gives the DL4J network itself), {@link org.gan4j.nn.StyleGenerator} builds gan4j's style network
 * ({@code org.gan4j.style}). DL4J networks have named layers and no loss layer: the
 * discriminator ends in linear units that give one score per sample (a logit / critic score; see
 * {@link org.gan4j.nn.DiscriminatorSpec#scores}) and the losses in {@code org.gan4j.loss} own the meaning of that
 * number.
 *
 * <ul>
 *   <li>{@link org.gan4j.nn.MlpGenerator} / {@link org.gan4j.nn.MlpDiscriminator}: small fully connected nets for
 *       low-dimensional data (the 2-D Gaussian ring in {@code org.gan4j.synth}).</li>
 *   <li>{@link org.gan4j.nn.DcganGenerator} / {@link org.gan4j.nn.DcganDiscriminator}: the DCGAN architecture
 *       (Radford, Metz, Chintala 2016) for 28×28 or 32×32 images with 1 or 3 channels; weights drawn from
 *       N(0, 0.02) as in the paper.</li>
 *   <li>{@link org.gan4j.nn.StyleGenerator}: a style-based generator (Karras et al. 2019) for 28×28 or 32×32
 *       images: mapping network, learned constant, AdaIN, noise inputs, style mixing; see {@code org.gan4j.style}.</li>
 *   <li>Conditioning ({@link org.gan4j.nn.Conditioning}): every specification takes {@code numClasses}; with
 *       {@code numClasses > 0} the generator reads {@code [z, onehot(y)]}, and the discriminator either reads the
 *       sample concatenated with the one-hot label (as extra features for MLPs, as constant extra channels for
 *       images) or, with {@link org.gan4j.nn.LabelConditioning#PROJECTION}, the sample alone with a projection
 *       head.</li>
 *   <li>A second head on the discriminator's body (InfoGAN's Q): {@code create(seed, updater, dataType,
 *       auxiliaryOutputs, auxiliaryHidden)} adds its outputs after the score columns, as extra outputs of the last
 *       dense layer or, with {@code auxiliaryHidden > 0}, through a hidden layer of its own
 *       ({@link org.gan4j.nn.AuxiliaryHeadLayer}).</li>
 *   <li>{@link org.gan4j.nn.Generator}: a trained generator with the sampling API
 *       ({@code sample(n, seed)}, {@code sample(label, n, seed)}).</li>
 * </ul>
 */
package org.gan4j.nn;
