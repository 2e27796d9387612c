package org.gan4j.kernel.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The versions of the Jupyter widget protocol the kernel speaks: which JavaScript modules and versions a model names,
 * and how state travels in comm messages.
 *
 * <ul>
 *   <li>{@link #IPYWIDGETS_6}: ipywidgets 6's protocol, spoken by the {@code jupyter-js-widgets} 2.1 extension that
 *       Debian 12 packages for its Notebook 6.4 ({@code jupyter-nbextension-jupyter-js-widgets}, which
 *       {@code environment/setup} installs). State is the comm data itself; the frontend sends
 *       {@code {"method": "backbone", "sync_data": ...}}; images travel as base64 text ({@code _b64value}); a view is
 *       shown by a {@code {"method": "display"}} message.</li>
 *   <li>{@link #IPYWIDGETS_7}: widget protocol 2.0.0 ({@code @jupyter-widgets/controls} 1.5.0, {@code base} 1.2.0,
 *       {@code output} 1.0.0), which ipywidgets 7 frontends speak; state is {@code {"state", "buffer_paths"}} with
 *       binary buffers, updates are {@code {"method": "update"}} both ways.</li>
 *   <li>{@link #IPYWIDGETS_8}: widget protocol 2.1.0 ({@code controls} and {@code base} 2.0.0), ipywidgets 8's.</li>
 * </ul>
 *
 * <p>The kernel starts with {@link #IPYWIDGETS_7} unless the environment variable {@value #SETTING} says
 * {@code 6}, {@code 7} or {@code 8}; a frontend that opens a comm to {@code jupyter.widget.version} (the version
 * check of widget protocol 1, which protocol 2 dropped) switches it to {@link #IPYWIDGETS_6}.
 */
public enum WidgetDialect {

    /** ipywidgets 6 ({@code jupyter-js-widgets} ~2.1.4): Debian 12's Notebook 6.4 extension. */
    IPYWIDGETS_6(null, "jupyter-js-widgets", "~2.1.4", "jupyter-js-widgets", "~2.1.4", "jupyter-js-widgets",
            "~2.1.4"),
    /** Widget protocol 2.0.0 (ipywidgets 7). */
    IPYWIDGETS_7("2.0.0", "@jupyter-widgets/controls", "1.5.0", "@jupyter-widgets/base", "1.2.0",
            "@jupyter-widgets/output", "1.0.0"),
    /** Widget protocol 2.1.0 (ipywidgets 8). */
    IPYWIDGETS_8("2.1.0", "@jupyter-widgets/controls", "2.0.0", "@jupyter-widgets/base", "2.0.0",
            "@jupyter-widgets/output", "1.0.0");

    /** The environment variable that fixes the dialect: {@code 6}, {@code 7} or {@code 8}. */
    public static final String SETTING = "GAN4J_WIDGETS";

    /** Which of the three JavaScript modules a model or view lives in. */
    public enum Module {
        /** Sliders, buttons, boxes, images, styles. */
        CONTROLS,
        /** Layouts and the style view. */
        BASE,
        /** The output widget. */
        OUTPUT
    }

    private final String protocolVersion;
    private final String[] modules;

    WidgetDialect(String protocolVersion, String controls, String controlsVersion, String base, String baseVersion,
            String output, String outputVersion) {
        this.protocolVersion = protocolVersion;
        this.modules = new String[] {controls, controlsVersion, base, baseVersion, output, outputVersion};
    }

    /**
     * @param setting {@code "6"}, {@code "7"} or {@code "8"} (the ipywidgets major version)
     * @return the dialect
     * @throws IllegalArgumentException naming {@value #SETTING} and the accepted values
     */
    public static WidgetDialect fromSetting(String setting) {
        switch (setting == null ? "" : setting.trim()) {
            case "6":
                return IPYWIDGETS_6;
            case "7":
                return IPYWIDGETS_7;
            case "8":
                return IPYWIDGETS_8;
            default:
                throw new IllegalArgumentException(SETTING + " must be 6, 7 or 8 (the ipywidgets major version the "
                        + "frontend speaks), got '" + setting + "'");
        }
    }

    /** @return the widget protocol version sent in comm metadata, or {@code null} for ipywidgets 6 (none) */
    public String protocolVersion() {
        return protocolVersion;
    }

    /**
     * @param module one of the three modules
     * @return its JavaScript module name in this dialect
     */
    public String moduleName(Module module) {
        return modules[2 * module.ordinal()];
    }

    /**
     * @param module one of the three modules
     * @return the semver (range) of that module in this dialect
     */
    public String moduleVersion(Module module) {
        return modules[2 * module.ordinal() + 1];
    }

    /** @return whether binary values travel as message buffers (else as base64 text) */
    public boolean binaryBuffers() {
        return this != IPYWIDGETS_6;
    }

    /** @return how a model id is referenced in another model's state */
    static String reference(String id) {
        return "IPY_MODEL_" + id;
    }

    /**
     * The data of a {@code comm_open} that creates a model.
     *
     * @param state      the model's state without its binary values
     * @param bufferKeys the state keys whose values travel as buffers, in buffer order
     * @return the comm data
     */
    JsonObject openData(JsonObject state, List<String> bufferKeys) {
        if (this == IPYWIDGETS_6) {
            return state;
        }
        JsonObject data = new JsonObject();
        data.add("state", state);
        data.add("buffer_paths", paths(bufferKeys));
        return data;
    }

    /** @return the metadata of a {@code comm_open} */
    Map<String, Object> openMetadata() {
        return protocolVersion == null ? Map.of() : Map.of("version", protocolVersion);
    }

    /**
     * A state update from the kernel to the frontend.
     *
     * @param state      the changed values without binary ones
     * @param bufferKeys keys of binary values, in buffer order
     * @return the comm data
     */
    JsonObject update(JsonObject state, List<String> bufferKeys) {
        JsonObject data = new JsonObject();
        data.addProperty("method", "update");
        data.add("state", state);
        if (this == IPYWIDGETS_6) {
            JsonArray keys = new JsonArray();
            bufferKeys.forEach(keys::add);
            data.add("buffers", keys);
        } else {
            data.add("buffer_paths", paths(bufferKeys));
        }
        return data;
    }

    /**
     * Reads a message from the frontend.
     *
     * @param data    the comm data
     * @param buffers the binary buffers
     * @return what it asks for
     */
    Incoming read(JsonObject data, List<byte[]> buffers) {
        String method = data.has("method") && data.get("method").isJsonPrimitive()
                ? data.get("method").getAsString() : "";
        switch (method) {
            case "backbone":
            case "update": {
                JsonObject state = objectOrEmpty(data, method.equals("backbone") ? "sync_data" : "state");
                List<String> keys = new ArrayList<>();
                if (data.has("buffer_keys") && data.get("buffer_keys").isJsonArray()) {
                    for (JsonElement k : data.getAsJsonArray("buffer_keys")) {
                        keys.add(k.getAsString());
                    }
                } else if (data.has("buffer_paths") && data.get("buffer_paths").isJsonArray()) {
                    for (JsonElement p : data.getAsJsonArray("buffer_paths")) {
                        if (p.isJsonArray() && p.getAsJsonArray().size() == 1) {
                            keys.add(p.getAsJsonArray().get(0).getAsString());
                        }
                    }
                }
                java.util.Map<String, byte[]> binary = new java.util.LinkedHashMap<>();
                for (int i = 0; i < keys.size() && buffers != null && i < buffers.size(); i++) {
                    binary.put(keys.get(i), buffers.get(i));
                }
                return new Incoming(Incoming.Kind.UPDATE, state, binary, null);
            }
            case "request_state":
                return new Incoming(Incoming.Kind.REQUEST_STATE, new JsonObject(), Map.of(), null);
            case "custom":
                return new Incoming(Incoming.Kind.CUSTOM, new JsonObject(), Map.of(), objectOrEmpty(data, "content"));
            default:
                return new Incoming(Incoming.Kind.UNKNOWN, new JsonObject(), Map.of(), null);
        }
    }

    private static JsonObject objectOrEmpty(JsonObject data, String key) {
        return data.has(key) && data.get(key).isJsonObject() ? data.getAsJsonObject(key) : new JsonObject();
    }

    private static JsonArray paths(List<String> keys) {
        JsonArray paths = new JsonArray();
        for (String k : keys) {
            JsonArray path = new JsonArray();
            path.add(k);
            paths.add(path);
        }
        return paths;
    }

    /**
     * A message from the frontend, read.
     *
     * @param kind    what it asks for
     * @param state   changed values (updates)
     * @param binary  changed binary values (updates)
     * @param content the content of a custom message
     */
    record Incoming(Kind kind, JsonObject state, Map<String, byte[]> binary, JsonObject content) {
        /** The kinds of frontend messages. */
        enum Kind { UPDATE, REQUEST_STATE, CUSTOM, UNKNOWN }
    }
}
