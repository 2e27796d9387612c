package org.gan4j.kernel.widgets;

import com.google.gson.JsonElement;

/** A button that stays pressed or released: a boolean the user switches. */
public final class ToggleButton extends ValueWidget<Boolean> {

    /**
     * @param description the button's text
     * @param value       whether it starts pressed
     */
    public ToggleButton(String description, boolean value) {
        super(description, Style.Kind.DESCRIPTION, value);
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "ToggleButtonModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "ToggleButtonView";
    }

    @Override
    protected void writeValue(State state, Boolean current) {
        state.put("value", current.booleanValue());
    }

    @Override
    protected Boolean parse(String key, JsonElement json) {
        return key.equals("value") && json.isJsonPrimitive() ? json.getAsBoolean() : null;
    }

    @Override
    protected void writeAttributes(State state) {
        state.put("tooltip", "").put("icon", "").put("button_style", "");
    }

    @Override
    protected String staticHtml() {
        return "<button disabled" + (value() ? " style=\"font-weight:bold\"" : "") + ">" + escape(description())
                + "</button>";
    }
}
