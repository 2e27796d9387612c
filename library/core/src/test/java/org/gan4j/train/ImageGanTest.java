package org.gan4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gan4j.nn.DcganDiscriminator;
import org.gan4j.nn.DcganGenerator;
import org.gan4j.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.gan4j.train.listeners.CheckpointSaver;
import org.gan4j.train.listeners.HistoryRecorder;
import org.gan4j.train.listeners.SampleSaver;

/** Tiny DCGANs (batch norm in both players): exact resume, snapshots, sample grids, live history. */
@ExtendWith(SingleNd4jThread.class)
class ImageGanTest {

    @TempDir
    Path tmp;

    private static GanConfig tinyConditionalDcgan(int steps) {
        return GanConfig.conditional(3).toBuilder()
                .generator(DcganGenerator.builder().numClasses(3).latentSize(8).baseWidth(4).build())
                .discriminator(DcganDiscriminator.builder().numClasses(3).baseWidth(4).build())
                .batchSize(4).steps(steps).snapshotEvery(2).snapshotSize(6).seed(3).build();
    }

    private static TrainingSet images() {
        INDArray x = RandomStream.seeded(1).gaussian(DataType.FLOAT, 10, 28 * 28).reshape(10, 1, 28, 28);
        return TrainingSet.labelled(org.nd4j.linalg.ops.transforms.Transforms.tanh(x), new int[]{0, 1, 2, 0, 1, 2,
                0, 1, 2, 0}, 3);
    }

    @Test
    void dcganResumesExactlyWithBatchNorm() throws IOException {
        TrainingSet data = images();
        GanResult straight = new GanTrainer(tinyConditionalDcgan(4)).train(data);
        CheckpointSaver saver = new CheckpointSaver(tmp, 2, 1);
        new GanTrainer(tinyConditionalDcgan(2)).train(data, saver);
        GanResult resumed = new GanTrainer(tinyConditionalDcgan(4)).resume(saver.latest(), data);
        assertEquals(straight.generator().network().params(), resumed.generator().network().params());
        assertEquals(straight.emaGenerator().network().params(), resumed.emaGenerator().network().params());
        assertEquals(straight.generator().sample(1, 3, 9), resumed.generator().sample(1, 3, 9));
    }

    @Test
    void snapshotsBecomeImageGridsAndFiles() throws IOException {
        SampleSaver saver = new SampleSaver(tmp.resolve("samples"));
        HistoryRecorder recorder = new HistoryRecorder();
        Snapshot[] last = new Snapshot[1];
        new GanTrainer(tinyConditionalDcgan(4)).train(images(), saver, recorder, new TrainingListener() {
            @Override
            public void onSnapshot(Snapshot s) {
                last[0] = s;
            }
        });
        assertEquals(4, recorder.size());
        assertEquals(4, recorder.history().table().rowCount());
        assertEquals(4, last[0].step());
        assertArrayEquals(new long[]{6, 1, 28, 28}, last[0].samples().shape());
        BufferedImage grid = last[0].grid();
        BufferedImage written = ImageIO.read(saver.fileFor(4).toFile());
        assertNotNull(written);
        assertEquals(grid.getWidth(), written.getWidth());
        assertNotNull(ImageIO.read(saver.fileFor(2).toFile()));
        Snapshot points = new Snapshot(1, 0, RandomStream.seeded(1).gaussian(DataType.FLOAT, 4, 2), null);
        assertThrows(IllegalStateException.class, points::grid);
    }
}
