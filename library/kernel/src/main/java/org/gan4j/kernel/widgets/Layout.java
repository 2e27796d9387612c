package org.gan4j.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSS layout of a widget (Jupyter's {@code LayoutModel}): width, height, margins, flex settings. Every visible
 * widget has one ({@link DomWidget#layout()}).
 *
 * <pre>{@code
 * slider.layout().set("width", "400px");
 * }</pre>
 */
public final class Layout extends Widget {

    /** The CSS properties a layout model synchronises. */
    public static final List<String> PROPERTIES = List.of("align_content", "align_items", "align_self", "border",
            "bottom", "display", "flex", "flex_flow", "height", "justify_content", "left", "margin", "max_height",
            "max_width", "min_height", "min_width", "overflow", "padding", "right", "top", "visibility", "width");

    private final Map<String, String> values = new LinkedHashMap<>();

    Layout() {
    }

    /**
     * Sets one CSS property.
     *
     * @param property one of {@link #PROPERTIES}, e.g. {@code "width"}
     * @param value    a CSS value, e.g. {@code "400px"}; {@code null} removes it
     * @return this layout
     * @throws IllegalArgumentException for a property not in {@link #PROPERTIES}
     */
    public Layout set(String property, String value) {
        if (!PROPERTIES.contains(property)) {
            throw new IllegalArgumentException("layout property '" + property + "' is not one of " + PROPERTIES);
        }
        synchronized (this) {
            if (value == null) {
                values.remove(property);
            } else {
                values.put(property, value);
            }
        }
        changed(property);
        return this;
    }

    /**
     * @param property a CSS property
     * @return its value, or {@code null}
     */
    public synchronized String get(String property) {
        return values.get(property);
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "LayoutModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "LayoutView";
    }

    @Override
    protected WidgetDialect.Module modelModule(WidgetDialect dialect) {
        return WidgetDialect.Module.BASE;
    }

    @Override
    protected synchronized void writeState(State state) {
        for (String p : PROPERTIES) {
            state.put(p, values.get(p));
        }
    }

    @Override
    protected String staticHtml() {
        return "";
    }
}
