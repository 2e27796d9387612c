package org.gan4j.kernel.widgets;

import com.google.gson.JsonElement;

/** A slider over whole numbers from {@code min} to {@code max} in steps of {@code step}. */
public final class IntSlider extends ValueWidget<Integer> {

    private final int min;
    private final int max;
    private final int step;
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
        super(description, Style.Kind.SLIDER, value);
        if (max <= min) {
            throw new IllegalArgumentException("IntSlider '" + description + "': max must be > min, got min=" + min
                    + " max=" + max);
        }
        if (step < 1) {
            throw new IllegalArgumentException("IntSlider '" + description + "': step must be >= 1, got " + step);
        }
        this.min = min;
        this.max = max;
        this.step = step;
        value(coerce(value));
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
    protected Integer coerce(Integer candidate) {
        return Math.max(min, Math.min(max, candidate));
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
    protected void writeValue(State state, Integer current) {
        state.put("value", current);
    }

    @Override
    protected Integer parse(String key, JsonElement json) {
        return key.equals("value") && json.isJsonPrimitive() ? (int) Math.round(json.getAsDouble()) : null;
    }

    @Override
    protected void writeAttributes(State state) {
        state.put("min", min).put("max", max).put("step", step).put("orientation", "horizontal")
                .put("readout", true).put("readout_format", "d").put("continuous_update", continuousUpdate);
        if (state.dialect() == WidgetDialect.IPYWIDGETS_6) {
            state.put("_range", false);
        }
    }

    @Override
    protected String staticHtml() {
        return descriptionHtml() + "<input type=\"range\" disabled min=\"" + min + "\" max=\"" + max + "\" step=\""
                + step + "\" value=\"" + value() + "\"> " + value();
    }
}
