package org.gan4j.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class CellPartsTest {

    @Test
    void splitsCodeAndLineMagicsInOrderKeepingLineNumbers() {
        List<CellParts.Part> parts = CellParts.parts("int a = 1;\n%maven g:a:1 --offline\nint b = 2;\nb");
        assertEquals(3, parts.size());
        assertEquals(new CellParts.Code("int a = 1;", 0), parts.get(0));
        CellParts.LineMagic magic = (CellParts.LineMagic) parts.get(1);
        assertEquals("maven", magic.name());
        assertEquals(List.of("g:a:1", "--offline"), magic.args());
        assertEquals(1, magic.firstLine());
        assertEquals(new CellParts.Code("int b = 2;\nb", 2), parts.get(2));
    }

    @Test
    void cellMagicTakesTheWholeBody() {
        CellParts.CellMagic m = CellParts.cellMagic("%%time\nint x = 1;\nx");
        assertEquals("time", m.name());
        assertEquals("int x = 1;\nx", m.body());
        assertNull(CellParts.cellMagic("int x = 1 % 2;"));
    }

    @Test
    void moduloIsNotAMagic() {
        assertEquals(1, CellParts.parts("int r = 7\n  % 3;").size());
        assertEquals(1, CellParts.parts("int r = 7 % 3;").size());
    }

    @Test
    void argumentsSplitLikeAShell() {
        assertEquals(List.of("a b", "c", "d'e"), CellParts.split("'a b' c \"d'e\""));
        assertEquals(List.of("x y"), CellParts.split("x\\ y"));
    }

    @Test
    void magicLinesAreBlankedForCompletenessChecks() {
        assertEquals("\nint x = 1;", CellParts.withoutMagics("%jars *.jar\nint x = 1;"));
    }
}
