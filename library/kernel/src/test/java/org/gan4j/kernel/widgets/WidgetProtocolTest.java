package org.gan4j.kernel.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/**
 * The kernel's side of the widget protocol against a recording channel: what each dialect sends on open, update,
 * display and state request, and what frontend messages do to the Java widgets.
 */
class WidgetProtocolTest {

    /** One message the manager sent. */
    record Sent(String kind, String commId, JsonObject data, Map<String, Object> metadata, List<byte[]> buffers) {
    }

    /** Records messages instead of sending them. */
    static final class Recorder implements WidgetChannel {
        final List<Sent> sent = new ArrayList<>();

        @Override
        public void open(String commId, String target, JsonObject data, Map<String, Object> metadata,
                List<byte[]> buffers) {
            assertEquals(WidgetManager.TARGET, target);
            sent.add(new Sent("open", commId, data, metadata, buffers));
        }

        @Override
        public void send(String commId, JsonObject data, List<byte[]> buffers) {
            sent.add(new Sent("msg", commId, data, Map.of(), buffers));
        }

        @Override
        public void close(String commId) {
            sent.add(new Sent("close", commId, new JsonObject(), Map.of(), List.of()));
        }

        Sent last() {
            return sent.get(sent.size() - 1);
        }
    }

    private final Recorder recorder = new Recorder();
    private final List<String> log = new ArrayList<>();

    private WidgetManager manager(WidgetDialect dialect) {
        return new WidgetManager(recorder, dialect, true, log::add);
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void protocol7OpensLayoutAndStyleFirstWithVersionedModulesAndProtocolMetadata() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        IntSlider slider = new IntSlider("steps", 0, 100, 1, 50);
        m.open(slider);
        assertEquals(3, recorder.sent.size());
        assertEquals(slider.layout().id(), recorder.sent.get(0).commId());
        assertEquals(slider.style().id(), recorder.sent.get(1).commId());
        Sent open = recorder.sent.get(2);
        assertEquals(slider.id(), open.commId());
        assertEquals(Map.of("version", "2.0.0"), open.metadata());
        JsonObject state = open.data().getAsJsonObject("state");
        assertEquals("IntSliderModel", state.get("_model_name").getAsString());
        assertEquals("@jupyter-widgets/controls", state.get("_model_module").getAsString());
        assertEquals("1.5.0", state.get("_model_module_version").getAsString());
        assertEquals("IPY_MODEL_" + slider.layout().id(), state.get("layout").getAsString());
        assertEquals("IPY_MODEL_" + slider.style().id(), state.get("style").getAsString());
        assertEquals(50, state.get("value").getAsInt());
        assertEquals("steps", state.get("description").getAsString());
        JsonObject layout = recorder.sent.get(0).data().getAsJsonObject("state");
        assertEquals("@jupyter-widgets/base", layout.get("_model_module").getAsString());
        assertEquals("1.2.0", layout.get("_model_module_version").getAsString());
        m.open(slider);
        assertEquals(3, recorder.sent.size(), "opening an open widget sends nothing");
    }

