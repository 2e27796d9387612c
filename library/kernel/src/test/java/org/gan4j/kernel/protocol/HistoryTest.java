package org.gan4j.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void answersInTheProtocolShape() {
        History h = new History();
        h.add(1, "6 * 7", "42");
        h.add(2, "int x = 1;", null);
        h.add(3, "6 * 7", "42");
        assertEquals("[[1,2,\"int x = 1;\"],[1,3,\"6 * 7\"]]", h.tail(2, false).toString());
        assertEquals("[[1,3,[\"6 * 7\",\"42\"]]]", h.tail(1, true).toString());
        assertEquals("[[1,2,\"int x = 1;\"]]", h.range(1, 2, 3, false).toString());
        assertEquals("[[1,2,\"int x = 1;\"]]", h.range(0, 2, 3, false).toString());
        assertEquals(2, h.search("6 * 7", 0, false, false).size());
        assertEquals("[[1,3,\"6 * 7\"]]", h.search("6*", 0, true, false).toString());
        assertEquals(1, h.search("*", 1, false, false).size());
    }
}
