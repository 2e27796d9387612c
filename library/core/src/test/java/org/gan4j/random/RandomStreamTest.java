package org.gan4j.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomStreamTest {

    @Test
    void stateRestoresTheSequenceExactly() {
        RandomStream a = RandomStream.seeded(42);
        a.nextGaussian();
        a.nextInt(10);
        RandomStream b = RandomStream.fromState(a.state());
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void splitsAreIndependentAndDoNotAdvanceTheParent() {
        RandomStream root = RandomStream.seeded(1);
        long before = root.state();
        long x = root.split("data").nextLong();
        long y = root.split("latent").nextLong();
        assertEquals(before, root.state());
        assertNotEquals(x, y);
        assertEquals(x, RandomStream.seeded(1).split("data").nextLong());
    }

    @Test
    void distributionsLookRight() {
        RandomStream r = RandomStream.seeded(3);
        double sum = 0;
        double sq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sq += g * g;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sq / n, 0.01);
        int[] p = RandomStream.seeded(4).permutation(50);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        int[] identity = new int[50];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted);
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
    }
}
