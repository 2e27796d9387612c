package org.gan4j.notebooks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Executes every notebook of the course through real Jupyter (nbclient) with the gan4j kernel, in quick
 * mode, exactly as the README's main command does, and checks what each shows: no error output, nothing on
 * standard error, its images, and its numbers in range.
 */
class NotebooksIT {

    static final Path PROJECT = Path.of(System.getProperty("gan4j.projectDir", "..")).toAbsolutePath().normalize();
    static final Path EXECUTED = PROJECT.resolve("notebooks/target/executed");

    static String executionLog;
    static int executionStatus;

    @BeforeAll
    static void executeTheCourse() throws Exception {
        run(List.of(PROJECT.resolve("environment/install-kernel").toString()), 120);
        executionLog = run(List.of(PROJECT.resolve("environment/execute-notebooks").toString(),
                "--mode", "quick", "--out", EXECUTED.toString()), 45 * 60);
        System.out.println(executionLog);
    }

    /** execute-notebooks exits non-zero when a cell fails, the kernel dies or a cell times out. */
    @org.junit.jupiter.api.Test
    void executeNotebooksSucceeded() {
        assertEquals(0, executionStatus, "environment/execute-notebooks failed:\n" + executionLog);
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookOfTheCourse() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NotebookExpectation expected : NotebookExpectation.COURSE) {
            String name = expected.file();
            tests.add(dynamicTest(name + ": ran without error outputs", () -> {
                List<String> errors = executed(name).errors();
                assertTrue(errors.isEmpty(), name + " has error outputs: " + errors + "\n" + executionLog);
            }));
            tests.add(dynamicTest(name + ": every code cell ran", () -> {
                long skipped = executed(name).unexecutedCodeCells();
                assertEquals(0, skipped, name + " has " + skipped + " code cells that never ran:\n" + executionLog);
            }));
            tests.add(dynamicTest(name + ": nothing on standard error", () -> {
                List<String> stderr = executed(name).stderr();
                assertTrue(stderr.isEmpty(), name + " writes to standard error: " + stderr);
            }));
            tests.add(dynamicTest(name + ": shows at least " + expected.minImages() + " images", () -> {
                long images = executed(name).imageCount();
                assertTrue(images >= expected.minImages(),
                        name + " shows " + images + " images, expected at least " + expected.minImages());
            }));
            for (NotebookExpectation.NumberInRange number : expected.numbers()) {
                tests.add(dynamicTest(name + ": " + number.what() + " in [" + number.min() + ", " + number.max() + "]",
                        () -> {
                            String text = executed(name).text();
                            Matcher m = number.pattern().matcher(text);
                            if (!m.find()) {
                                fail(name + ": no output matches /" + number.pattern() + "/ (" + number.what()
                                        + "); outputs:\n" + text);
                            }
                            double value = Double.parseDouble(m.group(1));
                            assertTrue(value >= number.min() && value <= number.max(),
                                    name + ": " + number.what() + " = " + value + ", expected in ["
                                            + number.min() + ", " + number.max() + "]");
                        }));
            }
            tests.add(dynamicTest(name + ": HTML written", () -> {
                Path html = EXECUTED.resolve(name.replace(".ipynb", ".html"));
                assertTrue(Files.size(html) > 10_000, html + " is missing or nearly empty");
            }));
        }
        return tests.stream();
    }

    private static ExecutedNotebook executed(String name) throws IOException {
        Path path = EXECUTED.resolve(name);
        if (!Files.exists(path)) {
            fail(name + " was not executed; execution log:\n" + executionLog);
        }
        return ExecutedNotebook.read(path);
    }

    /** Runs a command in the project, returns its combined output; the exit status is reported, not thrown. */
    private static String run(List<String> command, long timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("gan4j-notebooks", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(PROJECT.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(String.join(" ", command) + " ran past " + timeoutSeconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (command.get(0).endsWith("install-kernel")) {
                assertEquals(0, process.exitValue(), "install-kernel failed:\n" + output);
            }
            executionStatus = process.exitValue();
            return output + "\n(exit status " + process.exitValue() + ")";
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
