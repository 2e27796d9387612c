package org.gan4j.kernel.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.gan4j.kernel.widgets.Box;
import org.gan4j.kernel.widgets.Button;
import org.gan4j.kernel.widgets.Dropdown;
import org.gan4j.kernel.widgets.ImageWidget;
import org.gan4j.kernel.widgets.Play;
import org.gan4j.kernel.widgets.Widget;
import org.gan4j.kernel.widgets.WidgetChannel;
import org.gan4j.kernel.widgets.WidgetDialect;
import org.gan4j.kernel.widgets.WidgetManager;
import org.gan4j.loss.GanLoss;
import org.junit.jupiter.api.Test;

/** The playground driven as the browser drives it: play ticks, step clicks, settings and data changes. */
class PlaygroundTest {

    private final List<String> log = new ArrayList<>();
    private final WidgetManager manager = new WidgetManager(WidgetChannel.DETACHED, WidgetDialect.IPYWIDGETS_7, true,
            log::add);

    private static JsonObject update(String key, Object value) {
        return JsonParser.parseString("{\"method\":\"update\",\"state\":{\"" + key + "\":"
                + (value instanceof String ? "\"" + value + "\"" : value) + "}}").getAsJsonObject();
    }

    private static final JsonObject CLICK = JsonParser.parseString(
            "{\"method\":\"custom\",\"content\":{\"event\":\"click\"}}").getAsJsonObject();

    private static <T extends Widget> T find(Box box, Class<T> type, int nth) {
        List<T> found = new ArrayList<>();
        collect(box, type, found);
        return found.get(nth);
    }

    private static <T extends Widget> void collect(Widget w, Class<T> type, List<T> found) {
        if (type.isInstance(w)) {
            found.add(type.cast(w));
        }
        if (w instanceof Box) {
            for (Widget c : ((Box) w).children()) {
                collect(c, type, found);
            }
        }
    }

    @Test
    void playTicksStepClicksSettingsAndDataChangesDriveTheRun() {
        Playground pg = Playground.create(3);
        Box box = pg.widget();
        manager.open(box);
        ImageWidget picture = find(box, ImageWidget.class, 0);
        byte[] untrained = picture.png();
        assertTrue(pg.status().startsWith("step 0"), pg.status());

        Play play = find(box, Play.class, 0);
        manager.receive(play.id(), update("value", 1), List.of());
        manager.receive(play.id(), update("value", 2), List.of());
        assertEquals(2L * Playground.STEPS_PER_TICK, pg.step(), "each play tick trains STEPS_PER_TICK steps");
        assertFalse(Arrays.equals(untrained, picture.png()), "the picture follows the training");
        assertTrue(pg.status().startsWith("step " + 2 * Playground.STEPS_PER_TICK + " · loss D"), pg.status());

        Button step = find(box, Button.class, 0);
        manager.receive(step.id(), CLICK, List.of());
        assertEquals(3L * Playground.STEPS_PER_TICK, pg.step());

        @SuppressWarnings("unchecked")
        Dropdown<String> loss = (Dropdown<String>) find(box, Dropdown.class, 1);
        manager.receive(loss.id(), update("index", loss.labels().indexOf("hinge")), List.of());
        assertEquals(GanLoss.hinge(), pg.session().config().loss());
        assertEquals(3L * Playground.STEPS_PER_TICK, pg.step(), "a new loss continues the run");
        manager.receive(step.id(), CLICK, List.of());
        assertEquals(4L * Playground.STEPS_PER_TICK, pg.step());

        @SuppressWarnings("unchecked")
        Dropdown<Object> data = (Dropdown<Object>) find(box, Dropdown.class, 0);
        manager.receive(data.id(), update("index", data.labels().indexOf("two moons")), List.of());
        assertEquals(0, pg.step(), "other data starts a new run");
        assertEquals(List.of(), log, "no listener failed");
    }

    @Test
    void trainingWithoutABrowserAndBadNames() {
        Playground pg = Playground.create(4).data("5x5 grid").loss("Wasserstein + GP");
        pg.train(5);
        assertEquals(5, pg.step());
        assertTrue(pg.toString().contains("5x5 grid"), pg.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pg.data("moon"));
        assertTrue(e.getMessage().contains("two moons"), e.getMessage());
    }
}
