package org.gan4j.kernel.widgets;

/** A slider over whole numbers from {@code min} to {@code max} in steps of {@code step}. */
public final class IntSlider extends BoundedInt {

    private volatile boolean continuousUpdate = true;

    /**
     * @param description the label
     * @param min         the smallest value
     * @param max         the largest value ({@code > min})
     * @param step        the step ({@code >= 1})
     * @param value       the first value (clamped to the range)
     * @throws IllegalArgumentException naming the parameter that is out of range
     */
    public IntSlider(String description, int min, int max, int step, int value) {
        super("IntSlider", description, Style.Kind.SLIDER, min, max, step, value);
    }

    /**
     * @param on {@code false}: the browser sends the value only when the handle is released
     * @return this slider
     */
    public IntSlider continuousUpdate(boolean on) {
        continuousUpdate = on;
        changed("continuous_update");
        return this;
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "IntSliderModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "IntSliderView";
    }

    @Override
    protected void writeAttributes(State state) {
        writeBounds(state).put("orientation", "horizontal")
                .put("readout", true).put("readout_format", "d").put("continuous_update", continuousUpdate);
        if (state.dialect() == WidgetDialect.IPYWIDGETS_6) {
            state.put("_range", false);
        }
    }

    @Override
    protected String staticHtml() {
        return descriptionHtml() + "<input type=\"range\" disabled min=\"" + min() + "\" max=\"" + max()
                + "\" value=\"" + value() + "\"> " + value();
    }
}
