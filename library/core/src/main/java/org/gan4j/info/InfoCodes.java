package org.gan4j.info;

import org.gan4j.loss.LossTerm;
import org.gan4j.nn.Generator;
import org.gan4j.random.RandomStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * InfoGAN's latent codes: the last {@link #width()} entries of the generator's latent vector are not noise but codes
 * c — first one categorical code with {@code categories} values (one-hot), then {@code continuous} codes uniform in
 * [−1, 1]. The discriminator gets {@link #width()} extra outputs, the head Q: logits of the category and the means
 * of the continuous codes (a Gaussian of fixed unit variance). G and Q both minimise {@code λ · L}, with
 * {@code L = CE(softmax(Q_cat), c_cat) + w · ½ Σ (Q_cont − c_cont)²} ({@code w} = {@link #continuousWeight()}) on
 * generated images: {@code H(c) − L} is the variational lower bound of the mutual information I(c; G(z, c)) (up to the Gaussian's constant), so this is the
 * paper's {@code min_{G,Q} max_D V(D, G) − λ·L_I(G, Q)} with its {@code L_I = H(c) − L}.
 *
 * @param categories values of the categorical code, 0 (none) or ≥ 2
 * @param continuous number of continuous codes, ≥ 0
 * @param lambda     weight λ of the information term, &gt; 0 (the paper: 1 for discrete codes; smaller for
 *                   continuous ones)
 * @param headHidden hidden units of Q's own layer on D's body features (leaky ReLU, then Q's outputs; the paper's
 *                   MNIST Q has one of 128), or 0 for Q as a linear readout of the body: extra outputs of D's last
 *                   dense layer
 * @param continuousWeight weight of the continuous codes' term relative to the categorical one, &gt; 0 (1: the
 *                   two terms weigh alike; InfoGAN implementations often use 0.1 for continuous codes)
 */
public record InfoCodes(int categories, int continuous, double lambda, int headHidden, double continuousWeight) {

    /** Validates the codes; each failure names the parameter. */
    public InfoCodes {
        if (categories == 1 || categories < 0) {
            throw new IllegalArgumentException("categories must be 0 (no categorical code) or >= 2, got " + categories);
        }
        if (continuous < 0) {
            throw new IllegalArgumentException("continuous must be >= 0, got " + continuous);
        }
        if (categories + continuous == 0) {
            throw new IllegalArgumentException("InfoCodes needs at least one code: categories >= 2 or continuous >= 1");
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number > 0, got " + lambda);
        }
        if (headHidden < 0) {
            throw new IllegalArgumentException("headHidden must be >= 0 (0 = Q reads D's body linearly), got "
                    + headHidden);
        }
        if (!(continuousWeight > 0) || Double.isInfinite(continuousWeight)) {
            throw new IllegalArgumentException("continuousWeight must be a finite number > 0, got " + continuousWeight);
        }
    }

    /**
     * Codes read back by a linear Q (extra outputs of D's last dense layer), both terms weighed alike; also how
     * configurations written before {@link #headHidden()} and {@link #continuousWeight()} existed read back.
     */
    public InfoCodes(int categories, int continuous, double lambda) {
        this(categories, continuous, lambda, 0, 1.0);
    }

    /** These codes with Q given a hidden layer of {@code units} of its own (0: a linear readout). */
    public InfoCodes withHeadHidden(int units) {
        return new InfoCodes(categories, continuous, lambda, units, continuousWeight);
    }

    /** These codes with the continuous term weighted {@code weight} relative to the categorical one. */
    public InfoCodes withContinuousWeight(double weight) {
        return new InfoCodes(categories, continuous, lambda, headHidden, weight);
    }

    /** Entries of the latent vector (and extra discriminator outputs) the codes take. */
    public int width() {
        return categories + continuous;
    }

    /**
     * Overwrites the last {@link #width()} columns of latents {@code z [n, latentSize]} in place with codes drawn
     * from {@code random}: a uniform category (one-hot) and continuous codes uniform in [−1, 1].
     *
     * @return {@code z}
     */
    public INDArray draw(INDArray z, RandomStream random) {
        int n = (int) z.size(0);
        int[] category = new int[n];
        double[][] values = new double[n][continuous];
        for (int i = 0; i < n; i++) {
            category[i] = categories > 0 ? random.nextInt(categories) : 0;
            for (int j = 0; j < continuous; j++) {
                values[i][j] = 2 * random.nextDouble() - 1;
            }
        }
        return set(z, category, values);
    }

    /**
     * Overwrites the codes of latents {@code z} in place with given ones.
     *
     * @param category one category per row (ignored without a categorical code)
     * @param values   {@code [n][continuous]} continuous code values
     * @return {@code z}
     */
    public INDArray set(INDArray z, int[] category, double[][] values) {
        int latent = (int) z.size(1);
        if (latent <= width()) {
            throw new IllegalArgumentException("the latent vector (" + latent + ") must be longer than the codes ("
                    + width() + ")");
        }
        int start = latent - width();
        INDArray codes = z.get(NDArrayIndex.all(), NDArrayIndex.interval(start, latent));
        codes.assign(0);
        for (int i = 0; i < z.size(0); i++) {
            if (categories > 0) {
                if (category[i] < 0 || category[i] >= categories) {
                    throw new IllegalArgumentException("category[" + i + "] must be in [0, " + categories + "), got "
                            + category[i]);
                }
                codes.putScalar(i, category[i], 1.0);
            }
            for (int j = 0; j < continuous; j++) {
                codes.putScalar(i, categories + j, values[i][j]);
            }
        }
        return z;
    }

    /** The codes of latents {@code z}: their last {@link #width()} columns (a copy). */
    public INDArray codesOf(INDArray z) {
        long latent = z.size(1);
        return z.get(NDArrayIndex.all(), NDArrayIndex.interval(latent - width(), latent)).dup();
    }

    /**
     * The information term {@code λ·L_I} (a batch mean) and its gradient with respect to Q's outputs.
     *
     * @param q     Q's outputs {@code [n, width]}: category logits, then continuous means
     * @param codes the codes the images were generated from {@code [n, width]}
     */
    public LossTerm informationLoss(INDArray q, INDArray codes) {
        int n = (int) q.size(0);
        INDArray gradient = Nd4j.zeros(q.dataType(), q.shape());
        double value = 0;
        if (categories > 0) {
            INDArray logits = q.get(NDArrayIndex.all(), NDArrayIndex.interval(0, categories));
            INDArray onehot = codes.get(NDArrayIndex.all(), NDArrayIndex.interval(0, categories)).castTo(q.dataType());
            INDArray shifted = logits.subColumnVector(logits.max(true, 1));
            INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
            INDArray logSoftmax = shifted.subColumnVector(logSum);
            value -= logSoftmax.mul(onehot).sumNumber().doubleValue() / n;
            gradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, categories))
                    .assign(Transforms.exp(logSoftmax, true).subi(onehot).divi(n));
        }
        if (continuous > 0) {
            INDArray means = q.get(NDArrayIndex.all(), NDArrayIndex.interval(categories, width()));
            INDArray target = codes.get(NDArrayIndex.all(), NDArrayIndex.interval(categories, width()))
                    .castTo(q.dataType());
            INDArray diff = means.sub(target);
            value += continuousWeight * 0.5 * diff.mul(diff).sumNumber().doubleValue() / n;
            gradient.get(NDArrayIndex.all(), NDArrayIndex.interval(categories, width()))
                    .assign(diff.muli(continuousWeight).divi(n));
        }
        return new LossTerm(lambda * value, gradient.muli(lambda));
    }

    /**
     * {@code n} latents for {@code generator} from seed {@code seed}: Gaussian noise with codes drawn as in training.
     */
    public INDArray latent(Generator generator, int n, long seed) {
        return draw(generator.latent(n, seed), RandomStream.seeded(seed).split("info-codes"));
    }
}
