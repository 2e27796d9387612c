package org.gan4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplacesAFileLeavingNothingElse() throws IOException {
        Path f = tmp.resolve("a.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        assertEquals(List.of("a.txt"), listing());
    }

    @Test
    void aFailingWriterLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path f = tmp.resolve("a.txt");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("a.txt"), listing());
    }

    @Test
    void aKillBeforeAnyStepLeavesTheOldOrTheNewContentAndTemporariesAreCleanedUp() throws IOException {
        Path f = tmp.resolve("a.txt");
        List<String> steps = new ArrayList<>();
        AtomicFiles.write(tmp.resolve("dry.txt"), out -> out.write('x'), (step, path) -> steps.add(step));
        assertEquals(List.of("create directories", "create", "write", "sync", "move", "sync"), steps);
        Files.delete(tmp.resolve("dry.txt"));
        for (int kill = 0; kill < steps.size(); kill++) {
            AtomicFiles.writeString(f, "old");
            int target = kill;
            int[] count = {0};
            assertThrows(Kill.class, () -> AtomicFiles.write(f, out -> out.write("new".getBytes()),
                    (step, path) -> {
                        if (count[0]++ == target) {
                            throw new Kill();
                        }
                    }));
            String content = Files.readString(f);
            assertEquals(kill <= 4 ? "old" : "new", content, "kill before step " + kill + " (" + steps.get(kill) + ")");
            AtomicFiles.deleteTemporaries(f);
            assertEquals(List.of("a.txt"), listing(), "after a kill before step " + kill);
        }
    }

    /** Files.createTempFile would make the result owner-only (0600); the written file has the umask's permissions. */
    @Test
    void theWrittenFileHasTheDefaultPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews()
                .contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(tmp.resolve("plain.txt"));
        Path written = AtomicFiles.writeString(tmp.resolve("written.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    /** Stands for the process dying: no catch block cleans up. */
    private static final class Kill extends Error {
    }
}
