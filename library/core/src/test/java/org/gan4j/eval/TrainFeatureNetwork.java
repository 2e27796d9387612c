package org.gan4j.eval;

import java.nio.file.Path;

import org.gan4j.backend.MemoryWatch;
import org.gan4j.data.FashionMnist;
import org.gan4j.data.ImageDataset;
import org.gan4j.data.Split;

/**
 * Trains the Fashion-MNIST feature network shipped in gan4j-core ({@link FeatureNetwork#fashionMnist()}): run by
 * {@code environment/train-feature-network}, which passes the output file.
 *
 * <pre>
 *   TrainFeatureNetwork OUTPUT.zip [EPOCHS [embedded|full]]      defaults: the default options (12 epochs), full
 * </pre>
 */
public final class TrainFeatureNetwork {

    private TrainFeatureNetwork() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: TrainFeatureNetwork OUTPUT.zip [EPOCHS [embedded|full]]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        MemoryWatch.startFromSystemProperties().ifPresent(System.out::println);
        FeatureNetworkOptions options = FeatureNetworkOptions.defaults();
        if (args.length >= 2) {
            options = options.withEpochs(Integer.parseInt(args[1]));
        }
        boolean full = args.length < 3 || args[2].equals("full");
        if (args.length == 3 && !args[2].equals("full") && !args[2].equals("embedded")) {
            throw new IllegalArgumentException("data must be 'embedded' or 'full', got '" + args[2] + "'");
        }
        ImageDataset train = full ? FashionMnist.full(Split.TRAIN) : FashionMnist.embedded(Split.TRAIN);
        ImageDataset test = full ? FashionMnist.full(Split.TEST) : FashionMnist.embedded(Split.TEST);
        System.out.println("training on " + train + ", testing on " + test + " with " + options);
        FeatureNetwork net = FeatureNetwork.train(train, test, options, System.out::println);
        String command = "environment/train-feature-network" + (args.length >= 2 ? " " + args[1] : "")
                + (args.length == 3 ? " " + args[2] : "");
        FeatureNetwork withCommand = net.withProvenance(net.provenance().withCommand(command));
        FeatureNetworkProvenance written = withCommand.save(out);
        System.out.println("wrote " + out + " and " + FeatureNetwork.provenanceFile(out));
        System.out.print(FeatureNetwork.toJson(written));
    }
}
