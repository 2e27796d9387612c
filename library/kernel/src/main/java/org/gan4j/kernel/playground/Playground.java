package org.gan4j.kernel.playground;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gan4j.kernel.widgets.Box;
import org.gan4j.kernel.widgets.Button;
import org.gan4j.kernel.widgets.Dropdown;
import org.gan4j.kernel.widgets.FloatLogSlider;
import org.gan4j.kernel.widgets.HasWidget;
import org.gan4j.kernel.widgets.ImageWidget;
import org.gan4j.kernel.widgets.IntSlider;
import org.gan4j.kernel.widgets.Label;
import org.gan4j.kernel.widgets.Play;
import org.gan4j.loss.GanLoss;
import org.gan4j.loss.Regularizer;
import org.gan4j.nn.MlpDiscriminator;
import org.gan4j.nn.MlpGenerator;
import org.gan4j.synth.GaussianGrid;
import org.gan4j.synth.GaussianRing;
import org.gan4j.synth.PlaneData;
import org.gan4j.synth.Spiral;
import org.gan4j.synth.TwoMoons;
import org.gan4j.train.AdamSettings;
import org.gan4j.train.GanConfig;
import org.gan4j.train.GanTrainer;
import org.gan4j.train.TrainingSession;
import org.gan4j.viz.Charts;
import org.gan4j.viz.PlanePicture;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.ndarray.INDArray;

import tech.tablesaw.api.Table;

/**
 * A GAN playground on 2-D data in the notebook, after GAN Lab: play, pause and step training of a small MLP GAN on
 * the ring, a grid of Gaussians, a spiral or two moons, and watch one picture change in place — the discriminator's
 * opinion of the plane, real and generated points, the generator's manifold and the arrows along which the
 * generator's loss pushes the fakes ({@link PlanePicture}) — with the losses and D(x), D(G(z)) beside it.
 *
 * <pre>{@code
 * Playground playground = Playground.create();
 * playground.train(600);    // train here too, so that a saved or headless notebook shows a trained GAN
 * playground                // the widget: press ▶ to go on, change the loss or a learning rate while it runs
 * }</pre>
 *
 * <p>The loss, the learning rates and {@code nCritic} take effect at the next step and the run goes on
 * ({@link TrainingSession#withSettings}); another data set or noise size starts a new run (new networks), as does
 * "reset". Each tick of the play control trains {@link #STEPS_PER_TICK} steps; the browser sends the next tick only
 * when the kernel has finished the previous one, so pausing stops training within one tick.
 */
public final class Playground implements HasWidget {

    /** Steps trained per tick of the play control or click of "step". */
    public static final int STEPS_PER_TICK = 10;
    /** Real points drawn in the picture. */
    public static final int SHOWN_REAL = 500;

    private static final String NON_SATURATING = "non-saturating";
    private static final String HINGE = "hinge";
    private static final String LEAST_SQUARES = "least squares";
    private static final String WASSERSTEIN = "Wasserstein + GP";

    private final Map<String, PlaneData> shapes = new LinkedHashMap<>();
    private final Dropdown<PlaneData> shape;
    private final Dropdown<String> loss;
    private final IntSlider noise;
    private final FloatLogSlider lrG;
    private final FloatLogSlider lrD;
    private final IntSlider nCritic;
    private final Play play;
    private final Button step;
    private final Button reset;
    private final Label status;
    private final ImageWidget picture;
    private final ImageWidget curves;
    private final Box widget;
    private final long seed;

    private TrainingSession session;
    private INDArray shownReal;

    private Playground(long seed) {
        this.seed = seed;
        for (PlaneData d : List.of(new GaussianRing(8, 2.0, 0.05), GaussianGrid.standard(), Spiral.standard(),
                TwoMoons.standard())) {
            shapes.put(d.name(), d);
        }
        shape = Dropdown.of("data", shapes);
        loss = Dropdown.of("loss", List.of(NON_SATURATING, HINGE, LEAST_SQUARES, WASSERSTEIN));
        noise = new IntSlider("noise size", 1, 8, 1, 2);
        lrG = new FloatLogSlider("lr G", 10, -4, -1, 0.1, 2e-3);
        lrD = new FloatLogSlider("lr D", 10, -4, -1, 0.1, 2e-3);
        nCritic = new IntSlider("nCritic", 1, 10, 1, 1);
        play = new Play("", 0, 1_000_000_000, 1, 100);
        step = new Button("step");
        reset = new Button("reset");
        status = new Label("");
        restart();
        picture = new ImageWidget(picture());
        Table history = session.history().table();
        curves = new ImageWidget(curves(history));
        status.value(statusLine(history));
        widget = Box.vertical(
                Box.horizontal(shape, loss, noise),
                Box.horizontal(lrG, lrD, nCritic),
                Box.horizontal(play, step, reset),
                status,
                Box.horizontal(picture, curves));

        shape.onChange(v -> restartAndDraw());
        noise.onChange(v -> restartAndDraw());
        reset.onClick(this::restartAndDraw);
        loss.onChange(v -> retune());
        lrG.onChange(v -> retune());
        lrD.onChange(v -> retune());
        nCritic.onChange(v -> retune());
        play.onChange(v -> tick());
        step.onClick(this::tick);
    }

