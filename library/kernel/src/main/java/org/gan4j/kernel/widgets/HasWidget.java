package org.gan4j.kernel.widgets;

/**
 * Something a notebook shows as a widget: {@code display(x)}, or {@code x} as a cell's value, shows
 * {@link #widget()} (the playground, explorers).
 */
public interface HasWidget {

    /** @return the widget that shows this object */
    Widget widget();
}
