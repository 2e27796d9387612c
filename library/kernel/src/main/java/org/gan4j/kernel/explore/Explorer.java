package org.gan4j.kernel.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gan4j.info.InfoCodes;
import org.gan4j.kernel.widgets.Box;
import org.gan4j.kernel.widgets.Dropdown;
import org.gan4j.kernel.widgets.FloatSlider;
import org.gan4j.kernel.widgets.HasWidget;
import org.gan4j.kernel.widgets.ImageWidget;
import org.gan4j.kernel.widgets.IntSlider;
import org.gan4j.kernel.widgets.Label;
import org.gan4j.kernel.widgets.ValueWidget;
import org.gan4j.kernel.widgets.Widget;
import org.gan4j.latent.LatentExplorer;
import org.gan4j.nn.Generator;

/**
 * Sliders over a trained image generator's latent space, each re-rendering the sample grid in place: the seed, a
 * position on a slerp path, three latent directions and the truncation ψ always; two classes and a blend between them
 * for a conditional generator; the style-mixing crossover layer for a style-based one; one slider per code for an
 * InfoGAN ({@link LatentExplorer} says what each knob does).
 *
 * <pre>{@code
 * Explorer.of(generator)                                   // DCGAN, conditional or style-based
 * Explorer.of(generator, FashionMnist.CLASS_NAMES)         // classes by name in the drop-downs
 * Explorer.of(generator, config.info())                    // InfoGAN codes
 * }</pre>
 */
public final class Explorer implements HasWidget {

    private final LatentExplorer explorer;
    private final ImageWidget image;
    private final Label error;
    private final Box widget;
    private LatentExplorer.View view;

    private Explorer(LatentExplorer explorer, List<String> classNames) {
        this.explorer = explorer;
        this.view = explorer.defaults();
        List<Widget> rows = new ArrayList<>();

        IntSlider seed = new IntSlider("seed", 0, 999, 1, 0);
        FloatSlider t = new FloatSlider("slerp t", 0, 1, 0.02, 0);
        FloatSlider psi = new FloatSlider("ψ", 0, 1, 0.05, 1);
        bind(seed, v -> view.withSeed(v));
        bind(t, v -> view.withT(v));
        bind(psi, v -> view.withPsi(v));
        rows.add(Box.horizontal(seed, t, psi));

        List<Widget> directions = new ArrayList<>();
        for (int j = 0; j < LatentExplorer.DIRECTIONS; j++) {
            int index = j;
            FloatSlider d = new FloatSlider("direction " + (j + 1), -3, 3, 0.1, 0);
            bind(d, v -> view.withDirection(index, v));
            directions.add(d);
        }
        rows.add(Box.horizontal(directions.toArray(Widget[]::new)));

        int k = explorer.numClasses();
        if (k > 0) {
            Map<String, Integer> classes = new LinkedHashMap<>();
            for (int c = 0; c < k; c++) {
                classes.put(classNames != null && c < classNames.size() ? classNames.get(c) : "class " + c, c);
            }
            Dropdown<Integer> a = Dropdown.of("class A", classes);
            Dropdown<Integer> b = Dropdown.of("class B", classes);
            b.value(view.classB());
            FloatSlider blend = new FloatSlider("blend", 0, 1, 0.05, 0);
            bind(a, v -> view.withClasses(v, view.classB(), view.blend()));
            bind(b, v -> view.withClasses(view.classA(), v, view.blend()));
            bind(blend, v -> view.withClasses(view.classA(), view.classB(), v));
            rows.add(Box.horizontal(a, b, blend));
        }
        if (explorer.styleBased()) {
            int layers = explorer.styleLayers();
            IntSlider crossover = new IntSlider("mix from layer", 0, layers, 1, layers);
            bind(crossover, v -> view.withCrossover(v));
            rows.add(Box.horizontal(crossover, new Label(layers + " = no mixing; 0 = all styles from the second "
                    + "latents")));
        }
        InfoCodes info = explorer.info();
        if (info != null) {
            List<Widget> codes = new ArrayList<>();
            if (info.categories() > 0) {
                IntSlider category = new IntSlider("category", 0, info.categories() - 1, 1, 0);
                bind(category, v -> view.withCategory(v));
                codes.add(category);
            }
            for (int j = 0; j < info.continuous(); j++) {
                int index = j;
                FloatSlider c = new FloatSlider("code " + (j + 1), -2, 2, 0.1, 0);
                bind(c, v -> view.withContinuous(index, v));
                codes.add(c);
            }
            rows.add(Box.horizontal(codes.toArray(Widget[]::new)));
        }
        image = new ImageWidget(explorer.render(view));
        error = new Label("");
        rows.add(image);
        rows.add(error);
        widget = Box.vertical(rows.toArray(Widget[]::new));
    }

    /**
     * @param generator a trained image generator
     * @return its explorer (classes named "class 0" … for a conditional generator)
     */
    public static Explorer of(Generator generator) {
        return new Explorer(LatentExplorer.of(generator), null);
    }

    /**
     * @param generator  a trained conditional image generator
     * @param classNames the classes' names, in label order
     * @return its explorer
     */
    public static Explorer of(Generator generator, List<String> classNames) {
        return new Explorer(LatentExplorer.of(generator), List.copyOf(classNames));
    }

    /**
     * @param generator a generator trained as an InfoGAN
     * @param codes     its codes ({@code GanConfig.info()})
     * @return its explorer, with one slider per code
     */
    public static Explorer of(Generator generator, InfoCodes codes) {
        return new Explorer(LatentExplorer.of(generator).withInfo(codes), null);
    }

    /** @param change the view after the control's new value (read from {@link #view} under the lock) */
    private <T> void bind(ValueWidget<T> control, Function<T, LatentExplorer.View> change) {
        control.onChange(v -> update(change, v));
    }

    private synchronized <T> void update(Function<T, LatentExplorer.View> change, T value) {
        LatentExplorer.View next = change.apply(value);
        try {
            image.image(explorer.render(next));
            view = next;
            error.value("");
        } catch (RuntimeException e) {
            error.value(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** @return the knobs' settings now */
    public synchronized LatentExplorer.View view() {
        return view;
    }

    /** @return the image shown (its PNG bytes change with every setting) */
    public ImageWidget image() {
        return image;
    }

    @Override
    public Box widget() {
        return widget;
    }

    @Override
    public String toString() {
        return "Explorer[" + explorer.generator() + "]";
    }
}