    @Test
    void frontendUpdateRunsTheListenerWithoutEchoAndAClampedValueIsSentBack() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        IntSlider slider = new IntSlider("n", 0, 100, 1, 50);
        List<Integer> seen = new ArrayList<>();
        slider.onChange(seen::add);
        m.open(slider);
        int before = recorder.sent.size();
        m.receive(slider.id(), json("{\"method\":\"update\",\"state\":{\"value\":42},\"buffer_paths\":[]}"),
                List.of());
        assertEquals(List.of(42), seen);
        assertEquals(42, slider.value());
        assertEquals(before, recorder.sent.size(), "a value the widget accepts as is is not echoed");
        m.receive(slider.id(), json("{\"method\":\"update\",\"state\":{\"value\":500}}"), List.of());
        assertEquals(100, slider.value());
        assertEquals(List.of(42, 100), seen);
        Sent echo = recorder.last();
        assertEquals("update", echo.data().get("method").getAsString());
        assertEquals(100, echo.data().getAsJsonObject("state").get("value").getAsInt());
    }

    @Test
    void javaChangesReachTheFrontendAndRunListeners() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        FloatSlider slider = new FloatSlider("lr", 0, 1, 0.01, 0.5);
        List<Double> seen = new ArrayList<>();
        slider.onChange(seen::add);
        m.open(slider);
        slider.value(0.25);
        assertEquals(List.of(0.25), seen);
        JsonObject update = recorder.last().data();
        assertEquals(json("{\"value\":0.25}"), update.getAsJsonObject("state"));
        slider.value(0.25);
        assertEquals(List.of(0.25), seen, "setting the same value again is not a change");
    }

    @Test
    void stateRequestAfterReloadGetsTheWholeCurrentState() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        IntSlider slider = new IntSlider("n", 0, 10, 1, 3);
        m.open(slider);
        slider.value(7);
        m.receive(slider.id(), json("{\"method\":\"request_state\"}"), List.of());
        JsonObject state = recorder.last().data().getAsJsonObject("state");
        assertEquals(7, state.get("value").getAsInt());
        assertEquals("IntSliderModel", state.get("_model_name").getAsString());
        assertEquals(10, state.get("max").getAsInt());
    }

    @Test
    void protocol6SendsStateAsDataReadsBackboneSyncAndShowsTheViewByADisplayMessage() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_6);
        IntSlider slider = new IntSlider("n", 0, 10, 1, 3);
        List<Integer> seen = new ArrayList<>();
        slider.onChange(seen::add);
        DisplayData shown = m.display(slider);
        Sent open = recorder.sent.get(recorder.sent.size() - 2);
        assertEquals("open", open.kind());
        assertEquals("jupyter-js-widgets", open.data().get("_model_module").getAsString());
        assertEquals("~2.1.4", open.data().get("_model_module_version").getAsString());
        assertEquals(Map.of(), open.metadata());
        assertEquals(json("{\"method\":\"display\"}"), recorder.last().data());
        assertFalse(shown.hasDataForType(MIMEType.TEXT_PLAIN), "the text would show beside the view");
        assertTrue(shown.hasDataForType(MIMEType.parse(WidgetManager.VIEW_MIME_TYPE)));
        m.receive(slider.id(), json("{\"method\":\"backbone\",\"sync_data\":{\"value\":9}}"), List.of());
        assertEquals(List.of(9), seen);
        slider.value(2);
        JsonObject update = recorder.last().data();
        assertEquals("update", update.get("method").getAsString());
        assertEquals(2, update.getAsJsonObject("state").get("value").getAsInt());
        assertTrue(update.has("buffers"));
    }

    @Test
    void protocol7DisplayCarriesTheViewAStaticPictureAndText() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        IntSlider slider = new IntSlider("n", 0, 10, 1, 3);
        DisplayData shown = m.display(slider);
        JsonObject view = (JsonObject) shown.getData(MIMEType.parse(WidgetManager.VIEW_MIME_TYPE));
        assertEquals(slider.id(), view.get("model_id").getAsString());
        assertEquals(2, view.get("version_major").getAsInt());
        assertTrue(String.valueOf(shown.getData(MIMEType.TEXT_HTML)).contains("value=\"3\""));
        assertTrue(shown.hasDataForType(MIMEType.TEXT_PLAIN));
    }

    @Test
    void imagesTravelAsBinaryBuffersInProtocol7AndAsBase64InProtocol6() {
        BufferedImage red = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        red.setRGB(0, 0, 0xff0000);
        ImageWidget image = new ImageWidget(red);
        manager(WidgetDialect.IPYWIDGETS_7).open(image);
        Sent open7 = recorder.last();
        assertEquals(1, open7.buffers().size());
        assertArrayEquals(image.png(), open7.buffers().get(0));
        assertEquals("[[\"value\"]]", open7.data().get("buffer_paths").toString());
        assertFalse(open7.data().getAsJsonObject("state").has("value"));

        ImageWidget image6 = new ImageWidget(red);
        manager(WidgetDialect.IPYWIDGETS_6).open(image6);
        Sent open6 = recorder.last();
        assertTrue(open6.buffers().isEmpty());
        assertArrayEquals(image6.png(), Base64.getDecoder().decode(open6.data().get("_b64value").getAsString()));
    }

    @Test
    void replacingAnImageSendsOnlyTheNewBytes() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        ImageWidget image = new ImageWidget(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));
        m.open(image);
        BufferedImage white = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        white.setRGB(1, 1, 0xffffff);
        image.image(white);
        Sent update = recorder.last();
        assertEquals(json("{}"), update.data().getAsJsonObject("state"));
        assertArrayEquals(image.png(), update.buffers().get(0));
        image.image(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB));
        assertEquals(json("{\"width\":\"3\"}"), recorder.last().data().getAsJsonObject("state"),
                "a new size is shown at its own width");
    }

    @Test
    void dropdownSyncsTheIndexInProtocol7AndTheLabelInProtocol6() {
        Dropdown<Integer> d7 = Dropdown.of("k", Map.of("one", 1));
        Dropdown<String> loss = Dropdown.of("loss", List.of("hinge", "wgan-gp", "non-saturating"));
        WidgetManager m7 = manager(WidgetDialect.IPYWIDGETS_7);
        m7.open(loss);
        assertEquals(0, recorder.last().data().getAsJsonObject("state").get("index").getAsInt());
        m7.receive(loss.id(), json("{\"method\":\"update\",\"state\":{\"index\":2}}"), List.of());
        assertEquals("non-saturating", loss.value());

        Dropdown<String> loss6 = Dropdown.of("loss", List.of("hinge", "wgan-gp"));
        WidgetManager m6 = manager(WidgetDialect.IPYWIDGETS_6);
        m6.open(loss6);
        assertEquals("hinge", recorder.last().data().get("value").getAsString());
        m6.receive(loss6.id(), json("{\"method\":\"backbone\",\"sync_data\":{\"value\":\"wgan-gp\"}}"), List.of());
        assertEquals("wgan-gp", loss6.value());
        assertThrows(IllegalArgumentException.class, () -> loss6.value("no such loss"));
        assertEquals(1, d7.value());
    }

    @Test
    void buttonClicksArriveAsCustomMessages() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        Button step = new Button("step");
        int[] clicks = {0};
        step.onClick(() -> clicks[0]++);
        m.open(step);
        m.receive(step.id(), json("{\"method\":\"custom\",\"content\":{\"event\":\"click\"}}"), List.of());
        m.receive(step.id(), json("{\"method\":\"custom\",\"content\":{\"event\":\"click\"}}"), List.of());
        assertEquals(2, clicks[0]);
        step.disabled(true);
        m.receive(step.id(), json("{\"method\":\"custom\",\"content\":{\"event\":\"click\"}}"), List.of());
        assertEquals(2, clicks[0], "a disabled button ignores clicks");
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheWidgetKeepsWorking() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        IntSlider slider = new IntSlider("n", 0, 10, 1, 0);
        slider.onChange(v -> {
            if (v == 5) {
                throw new IllegalStateException("five is bad");
            }
        });
        m.open(slider);
        m.receive(slider.id(), json("{\"method\":\"update\",\"state\":{\"value\":5}}"), List.of());
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("five is bad"), log.get(0));
        m.receive(slider.id(), json("{\"method\":\"update\",\"state\":{\"value\":6}}"), List.of());
        assertEquals(6, slider.value());
    }

    @Test
    void versionCheckOpenSwitchesToProtocol6AtOnceUnlessTheSettingFixesTheDialect() {
        WidgetManager auto = new WidgetManager(recorder, WidgetDialect.IPYWIDGETS_7, false, log::add);
        assertTrue(auto.frontendOpened("v1", WidgetManager.VERSION_TARGET));
        assertEquals(WidgetDialect.IPYWIDGETS_6, auto.dialect(), "decided on the open: a queued cell runs next");
        assertEquals(json("{\"version\":\"~2.1.4\"}"), recorder.last().data());
        auto.receive("v1", json("{\"validated\":true,\"frontend_version\":\"2.1.4\"}"), List.of());
        assertEquals(WidgetDialect.IPYWIDGETS_6, auto.dialect());

        WidgetManager fixed = WidgetManager.fromEnvironment(recorder, Map.of(WidgetDialect.SETTING, "8"), log::add);
        fixed.frontendOpened("v2", WidgetManager.VERSION_TARGET);
        fixed.receive("v2", json("{\"validated\":true,\"frontend_version\":\"2.1.4\"}"), List.of());
        assertEquals(WidgetDialect.IPYWIDGETS_8, fixed.dialect());
        assertFalse(fixed.frontendOpened("x", "some.other.target"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> WidgetManager.fromEnvironment(recorder, Map.of(WidgetDialect.SETTING, "9"), log::add));
        assertTrue(bad.getMessage().contains(WidgetDialect.SETTING), bad.getMessage());
    }

    @Test
    void boxesOpenTheirChildrenFirstAndReferenceThem() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        Label label = new Label("hello");
        Button button = new Button("go");
        Box box = Box.horizontal(label, button);
        m.open(box);
        List<String> order = recorder.sent.stream().map(Sent::commId).toList();
        assertTrue(order.indexOf(label.id()) < order.indexOf(box.id()));
        assertTrue(order.indexOf(button.id()) < order.indexOf(box.id()));
        assertEquals("[\"IPY_MODEL_" + label.id() + "\",\"IPY_MODEL_" + button.id() + "\"]",
                recorder.last().data().getAsJsonObject("state").get("children").toString());
        assertEquals("HBoxModel", recorder.last().data().getAsJsonObject("state").get("_model_name").getAsString());
    }

    @Test
    void outputIsJupytersOutputModelInProtocol7AndHtmlInProtocol6() {
        Output out = new Output(value -> new DisplayData("shown: " + value));
        manager(WidgetDialect.IPYWIDGETS_7).open(out);
        out.show(42);
        JsonObject outputs = recorder.last().data().getAsJsonObject("state").getAsJsonArray("outputs").get(0)
                .getAsJsonObject();
        assertEquals("display_data", outputs.get("output_type").getAsString());
        assertEquals("shown: 42", outputs.getAsJsonObject("data").get("text/plain").getAsString());
        JsonObject state = recorder.sent.get(recorder.sent.size() - 2).data().getAsJsonObject("state");
        assertEquals("@jupyter-widgets/output", state.get("_model_module").getAsString());

        Output out6 = new Output(value -> new DisplayData("shown: " + value));
        manager(WidgetDialect.IPYWIDGETS_6).open(out6);
        out6.show("<b>");
        assertEquals("<div><pre>shown: &lt;b&gt;</pre></div>",
                recorder.last().data().getAsJsonObject("state").get("value").getAsString());
    }

    @Test
    void interactRecomputesTheImageWhenAControlChangesAndShowsErrorsBelowIt() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        IntSlider size = new IntSlider("size", 1, 8, 1, 2);
        Box box = Interact.of(size, s -> {
            if (s == 7) {
                throw new IllegalArgumentException("seven");
            }
            return new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        });
        m.open(box);
        ImageWidget image = (ImageWidget) box.children().get(1);
        Label error = (Label) box.children().get(2);
        byte[] before = image.png();
        m.receive(size.id(), json("{\"method\":\"update\",\"state\":{\"value\":5}}"), List.of());
        assertFalse(java.util.Arrays.equals(before, image.png()));
        assertArrayEquals(image.png(), recorder.last().buffers().get(0));
        m.receive(size.id(), json("{\"method\":\"update\",\"state\":{\"value\":7}}"), List.of());
        assertEquals("IllegalArgumentException: seven", error.value());
        m.receive(size.id(), json("{\"method\":\"update\",\"state\":{\"value\":3}}"), List.of());
        assertEquals("", error.value());
    }

    @Test
    void logSliderSpeaksValuesInProtocol7AndExponentsInProtocol6() {
        FloatLogSlider lr = new FloatLogSlider("lr", 10, -5, -1, 0.1, 2e-4);
        manager(WidgetDialect.IPYWIDGETS_7).open(lr);
        JsonObject s7 = recorder.last().data().getAsJsonObject("state");
        assertEquals("FloatLogSliderModel", s7.get("_model_name").getAsString());
        assertEquals(2e-4, s7.get("value").getAsDouble(), 0);
        FloatLogSlider lr6 = new FloatLogSlider("lr", 10, -5, -1, 0.1, 1e-3);
        WidgetManager m6 = manager(WidgetDialect.IPYWIDGETS_6);
        m6.open(lr6);
        assertEquals(-3, recorder.last().data().get("value").getAsDouble(), 1e-12);
        m6.receive(lr6.id(), json("{\"method\":\"backbone\",\"sync_data\":{\"value\":-2}}"), List.of());
        assertEquals(1e-2, lr6.value(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new FloatLogSlider("lr", 10, -1, -5, 0.1, 1e-3));
    }

    @Test
    void playNamesItsStateAsEachProtocolDoes() {
        Play play7 = new Play("", 0, 10, 1, 100);
        manager(WidgetDialect.IPYWIDGETS_7).open(play7);
        assertTrue(recorder.last().data().getAsJsonObject("state").has("_playing"));
        Play play8 = new Play("", 0, 10, 1, 100);
        WidgetManager m8 = manager(WidgetDialect.IPYWIDGETS_8);
        m8.open(play8);
        JsonObject state = recorder.last().data().getAsJsonObject("state");
        assertTrue(state.has("playing") && state.has("repeat") && !state.has("_playing"), state.toString());
        assertEquals(Map.of("version", "2.1.0"), recorder.last().metadata());
        m8.receive(play8.id(), json("{\"method\":\"update\",\"state\":{\"playing\":true}}"), List.of());
        assertTrue(play8.playing());
    }

    @Test
    void closedWidgetsStopReceivingAndDetachedWidgetsAreValueHolders() {
        WidgetManager m = manager(WidgetDialect.IPYWIDGETS_7);
        IntSlider slider = new IntSlider("n", 0, 10, 1, 0);
        m.open(slider);
        m.frontendClosed(slider.id());
        assertFalse(slider.isOpen());
        m.receive(slider.id(), json("{\"method\":\"update\",\"state\":{\"value\":4}}"), List.of());
        assertEquals(0, slider.value());
        IntSlider alone = new IntSlider("alone", 0, 10, 1, 0);
        alone.value(3);
        assertEquals(3, alone.value());
        assertNull(alone.manager());
    }
}
