package org.gan4j.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON for configuration records (records, numbers, strings, enums, lists, null): a writer that builds Gson's tree
 * and prints it with Gson, and a reader that builds the records back through their canonical constructors, so every
 * value is validated again.
 *
 * <p>Each record is written as an object whose {@code "type"} is the record's simple name; where the declared type is
 * a sealed interface, the reader picks the permitted record of that name. Non-finite doubles are written as strings
 * ({@code "NaN"}, {@code "Infinity"}). Parsing uses Gson's tree model; the mapping to records is ours, because the
 * records are immutable, polymorphic through sealed interfaces, and must fail with messages that name the field.
 */
final class Json {
    private Json() {
    }

    /** Gson's pretty printer; non-finite doubles never reach it (they are written as strings). */
    private static final Gson PRINTER = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    static String write(Object value) {
        return PRINTER.toJson(tree(value)) + "\n";
    }

    /** The JSON tree of a configuration value (see the class description). */
    private static JsonElement tree(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        } else if (v instanceof Double dv && !Double.isFinite(dv)) {
            return new JsonPrimitive(dv.toString());
        } else if (v instanceof Float fv && !Float.isFinite(fv)) {
            return new JsonPrimitive(fv.toString());
        } else if (v instanceof Number n) {
            return new JsonPrimitive(n);
        } else if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        } else if (v instanceof Collection<?> c) {
            JsonArray array = new JsonArray();
            for (Object o : c) {
                array.add(tree(o));
            }
            return array;
        } else if (v instanceof Record r) {
            JsonObject object = new JsonObject();
            object.addProperty("type", r.getClass().getSimpleName());
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    object.add(rc.getName(), tree(rc.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc.getName() + " of " + r.getClass(), e);
                }
            }
            return object;
        }
        return new JsonPrimitive(v.toString());
    }

    /**
     * Reads a record of type {@code type} from JSON written by {@link #write(Object)} (or by hand).
     *
     * @throws IllegalArgumentException naming the field (as a path such as {@code generator.latentSize}) and what was
     *                                  expected, for malformed JSON, a missing or unknown field, a value of the wrong
     *                                  kind, an unknown {@code "type"}, or a value the record itself rejects
     */
    static <T> T read(String json, Class<T> type) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        return type.cast(convert(root, type, ""));
    }

    private static Object convert(JsonElement e, Type type, String path) {
        Class<?> raw = type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) type;
        if (e == null || e.isJsonNull()) {
            if (raw.isPrimitive()) {
                throw error(path, "a " + kind(raw), "null");
            }
            return null;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            // the exact conversions reject fractions and values out of range
            try {
                BigDecimal n = number(e, raw, path);
                return raw == int.class || raw == Integer.class ? (Object) n.intValueExact() : n.longValueExact();
            } catch (ArithmeticException notWhole) {
                throw error(path, "a " + kind(raw), e);
            }
        }
        if (raw == double.class || raw == Double.class) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                String text = e.getAsString();
                if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
                    return Double.parseDouble(text);
                }
            }
            return number(e, raw, path).doubleValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
                return e.getAsBoolean();
            }
            throw error(path, "true or false", e);
        }
        if (raw == String.class) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                return e.getAsString();
            }
            throw error(path, "a string", e);
        }
        if (raw.isEnum()) {
            return enumValue(e, raw, path);
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!e.isJsonArray()) {
                throw error(path, "a list", e);
            }
            Type elementType = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
            JsonArray array = e.getAsJsonArray();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                list.add(convert(array.get(i), elementType, path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(list);
        }
        if (raw.isRecord() || raw.isSealed()) {
            if (!e.isJsonObject()) {
                throw error(path, "an object (" + raw.getSimpleName() + ")", e);
            }
            return record(e.getAsJsonObject(), raw, path);
        }
        throw new IllegalStateException("cannot read values of type " + raw.getName() + " at " + where(path));
    }

    private static Object record(JsonObject o, Class<?> declared, String path) {
        JsonElement typeName = o.get("type");
        Class<?> recordClass = declared;
        if (declared.isSealed()) {
            Set<Class<?>> choices = new LinkedHashSet<>();
            permittedRecords(declared, choices);
            if (typeName == null) {
                throw new IllegalArgumentException(where(path) + ": \"type\" is missing; expected one of "
                        + simpleNames(choices));
            }
            recordClass = null;
            for (Class<?> c : choices) {
                if (c.getSimpleName().equals(typeName.isJsonPrimitive() ? typeName.getAsString() : "")) {
                    recordClass = c;
                }
            }
            if (recordClass == null) {
                throw new IllegalArgumentException(where(path) + ": unknown type " + typeName + "; expected one of "
                        + simpleNames(choices));
            }
        } else if (typeName != null && !(typeName.isJsonPrimitive()
                && typeName.getAsString().equals(declared.getSimpleName()))) {
            throw new IllegalArgumentException(where(path) + ": type " + typeName + " found, expected \""
                    + declared.getSimpleName() + "\"");
        }
        RecordComponent[] components = recordClass.getRecordComponents();
        Set<String> unknown = new LinkedHashSet<>(o.keySet());
        unknown.remove("type");
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        // a record that grew trailing components keeps a public constructor of the earlier ones: JSON written before
        // reads through it (e.g. InfoCodes(categories, continuous, lambda) before headHidden)
        int present = components.length;
        while (present > 0 && !o.has(components[present - 1].getName())) {
            present--;
        }
        Constructor<?> earlier = null;
        if (present < components.length) {
            Class<?>[] earlierTypes = new Class<?>[present];
            for (int i = 0; i < present; i++) {
                earlierTypes[i] = components[i].getType();
            }
            try {
                earlier = recordClass.getConstructor(earlierTypes);
            } catch (NoSuchMethodException ex) {
                // no such constructor: the missing components are reported below
            }
        }
        int read = earlier != null ? present : components.length;
        for (int i = 0; i < read; i++) {
            RecordComponent rc = components[i];
            String field = path.isEmpty() ? rc.getName() : path + "." + rc.getName();
            if (!o.has(rc.getName())) {
                if (rc.getType().isPrimitive()) {
                    throw new IllegalArgumentException(field + ": missing (" + recordClass.getSimpleName() + " needs "
                            + componentNames(components) + ")");
                }
                // an optional part added in a later version (e.g. GanConfig.info) reads as absent; a required one
                // is then refused by the record's own validation, which names it
                types[i] = rc.getType();
                continue;
            }
            unknown.remove(rc.getName());
            args[i] = convert(o.get(rc.getName()), rc.getGenericType(), field);
            types[i] = rc.getType();
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where(path) + ": unknown field(s) " + unknown + " for "
                    + recordClass.getSimpleName() + "; expected " + componentNames(components));
        }
        try {
            if (earlier != null) {
                return earlier.newInstance(Arrays.copyOf(args, present));
            }
            Constructor<?> constructor = recordClass.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                throw new IllegalArgumentException(where(path) + ": " + cause.getMessage(), cause);
            }
            throw new IllegalStateException("cannot build " + recordClass.getSimpleName() + " at " + where(path),
                    cause);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot build " + recordClass.getSimpleName() + " at " + where(path), ex);
        }
    }

    private static void permittedRecords(Class<?> sealed, Set<Class<?>> out) {
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isRecord()) {
                out.add(c);
            } else if (c.isSealed()) {
                permittedRecords(c, out);
            }
        }
    }

    private static Object enumValue(JsonElement e, Class<?> raw, String path) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(e.getAsString())) {
                    return constant;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Object constant : raw.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        throw error(path, "one of " + names, e);
    }

    private static BigDecimal number(JsonElement e, Class<?> raw, String path) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return e.getAsBigDecimal();
            } catch (NumberFormatException ex) {
                throw error(path, "a " + kind(raw), e);
            }
        }
        throw error(path, "a " + kind(raw), e);
    }

    private static String kind(Class<?> raw) {
        if (raw == int.class || raw == Integer.class) {
            return "whole number (32-bit)";
        }
        if (raw == long.class || raw == Long.class) {
            return "whole number (64-bit)";
        }
        if (raw == double.class || raw == Double.class) {
            return "number";
        }
        return raw.getSimpleName();
    }

    private static IllegalArgumentException error(String path, String expected, Object found) {
        String shown = String.valueOf(found);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new IllegalArgumentException(where(path) + ": expected " + expected + ", got " + shown);
    }

    private static String where(String path) {
        return path.isEmpty() ? "the configuration" : path;
    }

    private static List<String> simpleNames(Collection<Class<?>> classes) {
        return classes.stream().map(Class::getSimpleName).toList();
    }

    private static List<String> componentNames(RecordComponent[] components) {
        List<String> names = new ArrayList<>();
        for (RecordComponent rc : components) {
            names.add(rc.getName());
        }
        return names;
    }
}
