package org.gan4j.kernel.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;

/**
 * A drop-down list: the user picks one of several labelled options; {@link #value()} is the option's value.
 *
 * <pre>{@code
 * Dropdown<Loss> loss = Dropdown.of("loss", Map.of("hinge", Loss.HINGE, "non-saturating", Loss.NON_SATURATING));
 * }</pre>
 *
 * @param <T> the options' type
 */
public final class Dropdown<T> extends ValueWidget<T> {

    private final List<String> labels;
    private final List<T> values;

    private Dropdown(String description, List<String> labels, List<T> values, T initial) {
        super(description, Style.Kind.DESCRIPTION, initial);
        this.labels = labels;
        this.values = values;
    }

    /**
     * @param description the label beside the list
     * @param options     label → value, in the order shown; the first is selected
     * @param <T>         the values' type
     * @return the drop-down
     * @throws IllegalArgumentException if there are no options
     */
    public static <T> Dropdown<T> of(String description, Map<String, T> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("Dropdown '" + description + "': needs at least one option");
        }
        Map<String, T> ordered = new LinkedHashMap<>(options);
        List<String> labels = List.copyOf(ordered.keySet());
        List<T> values = new ArrayList<>(ordered.values());
        return new Dropdown<>(description, labels, values, values.get(0));
    }

    /**
     * @param description the label beside the list
     * @param options     the values, labelled by {@code toString()}; the first is selected
     * @param <T>         the values' type
     * @return the drop-down
     * @throws IllegalArgumentException if there are no options or two have the same label
     */
    public static <T> Dropdown<T> of(String description, List<T> options) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T o : options) {
            if (map.put(String.valueOf(o), o) != null) {
                throw new IllegalArgumentException("Dropdown '" + description + "': two options are labelled '" + o
                        + "'");
            }
        }
        return of(description, map);
    }

    /** @return the labels, in order */
    public List<String> labels() {
        return labels;
    }

    /** @return the index of the selected option */
    public int index() {
        return values.indexOf(value());
    }

    @Override
    protected T coerce(T candidate) {
        if (!values.contains(candidate)) {
            throw new IllegalArgumentException("Dropdown '" + description() + "': '" + candidate
                    + "' is not one of its options " + labels);
        }
        return candidate;
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "DropdownModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "DropdownView";
    }

    @Override
    protected List<String> valueKeys() {
        WidgetManager m = manager();
        return List.of(m != null && m.dialect() == WidgetDialect.IPYWIDGETS_6 ? "value" : "index");
    }

    @Override
    protected void writeValue(State state, T current) {
        int i = values.indexOf(current);
        if (state.dialect() == WidgetDialect.IPYWIDGETS_6) {
            state.put("value", labels.get(i));
        } else {
            state.put("index", i);
        }
    }

    @Override
    protected T parse(String key, JsonElement json) {
        if (!json.isJsonPrimitive()) {
            return null;
        }
        if (key.equals("index")) {
            int i = json.getAsInt();
            return i >= 0 && i < values.size() ? values.get(i) : null;
        }
        if (key.equals("value")) {
            int i = labels.indexOf(json.getAsString());
            return i >= 0 ? values.get(i) : null;
        }
        return null;
    }

    @Override
    protected void writeAttributes(State state) {
        state.put("_options_labels", labels);
    }

    @Override
    protected String staticHtml() {
        return descriptionHtml() + "<select disabled><option>" + escape(labels.get(index())) + "</option></select>";
    }
}
