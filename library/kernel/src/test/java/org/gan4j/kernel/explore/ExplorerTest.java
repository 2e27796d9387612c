package org.gan4j.kernel.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonParser;

import org.gan4j.info.InfoCodes;
import org.gan4j.kernel.widgets.Box;
import org.gan4j.kernel.widgets.Dropdown;
import org.gan4j.kernel.widgets.FloatSlider;
import org.gan4j.kernel.widgets.IntSlider;
import org.gan4j.kernel.widgets.Widget;
import org.gan4j.kernel.widgets.WidgetChannel;
import org.gan4j.kernel.widgets.WidgetDialect;
import org.gan4j.kernel.widgets.WidgetManager;
import org.gan4j.nn.DcganGenerator;
import org.gan4j.nn.Generator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/** The explorer's controls, moved as the browser moves them, change the view and the picture. */
class ExplorerTest {

    private final List<String> log = new ArrayList<>();
    private final WidgetManager manager = new WidgetManager(WidgetChannel.DETACHED, WidgetDialect.IPYWIDGETS_7, true,
            log::add);

    private static List<Widget> all(Widget w) {
        List<Widget> out = new ArrayList<>();
        out.add(w);
        if (w instanceof Box) {
            for (Widget c : ((Box) w).children()) {
                out.addAll(all(c));
            }
        }
        return out;
    }

    private static <T extends Widget> T named(Box box, Class<T> type, String description) {
        for (Widget w : all(box)) {
            if (type.isInstance(w) && w instanceof org.gan4j.kernel.widgets.DomWidget
                    && ((org.gan4j.kernel.widgets.DomWidget) w).description().equals(description)) {
                return type.cast(w);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " '" + description + "'");
    }

    private void move(Widget w, String key, Object value) {
        manager.receive(w.id(), JsonParser.parseString("{\"method\":\"update\",\"state\":{\"" + key + "\":" + value
                + "}}").getAsJsonObject(), List.of());
    }

    @Test
    void conditionalGeneratorSeedDirectionAndClassControls() {
        DcganGenerator spec = DcganGenerator.builder().numClasses(3).latentSize(8).baseWidth(4).build();
        Generator g = Generator.of(spec, spec.create(1, new Adam(1e-3), DataType.FLOAT));
        Explorer explorer = Explorer.of(g, List.of("tee", "trouser", "bag"));
        Box box = explorer.widget();
        manager.open(box);
        byte[] first = explorer.image().png();

        move(named(box, IntSlider.class, "seed"), "value", 7);
        assertEquals(7, explorer.view().seed());
        byte[] seeded = explorer.image().png();
        assertFalse(Arrays.equals(first, seeded), "a new seed redraws the grid");

        move(named(box, FloatSlider.class, "direction 2"), "value", 1.5);
        assertEquals(1.5, explorer.view().directions()[1]);
        @SuppressWarnings("unchecked")
        Dropdown<Integer> b = named(box, Dropdown.class, "class B");
        assertEquals(List.of("tee", "trouser", "bag"), b.labels());
        move(b, "index", 2);
        move(named(box, FloatSlider.class, "blend"), "value", 1.0);
        assertEquals(2, explorer.view().classB());
        assertEquals(1.0, explorer.view().blend());
        assertFalse(Arrays.equals(seeded, explorer.image().png()));
        assertEquals(List.of(), log);
    }

    @Test
    void infoGanGetsOneSliderPerCode() {
        DcganGenerator spec = DcganGenerator.builder().latentSize(8).baseWidth(4).build();
        Generator g = Generator.of(spec, spec.create(1, new Adam(1e-3), DataType.FLOAT));
        Explorer explorer = Explorer.of(g, new InfoCodes(4, 2, 1.0));
        Box box = explorer.widget();
        manager.open(box);
        byte[] before = explorer.image().png();
        move(named(box, IntSlider.class, "category"), "value", 3);
        move(named(box, FloatSlider.class, "code 2"), "value", -1.0);
        assertEquals(3, explorer.view().category());
        assertEquals(-1.0, explorer.view().continuous()[1]);
        assertFalse(Arrays.equals(before, explorer.image().png()));
        assertTrue(explorer.toString().startsWith("Explorer["), explorer.toString());
    }
}
