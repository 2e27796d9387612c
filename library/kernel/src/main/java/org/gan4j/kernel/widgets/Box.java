package org.gan4j.kernel.widgets;

import java.util.ArrayList;
import java.util.List;

/** Widgets side by side ({@link #horizontal}) or stacked ({@link #vertical}). */
public final class Box extends DomWidget {

    private final boolean horizontal;
    private final List<Widget> children;

    private Box(boolean horizontal, List<? extends Widget> children) {
        super("", null);
        this.horizontal = horizontal;
        this.children = List.copyOf(children);
    }

    /**
     * @param children the widgets, left to right
     * @return an {@code HBox}
     */
    public static Box horizontal(Widget... children) {
        return new Box(true, List.of(children));
    }

    /**
     * @param children the widgets, top to bottom
     * @return a {@code VBox}
     */
    public static Box vertical(Widget... children) {
        return new Box(false, List.of(children));
    }

    /** @return the children, in order */
    public List<Widget> children() {
        return children;
    }

    @Override
    protected List<Widget> references(WidgetDialect dialect) {
        List<Widget> refs = new ArrayList<>(super.references(dialect));
        refs.addAll(children);
        return refs;
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return horizontal ? "HBoxModel" : "VBoxModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return horizontal ? "HBoxView" : "VBoxView";
    }

    @Override
    protected void writeValues(State state) {
        state.references("children", children).put("box_style", "");
    }

    @Override
    protected String staticHtml() {
        StringBuilder html = new StringBuilder("<div style=\"display:flex;flex-direction:"
                + (horizontal ? "row" : "column") + ";gap:4px\">");
        for (Widget w : children) {
            html.append("<div>").append(w.staticHtml()).append("</div>");
        }
        return html.append("</div>").toString();
    }
}
