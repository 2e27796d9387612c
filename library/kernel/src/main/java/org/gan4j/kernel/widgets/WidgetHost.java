package org.gan4j.kernel.widgets;

/** A kernel that shows widgets: it owns the {@link WidgetManager} that widgets displayed in its cells use. */
public interface WidgetHost {

    /** @return the kernel's widget manager */
    WidgetManager widgets();
}
