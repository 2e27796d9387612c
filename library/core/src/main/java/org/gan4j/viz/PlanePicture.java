package org.gan4j.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

import org.gan4j.nn.Generator;
import org.gan4j.train.TrainingSession;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One picture of a 2-D GAN at work, after GAN Lab (Kahng et al. 2018): the discriminator's opinion of every point of
 * the plane as a heat map (green where it says "real", purple where it says "fake"), the real points, the generated
 * points, the image under G of a regular grid in the first two latent coordinates (the generator's manifold, how it
 * bends the plane of noise), and at the generated points arrows for the direction the generator's loss pushes them
 * ({@link TrainingSession#generatorPull}).
 *
 * <pre>{@code
 * BufferedImage picture = PlanePicture.draw(session, ring.sample(500, 2).features(), ring.extent(),
 *         PlanePicture.Options.defaults());
 * }</pre>
 */
public final class PlanePicture {

    private static final Color REAL_SIDE = new Color(0x1b, 0x9e, 0x77);
    private static final Color FAKE_SIDE = new Color(0x75, 0x70, 0xb3);
    private static final Color REAL_POINT = new Color(0x0b, 0x5e, 0x45);
    private static final Color FAKE_POINT = new Color(0xd9, 0x5f, 0x02);
    private static final Color MANIFOLD = new Color(0x40, 0x40, 0x40, 0x70);
    private static final Color ARROW = new Color(0x20, 0x20, 0x20, 0xc0);

    /**
     * What to draw and how finely.
     *
     * @param size       width and height in pixels, {@code >= 100}
     * @param heatCells  heat-map cells per side, {@code >= 2}
     * @param gridLines  lines per direction of the latent grid, {@code >= 2} ({@code 0}: no manifold)
     * @param fakes      generated points drawn, {@code >= 1}
     * @param arrows     generated points that get an arrow ({@code 0}: none), at most {@code fakes}
     * @param sampleSeed seed of the generated points (fixed, so that they move smoothly from picture to picture)
     */
    public record Options(int size, int heatCells, int gridLines, int fakes, int arrows, long sampleSeed) {

        /** Validates the arguments; each failure names the parameter. */
        public Options {
            if (size < 100) {
                throw new IllegalArgumentException("size must be >= 100, got " + size);
            }
            if (heatCells < 2) {
                throw new IllegalArgumentException("heatCells must be >= 2, got " + heatCells);
            }
            if (gridLines == 1 || gridLines < 0) {
                throw new IllegalArgumentException("gridLines must be 0 or >= 2, got " + gridLines);
            }
            if (fakes < 1 || arrows < 0 || arrows > fakes) {
                throw new IllegalArgumentException("need fakes >= 1 and 0 <= arrows <= fakes, got fakes=" + fakes
                        + " arrows=" + arrows);
            }
        }

        /** @return 440 pixels, 60×60 heat cells, 15 grid lines, 400 fakes, 60 arrows, seed 7 */
        public static Options defaults() {
            return new Options(440, 60, 15, 400, 60, 7);
        }
    }

    private PlanePicture() {
    }

    /**
     * Draws the picture.
     *
     * @param session an unconditional GAN on 2-D data
     * @param real    real points {@code [n, 2]} to show
     * @param extent  the picture shows [-extent, extent]²
     * @param options what to draw
     * @return the picture, {@code options.size()} pixels square
     * @throws IllegalArgumentException if the samples are not 2-D or the extent is not positive
     */
    public static BufferedImage draw(TrainingSession session, INDArray real, double extent, Options options) {
        if (session.config().generator().sampleShape().length != 1
                || session.config().generator().sampleShape()[0] != 2) {
            throw new IllegalArgumentException("PlanePicture needs a GAN on 2-D points, got samples of shape "
                    + java.util.Arrays.toString(session.config().generator().sampleShape()));
        }
        if (real.rank() != 2 || real.size(1) != 2) {
            throw new IllegalArgumentException("real must have shape [n, 2], got "
                    + java.util.Arrays.toString(real.shape()));
        }
        if (!(extent > 0)) {
            throw new IllegalArgumentException("extent must be > 0, got " + extent);
        }
        int size = options.size();
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Frame f = new Frame(size, extent);
            Generator generator = session.generator();   // a copy: taken once
            DataType type = generator.network().dataType();
            heatMap(g, session, type, f, options.heatCells());
            if (options.gridLines() > 0) {
                manifold(g, generator, f, options.gridLines());
            }
            dots(g, real.castTo(DataType.DOUBLE), f, REAL_POINT, 3);
            INDArray fakes = generator.sample(options.fakes(), options.sampleSeed()).castTo(DataType.DOUBLE);
            dots(g, fakes, f, FAKE_POINT, 4);
            if (options.arrows() > 0) {
                INDArray some = fakes.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, options.arrows()),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
                arrows(g, some, session.generatorPull(some.castTo(type))
                        .castTo(DataType.DOUBLE), f, extent);
            }
            g.setColor(new Color(0x30, 0x30, 0x30));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(String.format(Locale.ROOT, "step %d", session.step()), 8, 16);
            g.setColor(new Color(0xb0, 0xb0, 0xb0));
            g.drawRect(0, 0, size - 1, size - 1);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Data coordinates to pixels. */
    private record Frame(int size, double extent) {
        double x(double dataX) {
            return (dataX + extent) / (2 * extent) * size;
        }

        double y(double dataY) {
            return (extent - dataY) / (2 * extent) * size;
        }
    }

    private static void heatMap(Graphics2D g, TrainingSession session, DataType type, Frame f, int cells) {
        double e = f.extent();
        double[] xy = new double[2 * cells * cells];
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                int i = r * cells + c;
                xy[2 * i] = -e + (c + 0.5) * 2 * e / cells;
                xy[2 * i + 1] = e - (r + 0.5) * 2 * e / cells;
            }
        }
        INDArray points = Nd4j.create(xy, new long[] {(long) cells * cells, 2}, DataType.DOUBLE).castTo(type);
        double[] scores = session.discriminatorScores(points).castTo(DataType.DOUBLE).data().asDouble();
        boolean probability = session.config().loss().probabilistic();
        double scale = 1e-12;
        for (double s : scores) {
            scale = Math.max(scale, Math.abs(s));
        }
        double cell = (double) f.size() / cells;
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                double s = scores[r * cells + c];
                double v = probability ? 1 / (1 + Math.exp(-s)) : 0.5 + 0.5 * Math.tanh(2 * s / scale);
                g.setColor(blend(v));
                g.fillRect((int) Math.floor(c * cell), (int) Math.floor(r * cell), (int) Math.ceil(cell) + 1,
                        (int) Math.ceil(cell) + 1);
            }
        }
    }

    /** White at ½, towards green for "real" (1) and purple for "fake" (0), kept light so points stay visible. */
    private static Color blend(double v) {
        double t = Math.min(1, Math.abs(v - 0.5) * 2) * 0.55;
        Color side = v >= 0.5 ? REAL_SIDE : FAKE_SIDE;
        return new Color((int) Math.round(255 + t * (side.getRed() - 255)),
                (int) Math.round(255 + t * (side.getGreen() - 255)), (int) Math.round(255 + t * (side.getBlue() - 255)));
    }

    private static void manifold(Graphics2D g, Generator generator, Frame f, int lines) {
        int latent = generator.spec().latentSize();
        int n = lines * lines;
        INDArray z = Nd4j.zeros(generator.network().dataType(), n, latent);
        for (int a = 0; a < lines; a++) {
            for (int b = 0; b < lines; b++) {
                z.putScalar(a * lines + b, 0, -2 + 4.0 * b / (lines - 1));
                if (latent > 1) {
                    z.putScalar(a * lines + b, 1, -2 + 4.0 * a / (lines - 1));
                }
            }
        }
        double[] out = generator.generate(z, null).castTo(DataType.DOUBLE).data().asDouble();
        g.setColor(MANIFOLD);
        g.setStroke(new BasicStroke(1f));
        int rows = latent > 1 ? lines : 1;
        for (int a = 0; a < rows; a++) {
            Path2D row = new Path2D.Double();
            Path2D column = new Path2D.Double();
            for (int b = 0; b < lines; b++) {
                int i = a * lines + b;
                int j = b * lines + a;
                if (b == 0) {
                    row.moveTo(f.x(out[2 * i]), f.y(out[2 * i + 1]));
                    column.moveTo(f.x(out[2 * j]), f.y(out[2 * j + 1]));
                } else {
                    row.lineTo(f.x(out[2 * i]), f.y(out[2 * i + 1]));
                    column.lineTo(f.x(out[2 * j]), f.y(out[2 * j + 1]));
                }
            }
            g.draw(row);
            if (latent > 1) {
                g.draw(column);
            }
        }
    }

    private static void dots(Graphics2D g, INDArray points, Frame f, Color color, int diameter) {
        g.setColor(color);
        double[] xy = points.dup().data().asDouble();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            g.fillOval((int) Math.round(f.x(xy[i]) - diameter / 2.0), (int) Math.round(f.y(xy[i + 1]) - diameter / 2.0),
                    diameter, diameter);
        }
    }

    private static void arrows(Graphics2D g, INDArray at, INDArray pull, Frame f, double extent) {
        double[] p = at.data().asDouble();
        double[] d = pull.data().asDouble();
        double longest = 1e-12;
        for (int i = 0; i + 1 < d.length; i += 2) {
            longest = Math.max(longest, Math.hypot(d[i], d[i + 1]));
        }
        double unit = 0.12 * extent / longest;   // the longest arrow is 6 % of the picture's width
        g.setColor(ARROW);
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i + 1 < p.length; i += 2) {
            double x0 = f.x(p[i]);
            double y0 = f.y(p[i + 1]);
            double x1 = f.x(p[i] + unit * d[i]);
            double y1 = f.y(p[i + 1] + unit * d[i + 1]);
            g.draw(new Line2D.Double(x0, y0, x1, y1));
            double angle = Math.atan2(y1 - y0, x1 - x0);
            double head = Math.min(5, Math.hypot(x1 - x0, y1 - y0) / 2);
            g.draw(new Line2D.Double(x1, y1, x1 - head * Math.cos(angle - 0.45), y1 - head * Math.sin(angle - 0.45)));
            g.draw(new Line2D.Double(x1, y1, x1 - head * Math.cos(angle + 0.45), y1 - head * Math.sin(angle + 0.45)));
        }
    }
}
