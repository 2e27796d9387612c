package org.gan4j.kernel.widgets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * A model's synchronised state as the frontend receives it: JSON values, binary values (buffers, or base64 text where
 * the dialect has no buffers) and references to other models.
 */
public final class State {

    private final WidgetDialect dialect;
    private final JsonObject json = new JsonObject();
    private final Map<String, byte[]> binary = new LinkedHashMap<>();

    State(WidgetDialect dialect) {
        this.dialect = dialect;
    }

    /** @return the dialect the state is written for */
    public WidgetDialect dialect() {
        return dialect;
    }

    /**
     * @param key   the attribute
     * @param value a string, or {@code null}
     * @return this
     */
    public State put(String key, String value) {
        if (value == null) {
            json.add(key, JsonNull.INSTANCE);
        } else {
            json.addProperty(key, value);
        }
        return this;
    }

    /**
     * @param key   the attribute
     * @param value a number
     * @return this
     */
    public State put(String key, Number value) {
        json.addProperty(key, value);
        return this;
    }

    /**
     * @param key   the attribute
     * @param value a boolean
     * @return this
     */
    public State put(String key, boolean value) {
        json.addProperty(key, value);
        return this;
    }

    /**
     * @param key    the attribute
     * @param values strings
     * @return this
     */
    public State put(String key, List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        json.add(key, array);
        return this;
    }

    /**
     * @param key   the attribute
     * @param value any JSON value
     * @return this
     */
    public State putJson(String key, com.google.gson.JsonElement value) {
        json.add(key, value);
        return this;
    }

    /**
     * @param key   the attribute
     * @param bytes a binary value (a message buffer, or base64 text under {@code "_b64" + key} for ipywidgets 6)
     * @return this
     */
    public State putBytes(String key, byte[] bytes) {
        if (dialect.binaryBuffers()) {
            binary.put(key, bytes);
        } else {
            json.addProperty("_b64" + key, Base64.getEncoder().encodeToString(bytes));
        }
        return this;
    }

    /**
     * @param key    the attribute
     * @param widget another model, referenced by id
     * @return this
     */
    public State reference(String key, Widget widget) {
        json.addProperty(key, WidgetDialect.reference(widget.id()));
        return this;
    }

    /**
     * @param key     the attribute
     * @param widgets other models, referenced by id
     * @return this
     */
    public State references(String key, List<? extends Widget> widgets) {
        JsonArray array = new JsonArray();
        widgets.forEach(w -> array.add(WidgetDialect.reference(w.id())));
        json.add(key, array);
        return this;
    }

    /** @return the JSON part (a copy) */
    JsonObject json() {
        return json.deepCopy();
    }

    /** @return the binary part, in order */
    Map<String, byte[]> binary() {
        return binary;
    }

    /**
     * @param keys the attributes to keep ({@code null}: all)
     * @return a state with only those attributes (binary values under the same keys)
     */
    State only(java.util.Collection<String> keys) {
        if (keys == null) {
            return this;
        }
        State s = new State(dialect);
        for (String k : keys) {
            if (json.has(k)) {
                s.json.add(k, json.get(k));
            }
            if (json.has("_b64" + k)) {
                s.json.add("_b64" + k, json.get("_b64" + k));
            }
            if (binary.containsKey(k)) {
                s.binary.put(k, binary.get(k));
            }
        }
        return s;
    }

    /** @return the binary keys in order */
    List<String> bufferKeys() {
        return new ArrayList<>(binary.keySet());
    }

    /** @return the binary values in order */
    List<byte[]> buffers() {
        return new ArrayList<>(binary.values());
    }
}
