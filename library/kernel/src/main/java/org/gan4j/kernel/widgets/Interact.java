package org.gan4j.kernel.widgets;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Controls and a view of a function of their values, recomputed whenever one changes, as ipywidgets' {@code interact}:
 *
 * <pre>{@code
 * FloatSlider psi = new FloatSlider("ψ", 0, 1, 0.05, 0.7);
 * IntSlider seed = new IntSlider("seed", 0, 99, 1, 1);
 * display(Interact.of(psi, seed, (p, s) ->
 *         ImageGrid.of(generator.generate(Truncation.psi(p).apply(generator.latent(32, s)), null))));
 * }</pre>
 *
 * <p>A function returning a {@link BufferedImage} is shown by an {@link ImageWidget} whose bytes are replaced; any
 * other result by an {@link Output}. The result is computed once at once, and then on the kernel's shell thread after
 * each change; an exception shows its message under the view instead of breaking the controls.
 */
public final class Interact {

    /** A function of three values. */
    @FunctionalInterface
    public interface Function3<A, B, C, R> {
        /**
         * @param a the first value
         * @param b the second value
         * @param c the third value
         * @return the result
         */
        R apply(A a, B b, C c);
    }

    private Interact() {
    }

    /**
     * @param a        a control
     * @param function what to show for its value
     * @param <A>      its value's type
     * @return a box: the control above the view
     */
    public static <A> Box of(ValueWidget<A> a, Function<? super A, ?> function) {
        return build(List.of(a), () -> function.apply(a.value()));
    }

    /**
     * @param a        the first control
     * @param b        the second control
     * @param function what to show for their values
     * @param <A>      the first value's type
     * @param <B>      the second value's type
     * @return a box: the controls above the view
     */
    public static <A, B> Box of(ValueWidget<A> a, ValueWidget<B> b, BiFunction<? super A, ? super B, ?> function) {
        return build(List.of(a, b), () -> function.apply(a.value(), b.value()));
    }

    /**
     * @param a        the first control
     * @param b        the second control
     * @param c        the third control
     * @param function what to show for their values
     * @param <A>      the first value's type
     * @param <B>      the second value's type
     * @param <C>      the third value's type
     * @return a box: the controls above the view
     */
    public static <A, B, C> Box of(ValueWidget<A> a, ValueWidget<B> b, ValueWidget<C> c,
            Function3<? super A, ? super B, ? super C, ?> function) {
        return build(List.of(a, b, c), () -> function.apply(a.value(), b.value(), c.value()));
    }

    private static Box build(List<ValueWidget<?>> controls, Supplier<?> compute) {
        Label error = new Label("");
        Object first;
        try {
            first = compute.get();
        } catch (RuntimeException e) {
            first = null;
            error.value(message(e));
        }
        Widget view;
        Runnable refresh;
        if (first instanceof BufferedImage) {
            ImageWidget image = new ImageWidget((BufferedImage) first);
            view = image;
            refresh = () -> {
                Object next = compute.get();
                if (!(next instanceof BufferedImage)) {
                    throw new IllegalStateException("the function returned " + next + " where it first returned an "
                            + "image");
                }
                image.image((BufferedImage) next);
            };
        } else {
            Output output = new Output();
            if (first != null) {
                output.show(first);
            }
            view = output;
            refresh = () -> output.show(compute.get());
        }
        for (ValueWidget<?> control : controls) {
            control.onChange(v -> {
                try {
                    refresh.run();
                    error.value("");
                } catch (RuntimeException e) {
                    error.value(message(e));
                }
            });
        }
        List<Widget> children = new ArrayList<>(controls);
        children.add(view);
        children.add(error);
        return Box.vertical(children.toArray(Widget[]::new));
    }

    private static String message(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
