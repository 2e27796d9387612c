package org.gan4j.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The style of a widget (Jupyter's {@code SliderStyleModel}, {@code ButtonStyleModel}, {@code DescriptionStyleModel}):
 * the description's width, a slider handle's or a button's colour.
 */
public final class Style extends Widget {

    /** The kinds of style models. */
    public enum Kind {
        /** Description width and handle colour. */
        SLIDER("SliderStyleModel"),
        /** Button colour and font weight. */
        BUTTON("ButtonStyleModel"),
        /** Description width. */
        DESCRIPTION("DescriptionStyleModel");

        private final String model;

        Kind(String model) {
            this.model = model;
        }
    }

    private final Kind kind;
    private final Map<String, String> values = new LinkedHashMap<>();

    Style(Kind kind) {
        this.kind = kind;
    }

    /** @return the style's kind */
    Kind kind() {
        return kind;
    }

    /**
     * @param dialect the protocol spoken
     * @param kind    the style's kind, {@code null} for none
     * @return whether the dialect has that kind of style (ipywidgets 6 has no description style)
     */
    static boolean exists(WidgetDialect dialect, Kind kind) {
        return kind != null && (kind != Kind.DESCRIPTION || dialect != WidgetDialect.IPYWIDGETS_6);
    }

    /**
     * Sets one style attribute.
     *
     * @param attribute e.g. {@code "description_width"}, {@code "handle_color"}, {@code "button_color"}
     * @param value     its CSS value, {@code null} to remove it
     * @return this style
     */
    public Style set(String attribute, String value) {
        synchronized (this) {
            if (value == null) {
                values.remove(attribute);
            } else {
                values.put(attribute, value);
            }
        }
        changed(attribute);
        return this;
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return kind.model;
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "StyleView";
    }

    @Override
    protected WidgetDialect.Module viewModule(WidgetDialect dialect) {
        return WidgetDialect.Module.BASE;
    }

    @Override
    protected synchronized void writeState(State state) {
        switch (kind) {
            case SLIDER:
                state.put("description_width", values.getOrDefault("description_width", ""));
                state.put("handle_color", values.get("handle_color"));
                break;
            case BUTTON:
                state.put("button_color", values.get("button_color"));
                state.put("font_weight", values.getOrDefault("font_weight", ""));
                break;
            default:
                state.put("description_width", values.getOrDefault("description_width", ""));
        }
    }

    @Override
    protected String staticHtml() {
        return "";
    }
}
