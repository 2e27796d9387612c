package org.gan4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Crash-safe file writing: the content goes to a temporary file in the target's directory (named
 * {@code .<name>.<random>.tmp}), is forced to the disk ({@code fsync}), and is renamed onto the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}; the directory is then synced so that the rename itself survives a power
 * loss. Readers see either the old file or the complete new one, never a mix. On failure the temporary file is
 * removed and the target is untouched.
 *
 * <p>The one fallback: on a file system that cannot rename atomically ({@link AtomicMoveNotSupportedException},
 * e.g. some network or FUSE mounts) the complete temporary file is moved with {@code REPLACE_EXISTING}. The new
 * content is still complete when it appears, but a crash during that move may leave the target missing (the
 * temporary file then still holds the new content).
 *
 * <p>A kill (as opposed to an exception) can leave a temporary file behind; its name starts with {@code .} and ends
 * with {@code .tmp}, and {@link #deleteTemporaries} removes those of one target.
 */
public final class AtomicFiles {
    private static final String TMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to; closed by the caller
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically (see the class description); creates missing parent directories.
     *
     * @param target  the file to create or replace
     * @param content writes the bytes
     * @return {@code target}
     * @throws IOException if writing, syncing or renaming fails; the target is then unchanged
     */
    public static Path write(Path target, Content content) throws IOException {
        return write(target, content, FileSteps.NONE);
    }

    /** {@link #write(Path, Content)} with a hook before every file-system step. */
    public static Path write(Path target, Content content, FileSteps steps) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        steps.before("create directories", dir);
        Files.createDirectories(dir);
        steps.before("create", dir);
        Path tmp = createUnique(dir, "." + absolute.getFileName() + ".", TMP_SUFFIX, false);
        try {
            steps.before("write", tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                steps.before("sync", tmp);
                channel.force(true);
            }
            move(tmp, absolute, steps);
        } catch (IOException | RuntimeException e) {
            // not a finally: a simulated kill (an Error from the hook) must leave what a real kill leaves
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(dir, steps);
        return target;
    }

    /**
     * Creates a new empty file or directory {@code prefix + random + suffix} in {@code dir}. Unlike
     * {@link Files#createTempFile} it keeps the default permissions (the umask), so the renamed result is as readable
     * as any file the user creates.
     *
     * @throws IOException if it cannot be created
     */
    public static Path createUnique(Path dir, String prefix, String suffix, boolean directory) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path p = dir.resolve(prefix + random + suffix);
            try {
                return directory ? Files.createDirectory(p) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static Path writeBytes(Path target, byte[] bytes) throws IOException {
        return write(target, out -> out.write(bytes));
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static Path writeString(Path target, String text) throws IOException {
        return write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Renames {@code from} onto {@code to} (a file or a directory) with {@code ATOMIC_MOVE}, falling back to a
     * plain {@code REPLACE_EXISTING} move where the file system cannot rename atomically (see the class description).
     *
     * @throws IOException if the move fails
     */
    public static void move(Path from, Path to, FileSteps steps) throws IOException {
        steps.before("move", to);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Forces a file's content to the disk.
     *
     * @throws IOException if the file cannot be opened or synced
     */
    public static void syncFile(Path file, FileSteps steps) throws IOException {
        steps.before("sync", file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries (renames, new files) to the disk where the platform allows it; a no-op where
     * directories cannot be opened (Windows).
     */
    public static void syncDirectory(Path dir, FileSteps steps) throws IOException {
        steps.before("sync", dir);
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // directories cannot be opened or synced on this platform: the rename is as durable as it gets
        }
    }

    /**
     * Deletes a file or a directory tree, deepest entries first; nothing if it does not exist.
     *
     * @throws IOException if an entry cannot be deleted
     */
    public static void deleteTree(Path path, FileSteps steps) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> s = Files.walk(path)) {
            s.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            steps.before("delete", p);
            Files.deleteIfExists(p);
        }
    }

    /**
     * Deletes the temporary files a killed {@link #write} of {@code target} left behind.
     *
     * @return how many were deleted
     * @throws IOException if the directory cannot be listed or a file cannot be deleted
     */
    public static int deleteTemporaries(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = "." + absolute.getFileName() + ".";
        List<Path> leftovers;
        try (Stream<Path> s = Files.list(dir)) {
            leftovers = s.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(TMP_SUFFIX) && Files.isRegularFile(p);
            }).toList();
        }
        for (Path p : leftovers) {
            Files.deleteIfExists(p);
        }
        return leftovers.size();
    }
}
