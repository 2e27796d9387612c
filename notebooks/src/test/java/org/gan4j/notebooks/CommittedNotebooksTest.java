package org.gan4j.notebooks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed notebooks are clean: valid nbformat 4, the gan4j kernel, no outputs, every one checked. */
class CommittedNotebooksTest {

    static final Path NOTEBOOKS = Path.of(System.getProperty("gan4j.projectDir", ".."), "notebooks")
            .toAbsolutePath().normalize();

    static List<Path> committed() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @Test
    void everyNotebookHasExpectationsAndEveryExpectationANotebook() throws IOException {
        Set<String> files = committed().stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = NotebookExpectation.COURSE.stream().map(NotebookExpectation::file)
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(files.isEmpty(), "no notebooks in " + NOTEBOOKS);
        assertEquals(expected, files, "notebooks/ and NotebookExpectation.COURSE must list the same notebooks");
    }

    @Test
    void committedNotebooksAreCleanAndUseTheGan4jKernel() throws IOException {
        for (Path path : committed()) {
            ExecutedNotebook nb = ExecutedNotebook.read(path);
            assertEquals(4, nb.json().get("nbformat").getAsInt(), path + ": nbformat");
            assertEquals("gan4j", nb.kernelName(), path + ": metadata.kernelspec.name");
            assertTrue(nb.outputs().isEmpty(), path + ": committed with outputs; clear them before committing");
            nb.codeCells().forEach(cell -> assertTrue(cell.get("execution_count") == null
                    || cell.get("execution_count").isJsonNull(), path + ": committed with execution counts"));
        }
    }
}
