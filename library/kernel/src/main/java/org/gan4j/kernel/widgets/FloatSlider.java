package org.gan4j.kernel.widgets;

import java.util.Locale;

import com.google.gson.JsonElement;

/** A slider over real numbers from {@code min} to {@code max} in steps of {@code step}. */
public final class FloatSlider extends ValueWidget<Double> {

    private final double min;
    private final double max;
    private final double step;
    private volatile boolean continuousUpdate = true;

    /**
     * @param description the label
     * @param min         the smallest value
     * @param max         the largest value ({@code > min})
     * @param step        the step ({@code > 0})
     * @param value       the first value (clamped to the range)
     * @throws IllegalArgumentException naming the parameter that is out of range
     */
    public FloatSlider(String description, double min, double max, double step, double value) {
        super(description, Style.Kind.SLIDER, value);
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("FloatSlider '" + description + "': needs finite min < max, got min="
                    + min + " max=" + max);
        }
        if (!(step > 0)) {
            throw new IllegalArgumentException("FloatSlider '" + description + "': step must be > 0, got " + step);
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
    public FloatSlider continuousUpdate(boolean on) {
        continuousUpdate = on;
        changed("continuous_update");
        return this;
    }

    @Override
    protected Double coerce(Double candidate) {
        if (candidate.isNaN()) {
            throw new IllegalArgumentException("FloatSlider '" + description() + "': value is NaN");
        }
        return Math.max(min, Math.min(max, candidate));
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "FloatSliderModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "FloatSliderView";
    }

    @Override
    protected void writeValue(State state, Double current) {
        state.put("value", current);
    }

    @Override
    protected Double parse(String key, JsonElement json) {
        return key.equals("value") && json.isJsonPrimitive() ? json.getAsDouble() : null;
    }

    @Override
    protected void writeAttributes(State state) {
        state.put("min", min).put("max", max).put("step", step).put("orientation", "horizontal")
                .put("readout", true).put("readout_format", ".2f").put("continuous_update", continuousUpdate);
        if (state.dialect() == WidgetDialect.IPYWIDGETS_6) {
            state.put("_range", false);
        }
    }

    @Override
    protected String staticHtml() {
        return descriptionHtml() + "<input type=\"range\" disabled min=\"" + min + "\" max=\"" + max + "\" step=\""
                + step + "\" value=\"" + value() + "\"> " + String.format(Locale.ROOT, "%.2f", value());
    }
}
