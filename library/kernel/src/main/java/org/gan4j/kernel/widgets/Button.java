package org.gan4j.kernel.widgets;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.gson.JsonObject;

/**
 * A push button: each click in the browser runs the click listeners (on the kernel's shell thread, between cells).
 *
 * <pre>{@code
 * Button step = new Button("step");
 * step.onClick(() -> session.fit(1));
 * }</pre>
 */
public final class Button extends DomWidget {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean disabled;
    private volatile String buttonStyle = "";

    /** @param description the button's text */
    public Button(String description) {
        super(description, Style.Kind.BUTTON);
    }

    /**
     * @param listener runs on every click
     * @return this button
     */
    public Button onClick(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Runs the click listeners, as a click in the browser does. */
    public void click() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    /**
     * @param off {@code true}: greyed out, clicks do nothing
     * @return this button
     */
    public Button disabled(boolean off) {
        disabled = off;
        changed("disabled");
        return this;
    }

    /**
     * @param style {@code ""}, {@code "primary"}, {@code "success"}, {@code "info"}, {@code "warning"} or
     *              {@code "danger"}
     * @return this button
     * @throws IllegalArgumentException for another style
     */
    public Button buttonStyle(String style) {
        if (!List.of("", "primary", "success", "info", "warning", "danger").contains(style)) {
            throw new IllegalArgumentException("button style must be one of '', primary, success, info, warning, "
                    + "danger; got '" + style + "'");
        }
        buttonStyle = style;
        changed("button_style");
        return this;
    }

    @Override
    protected void receiveCustom(JsonObject content) {
        if (!disabled && content.has("event") && "click".equals(content.get("event").getAsString())) {
            click();
        }
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "ButtonModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "ButtonView";
    }

    @Override
    protected void writeValues(State state) {
        state.put("disabled", disabled).put("tooltip", "").put("icon", "").put("button_style", buttonStyle);
    }

    @Override
    protected String staticHtml() {
        return "<button disabled>" + escape(description()) + "</button>";
    }
}
