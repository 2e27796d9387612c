package org.gan4j.kernel.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * A widget with a view on the page: a {@link Layout}, a {@link Style} where the dialect has one, and a description
 * (the label beside a control).
 */
public abstract class DomWidget extends Widget {

    private final Layout layout = new Layout();
    private final Style style;
    private volatile String description;

    /**
     * @param description the label shown beside the control ({@code ""} for none)
     * @param styleKind   the kind of style the control has, {@code null} for none (images, boxes, outputs)
     */
    protected DomWidget(String description, Style.Kind styleKind) {
        this.description = description == null ? "" : description;
        this.style = new Style(styleKind);
    }

    /** @return the layout, to set CSS properties such as {@code width} */
    public Layout layout() {
        return layout;
    }

    /** @return the style, to set e.g. {@code description_width} */
    public Style style() {
        return style;
    }

    /** @return the description (label) */
    public String description() {
        return description;
    }

    /**
     * @param text the new description (label)
     * @return this widget
     */
    public DomWidget description(String text) {
        description = text == null ? "" : text;
        changed("description");
        return this;
    }

    @Override
    protected List<Widget> references(WidgetDialect dialect) {
        List<Widget> refs = new ArrayList<>();
        refs.add(layout);
        if (Style.exists(dialect, style.kind())) {
            refs.add(style);
        }
        return refs;
    }

    /**
     * Writes the layout, style and description, then {@link #writeValues(State)}.
     *
     * @param state where to write
     */
    @Override
    protected final void writeState(State state) {
        state.put("_dom_classes", List.of());
        state.reference("layout", layout);
        if (Style.exists(state.dialect(), style.kind())) {
            state.reference("style", style);
        }
        state.put("description", description);
        if (state.dialect() == WidgetDialect.IPYWIDGETS_7) {
            state.put("description_tooltip", (String) null);
        }
        writeValues(state);
    }

    /**
     * Writes the widget's own attributes.
     *
     * @param state where to write
     */
    protected abstract void writeValues(State state);

    /** @return the description as HTML for a static view, followed by a space, or nothing */
    protected String descriptionHtml() {
        return description.isEmpty() ? "" : "<span>" + escape(description) + "</span> ";
    }
}
