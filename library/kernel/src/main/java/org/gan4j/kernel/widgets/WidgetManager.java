package org.gan4j.kernel.widgets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The kernel's side of the Jupyter widget protocol: it opens a comm per model (after the models it references), sends
 * state updates, answers the frontend's state requests (a page reload) and its version check, and applies the
 * frontend's changes to the Java widgets, whose listeners then run.
 *
 * <p>One manager belongs to one kernel ({@link WidgetHost}); {@link #current()} finds it from a cell. Frontend
 * messages arrive on the kernel's shell thread; widgets may be changed from any thread, each message being sent
 * whole. A listener that throws does not break the widget: the error goes to the log given here.
 */
public final class WidgetManager {

    /** The comm target of widget models. */
    public static final String TARGET = "jupyter.widget";
    /** The comm target of ipywidgets 6's version check. */
    public static final String VERSION_TARGET = "jupyter.widget.version";
    /** The MIME type of a widget view in display data. */
    public static final String VIEW_MIME_TYPE = "application/vnd.jupyter.widget-view+json";

    private final WidgetChannel channel;
    private final boolean fixed;
    private final Consumer<String> log;
    private final Map<String, Widget> widgets = new ConcurrentHashMap<>();
    private final Map<String, Boolean> versionComms = new ConcurrentHashMap<>();
    private volatile WidgetDialect dialect;

    /**
     * @param channel where messages go
     * @param dialect the protocol spoken at first
     * @param fixed   {@code true}: keep that dialect even if a frontend reports another ({@link WidgetDialect#SETTING}
     *                was set)
     * @param log     where listener failures and dropped messages are reported
     */
    public WidgetManager(WidgetChannel channel, WidgetDialect dialect, boolean fixed, Consumer<String> log) {
        this.channel = channel;
        this.dialect = dialect;
        this.fixed = fixed;
        this.log = log;
    }

    /**
     * A manager whose dialect comes from the environment ({@link WidgetDialect#SETTING}), else ipywidgets 7's protocol
     * until a frontend reports ipywidgets 6.
     *
     * @param channel     where messages go
     * @param environment the process environment
     * @param log         where failures are reported
     * @return the manager
     * @throws IllegalArgumentException if the setting is not 6, 7 or 8
     */
    public static WidgetManager fromEnvironment(WidgetChannel channel, Map<String, String> environment,
            Consumer<String> log) {
        String setting = environment.get(WidgetDialect.SETTING);
        if (setting == null || setting.isBlank()) {
            return new WidgetManager(channel, WidgetDialect.IPYWIDGETS_7, false, log);
        }
        return new WidgetManager(channel, WidgetDialect.fromSetting(setting), true, log);
    }

    /** @return the running kernel's manager, or a detached one (widgets show their static HTML) outside a kernel */
    public static WidgetManager current() {
        BaseKernel kernel = BaseKernel.notebookKernel();
        if (kernel instanceof WidgetHost) {
            return ((WidgetHost) kernel).widgets();
        }
        return new WidgetManager(WidgetChannel.DETACHED, WidgetDialect.IPYWIDGETS_7, true, message -> { });
    }

    /** @return the dialect spoken now */
    public WidgetDialect dialect() {
        return dialect;
    }

    /** @return how many widget models are open */
    public int openCount() {
        return widgets.size();
    }

    /**
     * Opens a widget's comm, after those of the models it references; does nothing if it is open.
     *
     * @param widget the widget
     */
    public synchronized void open(Widget widget) {
        if (widget.manager() == this && widgets.containsKey(widget.id())) {
            return;
        }
        WidgetDialect d = dialect;
        for (Widget referenced : widget.references(d)) {
            open(referenced);
        }
        State state = widget.state(d);
        widget.attach(this);
        widgets.put(widget.id(), widget);
        channel.open(widget.id(), TARGET, d.openData(state.json(), state.bufferKeys()), d.openMetadata(),
                state.buffers());
    }

    /**
     * Opens the widget and returns what a cell shows for it: the widget view, and (except for ipywidgets 6, whose
     * frontend shows the view on a {@code display} message instead) a static HTML picture and a text description for
     * frontends and exports without widgets.
     *
     * @param widget the widget
     * @return the display data
     */
    public DisplayData display(Widget widget) {
        open(widget);
        WidgetDialect d = dialect;
        DisplayData data = new DisplayData();
        JsonObject view = new JsonObject();
        view.addProperty("model_id", widget.id());
        if (d != WidgetDialect.IPYWIDGETS_6) {
            view.addProperty("version_major", 2);
            view.addProperty("version_minor", 0);
            data.putText(widget.toString());
            data.putHTML(widget.staticHtml());
        }
        data.putData(VIEW_MIME_TYPE, view);
        if (d == WidgetDialect.IPYWIDGETS_6) {
            JsonObject show = new JsonObject();
            show.addProperty("method", "display");
            channel.send(widget.id(), show, List.of());
        }
        return data;
    }

    /**
     * Sends the named attributes of an open widget.
     *
     * @param widget the widget
     * @param keys   the attributes
     */
    void update(Widget widget, List<String> keys) {
        WidgetDialect d = dialect;
        State changed = widget.state(d).only(keys);
        JsonObject json = changed.json();
        if (json.size() == 0 && changed.binary().isEmpty()) {
            return;
        }
        channel.send(widget.id(), d.update(json, changed.bufferKeys()), changed.buffers());
    }

    /**
     * Closes a widget's comm; it can be shown again later (a new view of the same state).
     *
     * @param widget the widget
     */
    public void close(Widget widget) {
        if (widgets.remove(widget.id()) != null) {
            widget.attach(null);
            channel.close(widget.id());
        }
    }

    /**
     * The frontend opened a comm.
     *
     * @param commId the comm id
     * @param target its target name
     * @return whether the comm is accepted (else the kernel closes it)
     */
    public boolean frontendOpened(String commId, String target) {
        if (VERSION_TARGET.equals(target)) {
            versionComms.put(commId, Boolean.TRUE);
            // only widget protocol 1 frontends (ipywidgets 5 and 6) open this target; protocol 2 removed it. Deciding
            // here, not on the answer, matters: a cell queued behind this open runs before the answer can arrive.
            if (!fixed && widgets.isEmpty() && dialect != WidgetDialect.IPYWIDGETS_6) {
                dialect = WidgetDialect.IPYWIDGETS_6;
                log.accept("widgets: the frontend asked for ipywidgets 6's version check; speaking ipywidgets 6");
            }
            JsonObject version = new JsonObject();
            version.addProperty("version", WidgetDialect.IPYWIDGETS_6.moduleVersion(WidgetDialect.Module.CONTROLS));
            channel.send(commId, version, List.of());
            return true;
        }
        log.accept("widgets: the frontend opened a comm to '" + target + "', which gan4j does not serve; closed");
        return false;
    }

    /**
     * The frontend closed a comm.
     *
     * @param commId the comm id
     */
    public void frontendClosed(String commId) {
        versionComms.remove(commId);
        Widget w = widgets.remove(commId);
        if (w != null) {
            w.attach(null);
        }
    }

    /**
     * A message from the frontend to a comm: a state change, a state request or a custom message, or the answer to
     * the version check.
     *
     * @param commId  the comm id
     * @param data    the comm data
     * @param buffers the binary buffers
     */
    public void receive(String commId, JsonObject data, List<byte[]> buffers) {
        if (versionComms.containsKey(commId)) {
            versionAnswered(data);
            return;
        }
        Widget widget = widgets.get(commId);
        if (widget == null) {
            log.accept("widgets: a message for unknown comm " + commId + " was dropped");
            return;
        }
        WidgetDialect.Incoming in = dialect.read(data, buffers);
        try {
            switch (in.kind()) {
                case UPDATE:
                    for (Map.Entry<String, JsonElement> e : in.state().entrySet()) {
                        widget.receive(e.getKey(), e.getValue(), null);
                    }
                    for (Map.Entry<String, byte[]> e : in.binary().entrySet()) {
                        widget.receive(e.getKey(), null, e.getValue());
                    }
                    break;
                case REQUEST_STATE:
                    update(widget, null);
                    break;
                case CUSTOM:
                    widget.receiveCustom(in.content());
                    break;
                default:
                    log.accept("widgets: unknown method in " + data + " for " + widget);
            }
        } catch (RuntimeException failed) {
            log.accept("widgets: " + widget + " failed on " + in.kind() + ": " + failed);
        }
    }

    private void versionAnswered(JsonObject data) {
        JsonElement validated = data.get("validated");
        if (validated != null && validated.isJsonPrimitive() && !validated.getAsBoolean()) {
            log.accept("widgets: the frontend's jupyter-js-widgets " + data.get("frontend_version")
                    + " does not satisfy " + WidgetDialect.IPYWIDGETS_6.moduleVersion(WidgetDialect.Module.CONTROLS)
                    + "; widgets may not show");
        }
    }
}
