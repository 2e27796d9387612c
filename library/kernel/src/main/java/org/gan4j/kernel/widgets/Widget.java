package org.gan4j.kernel.widgets;

import java.util.List;
import java.util.UUID;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A Jupyter widget: a model whose state lives in the kernel and in the frontend at once, kept equal by comm messages
 * ({@link WidgetManager}). Subclasses say which JavaScript model and view they are, write their state
 * ({@link #writeState(State)}) and read the frontend's changes ({@link #receive}).
 *
 * <p>A widget opens its comm the first time it is shown (or a box holding it is); before that it is a plain Java
 * object whose values can be read and set. Values set from Java after that reach the frontend at once, from any
 * thread. Listeners run on the thread that changed the value: the kernel's shell thread for changes made in the
 * browser, the caller's for changes made in Java.
 */
public abstract class Widget {

    private final String id = UUID.randomUUID().toString();
    private volatile WidgetManager manager;

    /** Creates a widget with a fresh model id. */
    protected Widget() {
    }

    /** @return the model id (also the comm id) */
    public final String id() {
        return id;
    }

    /** @return whether the widget has been sent to a frontend */
    public final boolean isOpen() {
        return manager != null;
    }

    /**
     * @param dialect the protocol spoken
     * @return the JavaScript model name, e.g. {@code "IntSliderModel"}
     */
    protected abstract String modelName(WidgetDialect dialect);

    /**
     * @param dialect the protocol spoken
     * @return the JavaScript view name, e.g. {@code "IntSliderView"}, or {@code null} for a model without a view
     */
    protected abstract String viewName(WidgetDialect dialect);

    /**
     * @param dialect the protocol spoken
     * @return the module of the model
     */
    protected WidgetDialect.Module modelModule(WidgetDialect dialect) {
        return WidgetDialect.Module.CONTROLS;
    }

    /**
     * @param dialect the protocol spoken
     * @return the module of the view
     */
    protected WidgetDialect.Module viewModule(WidgetDialect dialect) {
        return modelModule(dialect);
    }

    /**
     * Writes every synchronised attribute besides the model and view names.
     *
     * @param state where to write
     */
    protected abstract void writeState(State state);

    /**
     * @param dialect the protocol spoken
     * @return the models this one references (layout, style, children), opened before it
     */
    protected List<Widget> references(WidgetDialect dialect) {
        return List.of();
    }

    /**
     * Applies one value the frontend changed. The default ignores it (a widget the user cannot change).
     *
     * @param key    the attribute
     * @param value  its JSON value ({@code null} for a binary value)
     * @param binary its binary value, or {@code null}
     */
    protected void receive(String key, JsonElement value, byte[] binary) {
    }

    /**
     * Handles a custom message from the frontend (a button's click). The default ignores it.
     *
     * @param content the message content
     */
    protected void receiveCustom(JsonObject content) {
    }

    /** @return HTML that shows the widget's current state where no widget frontend is running (a saved notebook) */
    protected abstract String staticHtml();

    /**
     * Sends the named attributes' current values to the frontend, if the widget is open.
     *
     * @param keys the attributes that changed
     */
    protected final void changed(String... keys) {
        WidgetManager m = manager;
        if (m != null) {
            m.update(this, List.of(keys));
        }
    }

    /**
     * @param dialect the protocol spoken
     * @return the full state, with the model and view names and modules
     */
    final State state(WidgetDialect dialect) {
        State s = new State(dialect);
        s.put("_model_name", modelName(dialect));
        s.put("_model_module", dialect.moduleName(modelModule(dialect)));
        s.put("_model_module_version", dialect.moduleVersion(modelModule(dialect)));
        String view = viewName(dialect);
        s.put("_view_name", view);
        s.put("_view_module", view == null ? null : dialect.moduleName(viewModule(dialect)));
        s.put("_view_module_version", view == null ? "" : dialect.moduleVersion(viewModule(dialect)));
        writeState(s);
        return s;
    }

    /** @param m the manager that opened the widget */
    final void attach(WidgetManager m) {
        manager = m;
    }

    /** @return the manager that opened the widget, or {@code null} */
    final WidgetManager manager() {
        return manager;
    }

    /**
     * Escapes text for HTML.
     *
     * @param text any text
     * @return the text with {@code & < > "} escaped
     */
    protected static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + id.substring(0, 8) + ")";
    }
}
