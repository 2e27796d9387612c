package org.gan4j.kernel.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupImportsTest {

    @TempDir
    Path dir;

    @Test
    void findsGan4jPackagesWithClassesButNotTheKernelNorEmptyOnes() throws Exception {
        Path classes = dir.resolve("classes");
        for (String file : List.of("org/gan4j/data/Dataset.class", "org/gan4j/viz/package-info.class",
                "org/gan4j/train/Trainer.class", "org/gan4j/train/Trainer$Step.class",
                "org/gan4j/kernel/Gan4jKernel.class", "org/other/Thing.class")) {
            Path p = classes.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        Set<String> found = StartupImports.gan4jPackages(List.of(classes.toString(), dir.resolve("nope.jar")
                .toString()));
        assertEquals(Set.of("org.gan4j.data", "org.gan4j.train"), found);
        List<String> imports = StartupImports.forClassPath(List.of(classes.toString()));
        assertTrue(imports.containsAll(StartupImports.FIXED));
        assertTrue(imports.contains("import org.gan4j.data.*;"));
    }

    @Test
    void aGan4jClassNamedLikeALibraryClassIsImportedByName() {
        // XChart has org.knowm.xchart.Histogram; a public gan4j Histogram must win in cells
        java.util.Map<String, Set<String>> classes = java.util.Map.of(
                "org.gan4j.kernel.startup", Set.of("Histogram", "Unique"));
        java.util.function.Predicate<String> exists = name -> name.equals("org.knowm.xchart.Histogram")
                || name.equals("org.gan4j.kernel.startup.Histogram") || name.equals("org.gan4j.kernel.startup.Unique");
        assertEquals(List.of("import org.gan4j.kernel.startup.Histogram;"),
                StartupImports.clashResolutions(classes, exists));
    }
}
