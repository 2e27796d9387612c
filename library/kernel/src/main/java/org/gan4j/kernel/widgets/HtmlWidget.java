package org.gan4j.kernel.widgets;

import com.google.gson.JsonElement;

/** A piece of HTML that Java code replaces in place (a table, a formatted report). */
public final class HtmlWidget extends ValueWidget<String> {

    /** @param html the first HTML */
    public HtmlWidget(String html) {
        super("", Style.Kind.DESCRIPTION, html == null ? "" : html);
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "HTMLModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "HTMLView";
    }

    @Override
    protected void writeValue(State state, String current) {
        state.put("value", current);
    }

    @Override
    protected String parse(String key, JsonElement json) {
        return null; // the frontend does not change it
    }

    @Override
    protected void writeAttributes(State state) {
        state.put("placeholder", "\u200b");
    }

    @Override
    protected String staticHtml() {
        return value();
    }
}
