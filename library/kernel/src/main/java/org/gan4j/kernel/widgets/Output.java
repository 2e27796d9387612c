package org.gan4j.kernel.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.gan4j.kernel.NotebookFunctions;

/**
 * An area that shows any value the kernel can display (a chart, a table, an image), replaced in place by
 * {@link #show(Object)}. With ipywidgets 7 and 8 it is Jupyter's output widget (its {@code outputs} state); ipywidgets 6
 * has no such state, so there it is an HTML widget showing the same content.
 */
public final class Output extends DomWidget {

    private static final Gson GSON = new Gson();

    private final Function<Object, DisplayData> renderer;
    private volatile List<JsonObject> outputs = List.of();

    /** Creates an empty output that renders values as the running kernel does (as plain text outside a kernel). */
    public Output() {
        this(Output::renderInKernel);
    }

    /**
     * @param renderer turns a value into display data (MIME type → content)
     */
    Output(Function<Object, DisplayData> renderer) {
        super("", null);
        this.renderer = renderer;
    }

    /**
     * Replaces what the output shows.
     *
     * @param value anything displayable
     * @return this output
     */
    public Output show(Object value) {
        outputs = List.of(output(value));
        changed(fields());
        return this;
    }

    /**
     * Adds a value below what the output shows.
     *
     * @param value anything displayable
     * @return this output
     */
    public Output append(Object value) {
        List<JsonObject> next = new ArrayList<>(outputs);
        next.add(output(value));
        outputs = List.copyOf(next);
        changed(fields());
        return this;
    }

    /**
     * Empties the output.
     *
     * @return this output
     */
    public Output clear() {
        outputs = List.of();
        changed(fields());
        return this;
    }

    private String[] fields() {
        return new String[] {"outputs", "value"};
    }

    private JsonObject output(Object value) {
        DisplayData data = renderer.apply(value);
        JsonObject tree = GSON.toJsonTree(data).getAsJsonObject();
        JsonObject out = new JsonObject();
        out.addProperty("output_type", "display_data");
        out.add("data", tree.has("data") ? tree.get("data") : new JsonObject());
        out.add("metadata", tree.has("metadata") && tree.get("metadata").isJsonObject() ? tree.get("metadata")
                : new JsonObject());
        return out;
    }

    private static DisplayData renderInKernel(Object value) {
        if (BaseKernel.notebookKernel() != null) {
            return NotebookFunctions.render(value);
        }
        return new DisplayData(String.valueOf(value));
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return dialect == WidgetDialect.IPYWIDGETS_6 ? "HTMLModel" : "OutputModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return dialect == WidgetDialect.IPYWIDGETS_6 ? "HTMLView" : "OutputView";
    }

    @Override
    protected WidgetDialect.Module modelModule(WidgetDialect dialect) {
        return dialect == WidgetDialect.IPYWIDGETS_6 ? WidgetDialect.Module.CONTROLS : WidgetDialect.Module.OUTPUT;
    }

    @Override
    protected void writeValues(State state) {
        if (state.dialect() == WidgetDialect.IPYWIDGETS_6) {
            state.put("value", staticHtml()).put("placeholder", "\u200b").put("disabled", false);
        } else {
            JsonArray array = new JsonArray();
            outputs.forEach(o -> array.add(o.deepCopy()));
            state.put("msg_id", "").putJson("outputs", array);
        }
    }

    @Override
    protected String staticHtml() {
        StringBuilder html = new StringBuilder();
        for (JsonObject o : outputs) {
            html.append("<div>").append(html(o.getAsJsonObject("data"))).append("</div>");
        }
        return html.toString();
    }

    private static String html(JsonObject data) {
        for (String image : List.of("image/png", "image/gif", "image/jpeg")) {
            if (data.has(image)) {
                return "<img src=\"data:" + image + ";base64," + text(data.get(image)) + "\">";
            }
        }
        if (data.has("image/svg+xml")) {
            return text(data.get("image/svg+xml"));
        }
        if (data.has("text/html")) {
            return text(data.get("text/html"));
        }
        return data.has("text/plain") ? "<pre>" + escape(text(data.get("text/plain"))) + "</pre>" : "";
    }

    private static String text(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
