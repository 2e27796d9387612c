package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunModeTest {

    @Test
    void parsesQuickAndFullAndDefaultsToQuick() {
        assertEquals(RunMode.QUICK, RunMode.parse(null));
        assertEquals(RunMode.QUICK, RunMode.parse(" "));
        assertEquals(RunMode.QUICK, RunMode.parse("quick"));
        assertEquals(RunMode.FULL, RunMode.parse(" FULL "));
        assertEquals(300, RunMode.QUICK.choose(300, 4000));
        assertEquals(4000, RunMode.FULL.choose(300, 4000));
        assertEquals("b", RunMode.FULL.choose("a", "b"));
        assertEquals("quick", RunMode.QUICK.toString());
    }

    @Test
    void anythingElseNamesTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunMode.parse("fast"));
        assertTrue(e.getMessage().contains("GAN4J_MODE must be 'quick' or 'full', got 'fast'"), e.getMessage());
    }
}
