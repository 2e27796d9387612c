package org.gan4j.kernel.widgets;

import com.google.gson.JsonElement;

/** A whole-number value between {@code min} and {@code max} in steps of {@code step}: sliders and play controls. */
public abstract class BoundedInt extends ValueWidget<Integer> {

    private final int min;
    private final int max;
    private final int step;

    /**
     * @param kind        the widget's kind, for errors (e.g. {@code "IntSlider"})
     * @param description the label
     * @param styleKind   the style's kind
     * @param min         the smallest value
     * @param max         the largest value ({@code > min})
     * @param step        the step ({@code >= 1})
     * @param value       the first value (clamped to the range)
     * @throws IllegalArgumentException naming the parameter that is out of range
     */
    BoundedInt(String kind, String description, Style.Kind styleKind, int min, int max, int step, int value) {
        super(description, styleKind, value);
        if (max <= min) {
            throw new IllegalArgumentException(kind + " '" + description + "': max must be > min, got min=" + min
                    + " max=" + max);
        }
        if (step < 1) {
            throw new IllegalArgumentException(kind + " '" + description + "': step must be >= 1, got " + step);
        }
        this.min = min;
        this.max = max;
        this.step = step;
        value(coerce(value));
    }

    /** @return the smallest value */
    public int min() {
        return min;
    }

    /** @return the largest value */
    public int max() {
        return max;
    }

    @Override
    protected Integer coerce(Integer candidate) {
        return Math.max(min, Math.min(max, candidate));
    }

    @Override
    protected void writeValue(State state, Integer current) {
        state.put("value", current);
    }

    @Override
    protected Integer parse(String key, JsonElement json) {
        return key.equals("value") && json.isJsonPrimitive() ? (int) Math.round(json.getAsDouble()) : null;
    }

    /**
     * Writes {@code min}, {@code max} and {@code step}.
     *
     * @param state where to write
     * @return the state
     */
    protected State writeBounds(State state) {
        return state.put("min", min).put("max", max).put("step", step);
    }
}
