package org.gan4j.kernel.widgets;

import com.google.gson.JsonElement;

/** A line of text that Java code updates in place (a step counter, a status). */
public final class Label extends ValueWidget<String> {

    /** @param text the first text */
    public Label(String text) {
        super("", Style.Kind.DESCRIPTION, text == null ? "" : text);
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "LabelModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "LabelView";
    }

    @Override
    protected void writeValue(State state, String current) {
        state.put("value", current);
    }

    @Override
    protected String parse(String key, JsonElement json) {
        return null; // the frontend does not change a label
    }

    @Override
    protected void writeAttributes(State state) {
        state.put("placeholder", "\u200b");
    }

    @Override
    protected String staticHtml() {
        return "<span>" + escape(value()) + "</span>";
    }
}
