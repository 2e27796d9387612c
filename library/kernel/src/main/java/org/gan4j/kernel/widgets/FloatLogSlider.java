package org.gan4j.kernel.widgets;

import java.util.List;
import java.util.Locale;

import com.google.gson.JsonElement;

/**
 * A slider over real numbers on a logarithmic scale, from {@code base^minExponent} to {@code base^maxExponent}: for
 * learning rates and other scales that span orders of magnitude. Where the frontend has no log slider (ipywidgets 6)
 * it shows a linear slider over the exponent without a readout, and the value in its description.
 */
public final class FloatLogSlider extends ValueWidget<Double> {

    private final double base;
    private final double minExponent;
    private final double maxExponent;
    private final double step;

    /**
     * @param description the label
     * @param base        the logarithm's base ({@code > 1}, usually 10)
     * @param minExponent the smallest exponent
     * @param maxExponent the largest exponent ({@code > minExponent})
     * @param step        the exponent's step ({@code > 0})
     * @param value       the first value ({@code > 0}; clamped to the range)
     * @throws IllegalArgumentException naming the parameter that is out of range
     */
    public FloatLogSlider(String description, double base, double minExponent, double maxExponent, double step,
            double value) {
        super(description, Style.Kind.SLIDER, value);
        if (!(base > 1)) {
            throw new IllegalArgumentException("FloatLogSlider '" + description + "': base must be > 1, got " + base);
        }
        if (!(maxExponent > minExponent)) {
            throw new IllegalArgumentException("FloatLogSlider '" + description + "': needs minExponent < maxExponent,"
                    + " got " + minExponent + " and " + maxExponent);
        }
        if (!(step > 0)) {
            throw new IllegalArgumentException("FloatLogSlider '" + description + "': step must be > 0, got " + step);
        }
        if (!(value > 0)) {
            throw new IllegalArgumentException("FloatLogSlider '" + description + "': value must be > 0, got "
                    + value);
        }
        this.base = base;
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
        this.step = step;
        value(coerce(value));
    }

    @Override
    protected Double coerce(Double candidate) {
        double lo = Math.pow(base, minExponent);
        double hi = Math.pow(base, maxExponent);
        if (!(candidate > 0)) {
            return lo;
        }
        return Math.max(lo, Math.min(hi, candidate));
    }

    private double exponent(double v) {
        return Math.log(v) / Math.log(base);
    }

    @Override
    protected void receive(String key, JsonElement json, byte[] binary) {
        super.receive(key, json, binary);
        WidgetManager m = manager();
        if (key.equals("value") && m != null && m.dialect() == WidgetDialect.IPYWIDGETS_6) {
            changed("description");   // the value is shown there
        }
    }

    @Override
    protected List<String> valueKeys() {
        return List.of("value", "description");
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return dialect == WidgetDialect.IPYWIDGETS_6 ? "FloatSliderModel" : "FloatLogSliderModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return dialect == WidgetDialect.IPYWIDGETS_6 ? "FloatSliderView" : "FloatLogSliderView";
    }

    @Override
    protected void writeValue(State state, Double current) {
        state.put("value", state.dialect() == WidgetDialect.IPYWIDGETS_6 ? exponent(current) : current);
    }

    @Override
    protected Double parse(String key, JsonElement json) {
        if (!key.equals("value") || !json.isJsonPrimitive()) {
            return null;
        }
        WidgetManager m = manager();
        boolean exponents = m != null && m.dialect() == WidgetDialect.IPYWIDGETS_6;
        return exponents ? Math.pow(base, json.getAsDouble()) : json.getAsDouble();
    }

    @Override
    protected void writeAttributes(State state) {
        state.put("min", minExponent).put("max", maxExponent).put("step", step).put("orientation", "horizontal")
                .put("readout", true).put("continuous_update", true);
        if (state.dialect() == WidgetDialect.IPYWIDGETS_6) {
            state.put("readout", false).put("readout_format", ".2f").put("_range", false)
                    .put("description", description() + " " + String.format(Locale.ROOT, "%.3g", value()));
        } else {
            state.put("base", base).put("readout_format", ".3g");
        }
    }

    @Override
    protected String staticHtml() {
        return descriptionHtml() + "<input type=\"range\" disabled min=\"" + minExponent + "\" max=\"" + maxExponent
                + "\" step=\"" + step + "\" value=\"" + exponent(value()) + "\"> "
                + String.format(Locale.ROOT, "%.3g", value());
    }
}