    /** @return a playground on the ring of 8 Gaussians with the non-saturating loss, seed 1 */
    public static Playground create() {
        return new Playground(1);
    }

    /**
     * @param seed the seed of every run the playground starts
     * @return a playground on the ring of 8 Gaussians with the non-saturating loss
     */
    public static Playground create(long seed) {
        return new Playground(seed);
    }

    /** @return the widget: the controls, the picture and the curves */
    @Override
    public Box widget() {
        return widget;
    }

    /** @return the training session now (it changes when settings change or a new run starts) */
    public synchronized TrainingSession session() {
        return session;
    }

    /** @return the steps trained in the current run */
    public synchronized long step() {
        return session.step();
    }

    /** @return the status line shown under the controls (step, losses, D's outputs) */
    public String status() {
        return status.value();
    }

    /**
     * Trains more steps and redraws: what the play control does, also for a notebook run without a browser.
     *
     * @param steps steps to train, {@code >= 0}
     * @return this playground
     */
    public synchronized Playground train(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        session.fit(steps);
        draw();
        return this;
    }

    /**
     * Chooses the data by its name in the "data" list (as the user would).
     *
     * @param name {@code "ring of 8"}, {@code "5x5 grid"}, {@code "spiral"} or {@code "two moons"}
     * @return this playground
     * @throws IllegalArgumentException for another name
     */
    public Playground data(String name) {
        PlaneData d = shapes.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no data set named '" + name + "'; choose one of " + shapes.keySet());
        }
        shape.value(d);
        return this;
    }

    /**
     * Chooses the loss by its name in the "loss" list.
     *
     * @param name {@code "non-saturating"}, {@code "hinge"}, {@code "least squares"} or {@code "Wasserstein + GP"}
     * @return this playground
     */
    public Playground loss(String name) {
        loss.value(name);
        return this;
    }

    private synchronized void tick() {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        session.fit(STEPS_PER_TICK);
        draw();
    }

    private GanConfig config() {
        GanConfig.Builder b = GanConfig.mlp(2).toBuilder()
                .generator(MlpGenerator.builder().latentSize(noise.value()).hiddenWidths(64, 64).build())
                .discriminator(MlpDiscriminator.builder().hiddenWidths(64, 64).build())
                .batchSize(128).emaDecay(0).snapshotEvery(0).seed(seed).nCritic(nCritic.value())
                .generatorOptimizer(new AdamSettings(lrG.value(), 0.5, 0.999))
                .discriminatorOptimizer(new AdamSettings(lrD.value(), 0.5, 0.999));
        switch (loss.value()) {
            case HINGE:
                return b.loss(GanLoss.hinge()).regularizer(null).build();
            case LEAST_SQUARES:
                return b.loss(GanLoss.leastSquares()).regularizer(null).build();
            case WASSERSTEIN:
                return b.loss(GanLoss.wasserstein()).regularizer(Regularizer.gradientPenalty(1)).build();
            default:
                return b.loss(GanLoss.nonSaturating()).regularizer(null).build();
        }
    }

    private synchronized void restart() {
        PlaneData data = shape.value();
        session = new GanTrainer(config()).session(data.sample(8192, seed));
        shownReal = data.sample(SHOWN_REAL, seed + 1).features();
    }

    private synchronized void restartAndDraw() {
        restart();
        draw();
    }

    private synchronized void retune() {
        session = session.withSettings(config());
        draw();
    }

    private void draw() {
        Table history = session.history().table();   // a copy: taken once per picture
        picture.image(picture());
        curves.image(curves(history));
        status.value(statusLine(history));
    }

    private BufferedImage picture() {
        return PlanePicture.draw(session, shownReal, shape.value().extent(),
                new PlanePicture.Options(420, 56, 15, 300, 60, seed));
    }

    private BufferedImage curves(Table history) {
        int width = 420;
        int height = 210;
        BufferedImage image = new BufferedImage(width, 2 * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, 2 * height);
            if (history.rowCount() >= 2) {
                XYChart losses = Charts.lines("losses", history, "step", "lossD", "lossG");
                XYChart outputs = Charts.lines("D's outputs", history, "step", "D(x)", "D(G(z))");
                losses.paint(g, width, height);
                g.translate(0, height);
                outputs.paint(g, width, height);
            } else {
                g.setColor(java.awt.Color.DARK_GRAY);
                g.drawString("press ▶ to train", 20, 30);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private String statusLine(Table h) {
        if (h.rowCount() == 0) {
            return "step 0 · " + shape.value().name() + " · " + loss.value();
        }
        int last = h.rowCount() - 1;
        return String.format(Locale.ROOT, "step %d · loss D %.3f, G %.3f · D(x) %.3f · D(G(z)) %.3f",
                session.step(), h.doubleColumn("lossD").getDouble(last), h.doubleColumn("lossG").getDouble(last),
                h.doubleColumn("D(x)").getDouble(last), h.doubleColumn("D(G(z))").getDouble(last));
    }

    @Override
    public String toString() {
        return "Playground[" + shape.value().name() + ", " + loss.value() + ", step " + step() + "]";
    }
}
