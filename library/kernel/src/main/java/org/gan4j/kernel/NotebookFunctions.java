package org.gan4j.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.gan4j.kernel.widgets.HasWidget;
import org.gan4j.kernel.widgets.Widget;
import org.gan4j.kernel.widgets.WidgetManager;

/**
 * Functions every notebook cell can call without imports (the start-up script imports them statically), as in IJava.
 *
 * <pre>{@code
 * String id = display(image);          // show now, keep the id
 * updateDisplay(id, nextImage);        // replace that output in place
 * display(chart, "image/svg+xml");     // ask for particular MIME types
 * render(table)                        // the display data itself, e.g. as a cell's value
 * clearOutput(true); display(frame);   // animate: replace the cell's output
 * }</pre>
 */
public final class NotebookFunctions {

    private static final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType WIDGET_VIEW =
            org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(WidgetManager.VIEW_MIME_TYPE);

    private NotebookFunctions() {
    }

    /**
     * Shows {@code value} in the cell's output now, rendered in its preferred MIME types.
     *
     * @param value anything; images, charts and tables show richly
     * @return the display id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        DisplayData data = render(value);
        return show(data);
    }

    /**
     * Shows {@code value} rendered as the given MIME types.
     *
     * @param value     anything
     * @param mimeTypes e.g. {@code "image/png"}, {@code "text/html"}, {@code "image/svg+xml"}
     * @return the display id
     */
    public static String display(Object value, String... mimeTypes) {
        DisplayData data = render(value, mimeTypes);
        return show(data);
    }

    /**
     * Replaces an output shown earlier by {@link #display(Object)}.
     *
     * @param id    the id {@code display} returned
     * @param value the new value
     */
    public static void updateDisplay(String id, Object value) {
        flushOutput();
        kernel().getIO().display.updateDisplay(id, render(value));
    }

    /**
     * Replaces an output shown earlier, rendering the new value as the given MIME types.
     *
     * @param id        the id {@code display} returned
     * @param value     the new value
     * @param mimeTypes the MIME types
     */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        flushOutput();
        kernel().getIO().display.updateDisplay(id, render(value, mimeTypes));
    }

    /**
     * Renders {@code value} in its preferred MIME types without showing it.
     *
     * @param value anything
     * @return the display data ({@code text/plain} always included)
     */
    public static DisplayData render(Object value) {
        if (value instanceof DisplayData) {
            return (DisplayData) value;
        }
        Widget widget = widgetOf(value);
        if (widget != null) {
            return WidgetManager.current().display(widget);
        }
        DisplayData data = kernel().getRenderer().render(value);
        return withText(data, value);
    }

    /**
     * Renders {@code value} as the given MIME types without showing it.
     *
     * @param value     anything
     * @param mimeTypes the MIME types
     * @return the display data
     */
    public static DisplayData render(Object value, String... mimeTypes) {
        if (mimeTypes == null || mimeTypes.length == 0) {
            return render(value);
        }
        return kernel().getRenderer().renderAs(value, mimeTypes);
    }

    /**
     * @param value anything
     * @return the widget that shows {@code value} (itself, or a {@link HasWidget}'s), or {@code null}
     */
    static Widget widgetOf(Object value) {
        if (value instanceof Widget) {
            return (Widget) value;
        }
        return value instanceof HasWidget ? ((HasWidget) value).widget() : null;
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears the cell's output.
     *
     * @param wait {@code true}: clear only when the next output arrives (smooth animations with
     *             {@code clearOutput(true); display(frame);})
     */
    public static void clearOutput(boolean wait) {
        BaseKernel k = kernel();
        if (!(k instanceof Gan4jKernel)) {
            throw new UnsupportedOperationException("clearOutput() needs the gan4j kernel");
        }
        ((Gan4jKernel) k).clearOutput(wait);
    }

    static DisplayData withText(DisplayData data, Object value) {
        if (data == null) {
            data = new DisplayData();
        }
        if (data.hasDataForType(WIDGET_VIEW)) {
            return data; // a widget: ipywidgets 6's frontend would show the text beside the view
        }
        if (!data.hasDataForType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)) {
            data.putText(String.valueOf(value));
        }
        return data;
    }

    private static String show(DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            id = java.util.UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        kernel().display(data);
        return id;
    }

    private static void flushOutput() {
        if (kernel() instanceof Gan4jKernel) {
            ((Gan4jKernel) kernel()).flushOutput();
        }
    }

    private static BaseKernel kernel() {
        return BaseKernel.notebookKernel();
    }
}
