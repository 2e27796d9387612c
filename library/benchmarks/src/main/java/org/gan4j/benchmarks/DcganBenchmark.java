package org.gan4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bytedeco.javacpp.Pointer;
import org.gan4j.backend.Backend;
import org.gan4j.backend.MemoryWatch;
import org.gan4j.data.FashionMnist;
import org.gan4j.data.Split;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanResult;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.StepStats;
import org.gan4j.train.TrainingListener;
import org.gan4j.train.TrainingSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the reference DCGAN ({@link GanConfig#dcgan(int, int) GanConfig.dcgan(28, 1)}, described in docs/figures.md) with
 * gan4j's real {@link GanTrainer} on the embedded Fashion-MNIST subset and measures it from a
 * {@link TrainingListener}; the training loop itself is not touched.
 *
 * <p><b>Speed mode</b> (default): {@code --warmup} untimed steps, then {@code --steps} timed ones, first for the
 * style-based preset ({@link GanConfig#styleGan(int, int) GanConfig.styleGan(28, 1)}: the same discriminator with a
 * {@link org.gan4j.nn.StyleGenerator}), printed as {@code gan4j style: …}, then for the reference DCGAN; the last
 * line is
 * <pre>gan4j: &lt;median&gt; img/s (&lt;min&gt;-&lt;max&gt;) over N steps, batch B, T threads, helpers active: yes|no</pre>
 * The preset's EMA of G and its fixed-noise snapshots are turned off here, so that one step is exactly the work of
 * {@code environment/benchmark_torch.py}: one D update on B real and B fake images (separate batches), one G update
 * on a fresh batch of B latents.
 *
 * <p><b>Memory mode</b> ({@code --memory}): the preset as users run it (EMA and snapshots on) for {@code --steps}
 * steps (default 2000); every {@code --report-every} steps (default 500) prints the resident set size (VmRSS of
 * {@code /proc/self/status}), the JVM heap in use, and JavaCPP's {@link Pointer#totalBytes()} (off-heap memory
 * it allocated) and {@link Pointer#physicalBytes()} (its view of the RSS). RSS is also read after every step, and each
 * window of {@code --report-every} steps gets its minimum, mean and peak; the last line compares the last window
 * with the first (peak ratio and mean ratio), since single readings of a saw-tooth say little.
 * {@code --trace-every K} adds lighter-marked readings in between.
 *
 * <pre>
 * java $(environment/jvm-options) -cp 'library/benchmarks/target/lib/*' \
 *   org.gan4j.benchmarks.DcganBenchmark [--steps N] [--warmup W] [--batch B] [--threads T] [--memory [--report-every K] [--trace-every K]]
 * </pre>
 */
public final class DcganBenchmark {

    private DcganBenchmark() {
    }

    /** Command-line options, with their defaults. */
    record Options(int steps, int warmup, int batch, int threads, boolean memory, int reportEvery,
                   int traceEvery) {

        static Options parse(String[] args) {
            Integer steps = null;
            int warmup = 3;
            int batch = 64;
            int threads = 0;
            boolean memory = false;
            int reportEvery = 500;
            int traceEvery = 0;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--steps" -> steps = positive(a, value(args, i++));
                    case "--warmup" -> warmup = nonNegative(a, value(args, i++));
                    case "--batch" -> batch = positive(a, value(args, i++));
                    case "--threads" -> threads = positive(a, value(args, i++));
                    case "--report-every" -> reportEvery = positive(a, value(args, i++));
                    case "--trace-every" -> traceEvery = nonNegative(a, value(args, i++));
                    case "--memory" -> memory = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'; expected --steps N, "
                            + "--warmup W, --batch B, --threads T, --memory, --report-every K, --trace-every K");
                }
            }
            int n = steps != null ? steps : memory ? 2000 : 12;
            return new Options(n, warmup, batch, threads, memory, reportEvery, traceEvery);
        }

        private static String value(String[] args, int i) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            return args[i + 1];
        }

        private static int positive(String name, String v) {
            int n = integer(name, v);
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, got " + v);
            }
            return n;
        }

        private static int nonNegative(String name, String v) {
            int n = integer(name, v);
            if (n < 0) {
                throw new IllegalArgumentException(name + " must be >= 0, got " + v);
            }
            return n;
        }

        private static int integer(String name, String v) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
            }
        }
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("DcganBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (o.threads() > 0) {
            Nd4j.getEnvironment().setMaxMasterThreads(o.threads());
            Nd4j.getEnvironment().setMaxThreads(o.threads());
        }
        System.out.println(Backend.describe());
        MemoryWatch.startFromSystemProperties().ifPresent(System.out::println);
        INDArray images = FashionMnist.embedded(Split.TRAIN).features();
        TrainingSet data = TrainingSet.of(images);
        if (o.memory()) {
            memory(o, data);
        } else {
            speed(o, data, GanConfig.styleGan(28, 1), "gan4j style");
            speed(o, data, GanConfig.dcgan(28, 1), "gan4j");
        }
    }

    static void speed(Options o, TrainingSet data, GanConfig preset, String name) {
        GanConfig config = preset.toBuilder()
                .batchSize(o.batch())
                .steps(o.warmup() + o.steps())
                .emaDecay(0)
                .snapshotEvery(0)
                .build();
        List<Double> rates = new ArrayList<>();
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onStep(StepStats s) {
                if (s.step() > o.warmup()) {
                    rates.add(s.imagesPerSecond());
                }
            }
        };
        GanResult result = new GanTrainer(config).train(data, timer);
        double[] r = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (r.length == 0) {
            throw new IllegalStateException("no timed steps: " + result);
        }
        System.out.printf(Locale.ROOT, "%s: %.1f img/s (%.1f-%.1f) over %d steps, batch %d, %d threads, "
                        + "helpers active: %s%n", name, median(r), r[0], r[r.length - 1], r.length, o.batch(),
                Nd4j.getEnvironment().maxMasterThreads(), Backend.helpersActive() ? "yes" : "no");
    }

    static void memory(Options o, TrainingSet data) {
        GanConfig config = GanConfig.dcgan(28, 1).toBuilder().batchSize(o.batch()).steps(o.steps()).build();
        System.out.printf(Locale.ROOT, "memory run: %d steps, batch %d; -Xmx %s, javacpp maxbytes %s, "
                        + "maxphysicalbytes %s%n", o.steps(), o.batch(), mib(Runtime.getRuntime().maxMemory()),
                mib(Pointer.maxBytes()), mib(Pointer.maxPhysicalBytes()));
        System.out.printf(Locale.ROOT, "start: %s%n", MemoryReading.now());
        List<RssWindow> windows = new ArrayList<>();
        long t0 = System.nanoTime();
        TrainingListener meter = new TrainingListener() {
            private RssWindow window = new RssWindow(1);

            @Override
            public void onStep(StepStats s) {
                window = window.add(vmRss());
                boolean report = s.step() % o.reportEvery() == 0 || s.step() == o.steps();
                boolean trace = o.traceEvery() > 0 && s.step() % o.traceEvery() == 0;
                if (report || trace) {
                    System.out.printf(Locale.ROOT, "%s %5d  %s  (%.0f s, %.1f img/s at this step)%n",
                            report ? "step" : "   .", s.step(), MemoryReading.now(), (System.nanoTime() - t0) / 1e9,
                            s.imagesPerSecond());
                }
                if (report) {
                    RssWindow done = window.end(s.step());
                    windows.add(done);
                    System.out.printf(Locale.ROOT, "window %s%n", done);
                    window = new RssWindow(s.step() + 1);
                }
            }
        };
        new GanTrainer(config).train(data, meter);
        if (windows.size() >= 2) {
            RssWindow first = windows.get(0);
            RssWindow last = windows.get(windows.size() - 1);
            System.out.printf(Locale.ROOT, "RSS plateau, steps %d-%d vs %d-%d: peak ratio %.3f (%s -> %s), "
                            + "mean ratio %.3f (%s -> %s)%n", last.firstStep(), last.lastStep(), first.firstStep(),
                    first.lastStep(), (double) last.peak() / first.peak(), mib(first.peak()), mib(last.peak()),
                    last.mean() / first.mean(), mib((long) first.mean()), mib((long) last.mean()));
        }
        if (!windows.isEmpty()) {
            RssWindow first = windows.get(0);
            RssWindow last = windows.get(windows.size() - 1);
            long peak = windows.stream().mapToLong(RssWindow::peak).max().orElseThrow();
            System.out.printf(Locale.ROOT, "gan4j memory: peak RSS %s over %d steps (high-water mark %s); first "
                            + "window peak %s, last window peak %s (ratio %.3f)%n", mib(peak), o.steps(),
                    mib(vmHighWaterMark()), mib(first.peak()), mib(last.peak()), (double) last.peak() / first.peak());
        }
    }

    /**
     * RSS sampled after every step of a window of steps. A single reading says little: ND4J's buffers are freed
     * when the garbage collector finds their Java objects, so RSS is a saw-tooth whose peaks sit at JavaCPP's
     * {@code maxphysicalbytes} (where JavaCPP calls the collector) — the window's peak and mean are what plateau.
     */
    record RssWindow(long firstStep, long lastStep, int samples, long min, long peak, double sum) {

        RssWindow(long firstStep) {
            this(firstStep, firstStep - 1, 0, Long.MAX_VALUE, 0, 0);
        }

        RssWindow add(long rss) {
            return new RssWindow(firstStep, lastStep + 1, samples + 1, Math.min(min, rss), Math.max(peak, rss),
                    sum + rss);
        }

        RssWindow end(long step) {
            return new RssWindow(firstStep, step, samples, min, peak, sum);
        }

        double mean() {
            return samples == 0 ? 0 : sum / samples;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "steps %d-%d: RSS min %s, mean %s, peak %s (%d readings)", firstStep,
                    lastStep, mib(min), mib((long) mean()), mib(peak), samples);
        }
    }

    /** One look at the process's memory. */
    record MemoryReading(long rssBytes, long heapUsedBytes, long javacppTotalBytes, long javacppPhysicalBytes) {

        static MemoryReading now() {
            Runtime rt = Runtime.getRuntime();
            return new MemoryReading(vmRss(), rt.totalMemory() - rt.freeMemory(), Pointer.totalBytes(),
                    Pointer.physicalBytes());
        }

        @Override
        public String toString() {
            return "RSS " + mib(rssBytes) + ", heap used " + mib(heapUsedBytes) + ", javacpp total "
                    + mib(javacppTotalBytes) + ", javacpp physical " + mib(javacppPhysicalBytes);
        }
    }

    /** VmRSS of /proc/self/status in bytes, or -1 where there is no such file (not Linux). */
    static long vmRss() {
        return procStatus("VmRSS:");
    }

    /** VmHWM of /proc/self/status in bytes: the highest RSS the process ever had, between readings too. */
    static long vmHighWaterMark() {
        return procStatus("VmHWM:");
    }

    /** A size field of /proc/self/status in bytes, or -1 where there is no such file (not Linux). */
    private static long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
    }

    static double median(double[] sorted) {
        double[] s = sorted.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
