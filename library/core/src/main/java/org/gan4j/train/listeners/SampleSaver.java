package org.gan4j.train.listeners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gan4j.io.AtomicFiles;
import org.gan4j.train.Snapshot;
import org.gan4j.train.TrainingListener;

/**
 * Writes every fixed-noise {@link Snapshot} of an image GAN as a PNG grid {@code directory/samples-NNNNNNNN.png}
 * (written with {@link AtomicFiles}, so a viewer never sees half a file). Snapshots of non-image samples are
 * skipped. Enable snapshots with {@link GanConfig#snapshotEvery()}.
 */
public final class SampleSaver implements TrainingListener {
    private final Path directory;

    /** Saves into {@code directory} (created when needed). */
    public SampleSaver(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("directory must not be null");
        }
        this.directory = directory;
    }

    /** The file for the snapshot at {@code step}. */
    public Path fileFor(long step) {
        return directory.resolve(String.format("samples-%08d.png", step));
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        if (!snapshot.isImages()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path target = fileFor(snapshot.step());
            AtomicFiles.write(target, out -> {
                if (!ImageIO.write(snapshot.grid(), "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not save samples of step " + snapshot.step() + " in " + directory,
                    e);
        }
    }

    @Override
    public String toString() {
        return "SampleSaver[" + directory + "]";
    }
}
