package org.gan4j.kernel.widgets;

import com.google.gson.JsonElement;

/**
 * A play / pause / stop control that counts from {@code min} to {@code max}, one step every {@code interval}
 * milliseconds, in the browser: each count reaches the kernel as a new value. Listeners therefore run once per tick,
 * and the browser waits for the kernel to finish one before it sends the next, so a slow listener slows the count
 * instead of queueing ticks.
 */
public final class Play extends BoundedInt {

    private final int intervalMillis;
    private volatile boolean playing;

    /**
     * @param description    the label
     * @param min            the first count
     * @param max            the last count ({@code > min})
     * @param step           the count's step ({@code >= 1})
     * @param intervalMillis milliseconds between counts ({@code >= 1})
     * @throws IllegalArgumentException naming the parameter that is out of range
     */
    public Play(String description, int min, int max, int step, int intervalMillis) {
        super("Play", description, Style.Kind.DESCRIPTION, min, max, step, min);
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("Play '" + description + "': intervalMillis must be >= 1, got "
                    + intervalMillis);
        }
        this.intervalMillis = intervalMillis;
    }

    /** @return whether the browser is counting (the user pressed play and not pause or stop) */
    public boolean playing() {
        return playing;
    }

    @Override
    protected void receive(String key, JsonElement json, byte[] binary) {
        if ((key.equals("_playing") || key.equals("playing")) && json != null && json.isJsonPrimitive()) {
            playing = json.getAsBoolean();
        } else {
            super.receive(key, json, binary);
        }
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "PlayModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "PlayView";
    }

    @Override
    protected void writeAttributes(State state) {
        // ipywidgets 8 made the two attributes public: playing, repeat
        String prefix = state.dialect() == WidgetDialect.IPYWIDGETS_8 ? "" : "_";
        writeBounds(state).put("interval", intervalMillis)
                .put(prefix + "playing", playing).put(prefix + "repeat", false).put("show_repeat", true);
    }

    @Override
    protected String staticHtml() {
        return descriptionHtml() + "<button disabled>&#9654;</button>";
    }
}
