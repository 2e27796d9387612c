package org.gan4j.kernel.widgets;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.google.gson.JsonElement;

/**
 * A widget with one value that the user changes in the browser and Java code reads, sets and listens to.
 *
 * <pre>{@code
 * IntSlider steps = new IntSlider("steps", 0, 100, 1, 50);
 * steps.onChange(v -> System.err.println("now " + v));
 * display(steps);
 * steps.value(70);            // moves the slider in the browser too
 * }</pre>
 *
 * @param <T> the value's type
 */
public abstract class ValueWidget<T> extends DomWidget {

    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean disabled;
    private T value;

    /**
     * @param description the label
     * @param styleKind   the style's kind, or {@code null}
     * @param initial     the first value (not checked: subclasses check their arguments)
     */
    protected ValueWidget(String description, Style.Kind styleKind, T initial) {
        super(description, styleKind);
        this.value = initial;
    }

    /** @return the current value */
    public synchronized T value() {
        return value;
    }

    /**
     * Sets the value (brought into range, e.g. clamped to a slider's bounds), updates the frontend and runs the
     * listeners if it changed.
     *
     * @param newValue the new value
     * @return this widget
     */
    public ValueWidget<T> value(T newValue) {
        set(newValue, false);
        return this;
    }

    /**
     * @param listener runs with every new value (from the browser or from Java)
     * @return this widget
     */
    public ValueWidget<T> onChange(Consumer<? super T> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** @return whether the user can change the value */
    public boolean disabled() {
        return disabled;
    }

    /**
     * @param off {@code true}: the control is greyed out and cannot be changed in the browser
     * @return this widget
     */
    public ValueWidget<T> disabled(boolean off) {
        disabled = off;
        changed("disabled");
        return this;
    }

    /**
     * Brings a value into range.
     *
     * @param candidate a value
     * @return the value the widget takes
     */
    protected T coerce(T candidate) {
        return candidate;
    }

    /**
     * Writes the value under its key(s).
     *
     * @param state where to write
     * @param current the value
     */
    protected abstract void writeValue(State state, T current);

    /**
     * Reads a value the frontend sent.
     *
     * @param key  the attribute that changed
     * @param json its value
     * @return the value, or {@code null} if {@code key} is not the value's attribute
     */
    protected abstract T parse(String key, JsonElement json);

    /** @return the attributes that carry the value (e.g. {@code value}, or {@code index} for a dropdown) */
    protected List<String> valueKeys() {
        return List.of("value");
    }

    /**
     * Writes the widget's attributes besides the value and {@code disabled}.
     *
     * @param state where to write
     */
    protected abstract void writeAttributes(State state);

    @Override
    protected final void writeValues(State state) {
        state.put("disabled", disabled);
        T current;
        synchronized (this) {
            current = value;
        }
        writeValue(state, current);
        writeAttributes(state);
    }

    @Override
    protected void receive(String key, JsonElement json, byte[] binary) {
        T parsed = json == null ? null : parse(key, json);
        if (parsed != null) {
            set(parsed, true);
        }
    }

    private void set(T candidate, boolean fromFrontend) {
        T coerced = coerce(Objects.requireNonNull(candidate, "value"));
        boolean isNew;
        synchronized (this) {
            isNew = !Objects.equals(coerced, value);
            value = coerced;
        }
        if (!fromFrontend ? isNew : !Objects.equals(coerced, candidate)) {
            changed(valueKeys().toArray(String[]::new));
        }
        if (isNew) {
            for (Consumer<? super T> l : listeners) {
                l.accept(coerced);
            }
        }
    }
}
