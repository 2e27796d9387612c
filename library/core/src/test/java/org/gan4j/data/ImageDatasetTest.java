package org.gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ImageDatasetTest {

    /** n images of 1x2x2 where image i has all pixels = normalise(i * 10); labels i % 3. */
    static ImageDataset sample(int n) {
        float[] p = new float[n * 4];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                p[i * 4 + j] = Pixels.normalise(i * 10 + j);
            }
            l[i] = i % 3;
        }
        return ImageDataset.of(p, l, List.of("x", "y", "z"), 1, 2, 2, "sample");
    }

    @Test
    void accessorsAndShape() {
        ImageDataset ds = sample(5);
        assertEquals(5, ds.size());
        assertArrayEquals(new long[] {5, 1, 2, 2}, ds.shape());
        assertEquals(4, ds.imageSize());
        assertEquals(3, ds.numClasses());
        assertEquals("z", ds.className(2));
        assertEquals(1, ds.label(4));
        assertEquals(Pixels.normalise(31), ds.pixel(3, 0, 0, 1));
        assertArrayEquals(new float[] {Pixels.normalise(20), Pixels.normalise(21), Pixels.normalise(22),
                Pixels.normalise(23)}, ds.image(2));
        assertArrayEquals(new int[] {2, 2, 1}, ds.classCounts());
    }

    @Test
    void isImmutable() {
        float[] p = new float[4];
        int[] l = {0};
        ImageDataset ds = ImageDataset.of(p, l, List.of("only"), 1, 2, 2, "t");
        String before = ds.fingerprint();
        p[0] = 1f;
        l[0] = 5;
        ds.pixels()[1] = 1f;
        ds.image(0)[2] = 1f;
        ds.labels()[0] = 3;
        assertEquals(0f, ds.pixel(0, 0, 0, 0));
        assertEquals(0, ds.label(0));
        assertEquals(before, ds.fingerprint());
        assertThrows(UnsupportedOperationException.class, () -> ds.classNames().add("more"));
    }

    @Test
    void validates() {
        assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.of(new float[3], new int[] {0}, List.of("a"), 1, 2, 2, "t"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.of(new float[4], new int[] {1}, List.of("a"), 1, 2, 2, "t"));
        assertTrue(e.getMessage().contains("expected 0..0"), e.getMessage());
    }

    @Test
    void ndArrays() {
        ImageDataset ds = sample(5);
        INDArray x = ds.features();
        assertArrayEquals(new long[] {5, 1, 2, 2}, x.shape());
        assertEquals(DataType.FLOAT, x.dataType());
        assertEquals(ds.pixel(3, 0, 1, 0), x.getFloat(3, 0, 1, 0));
        INDArray batch = ds.features(1, 3);
        assertArrayEquals(new long[] {2, 1, 2, 2}, batch.shape());
        assertEquals(ds.pixel(2, 0, 1, 1), batch.getFloat(1, 0, 1, 1));
        INDArray y = ds.labelsOneHot();
        assertArrayEquals(new long[] {5, 3}, y.shape());
        assertEquals(1f, y.getFloat(4, 1));
        assertEquals(0f, y.getFloat(4, 0));
        assertEquals(5.0, y.sumNumber().doubleValue(), 1e-9);
    }

    @Test
    void subsets() {
        ImageDataset ds = sample(7);
        ImageDataset sub = ds.subset(6, 0, 6);
        assertEquals(3, sub.size());
        assertArrayEquals(ds.image(6), sub.image(0));
        assertArrayEquals(ds.image(0), sub.image(1));
        assertEquals(ds.label(6), sub.label(2));
        assertEquals(2, ds.take(2).size());
        assertEquals(7, ds.take(100).size());
        ImageDataset ofY = ds.ofClass(1);
        assertArrayEquals(new int[] {1, 1}, ofY.labels());
        assertArrayEquals(ds.image(4), ofY.image(1));
        ImageDataset s1 = ds.shuffled(42);
        assertEquals(s1.fingerprint(), ds.shuffled(42).fingerprint());
        assertArrayEquals(ds.classCounts(), s1.classCounts());
        assertNotEquals(ds.fingerprint(), s1.fingerprint());
        assertThrows(IndexOutOfBoundsException.class, () -> ds.subset(7));
    }

    @Test
    void fingerprintFollowsContentNotSource() {
        ImageDataset a = sample(4);
        ImageDataset b = ImageDataset.of(a.pixels(), a.labels(), a.classNames(), 1, 2, 2, "elsewhere");
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(64, a.fingerprint().length());
        float[] p = a.pixels();
        p[5] = 0.123f;
        assertNotEquals(a.fingerprint(), ImageDataset.of(p, a.labels(), a.classNames(), 1, 2, 2, "x").fingerprint());
        int[] l = a.labels();
        l[0] = 2;
        assertNotEquals(a.fingerprint(), ImageDataset.of(a.pixels(), l, a.classNames(), 1, 2, 2, "x").fingerprint());
    }

    @Test
    void readableToString() {
        String s = sample(5).toString();
        assertTrue(s.contains("5 images"), s);
        assertTrue(s.contains("1x2x2"), s);
        assertTrue(s.contains("3 classes"), s);
        assertTrue(s.contains("x: 2"), s);
        assertTrue(s.contains("source: sample"), s);
    }

    @Test
    void fromNdArrays() {
        ImageDataset ds = sample(4);
        INDArray view = ds.features().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3));
        ImageDataset part = ImageDataset.of(view.castTo(DataType.DOUBLE), new int[] {1, 2}, ds.classNames(), "view");
        assertEquals(ds.subset(1, 2).fingerprint(), part.fingerprint());
        ImageDataset unlabelled = ImageDataset.of(ds.features(), "generator");
        assertEquals(List.of("unlabelled"), unlabelled.classNames());
        assertArrayEquals(new int[] {4}, unlabelled.classCounts());
        assertArrayEquals(ds.pixels(), unlabelled.pixels());
        assertThrows(IllegalArgumentException.class, () -> ImageDataset.of(ds.labelsOneHot(), "2-d"));
    }
}
