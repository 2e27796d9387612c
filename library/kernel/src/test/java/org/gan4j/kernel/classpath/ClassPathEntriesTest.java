package org.gan4j.kernel.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathEntriesTest {

    @TempDir
    Path dir;

    @Test
    void expandsGlobsAndFolderStars() throws Exception {
        Files.createDirectories(dir.resolve("lib/sub"));
        Files.writeString(dir.resolve("lib/a.jar"), "");
        Files.writeString(dir.resolve("lib/b.jar"), "");
        Files.writeString(dir.resolve("lib/notes.txt"), "");
        Files.writeString(dir.resolve("lib/sub/c.jar"), "");
        String lib = dir.resolve("lib").toString();

        assertEquals(List.of(lib + "/a.jar", lib + "/b.jar"), ClassPathEntries.resolve(List.of(lib + "/*.jar")));
        assertEquals(List.of(lib + "/a.jar", lib + "/b.jar"), ClassPathEntries.resolve(List.of(lib + "/*")));
        assertEquals(3, ClassPathEntries.resolve(List.of(lib + "/**.jar")).size());
        assertEquals(List.of(lib + "/a.jar", lib + "/sub/c.jar"),
                ClassPathEntries.resolve(List.of(lib + "/a.jar" + File.pathSeparator + lib + "/sub/*.jar")));
    }

    @Test
    void nothingMatchingIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassPathEntries.resolve(List.of(dir + "/missing/*.jar")));
        assertTrue(e.getMessage().contains("missing/*.jar"), e.getMessage());
    }

    @Test
    void readsBothEnvironmentVariables() throws Exception {
        Files.writeString(dir.resolve("x.jar"), "");
        Files.writeString(dir.resolve("y.jar"), "");
        List<String> entries = ClassPathEntries.fromEnvironment(Map.of(
                "GAN4J_CLASSPATH", dir + "/x.jar", "IJAVA_CLASSPATH", dir + "/y.jar"));
        assertEquals(List.of(dir + "/x.jar", dir + "/y.jar"), entries);
    }
}
