package org.gan4j.notebooks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Python unit tests of {@code environment/execute_notebooks.py}'s course plan
 * ({@code notebooks/src/test/python/test_course_plan.py}): the committed notebooks' {@code gan4j.after} metadata
 * names existing notebooks without a cycle, malformed metadata is an error naming the file, and the schedule starts
 * each notebook only after those it waits for, at most {@code --jobs} at once, longest chain of work first. The
 * schedule runs on a simulated clock: nothing sleeps or races.
 */
class CoursePlanTest {

    static final Path PROJECT = Path.of(System.getProperty("gan4j.projectDir", "..")).toAbsolutePath().normalize();

    @Test
    void coursePlanUnitTestsPass() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "-m", "unittest", "-v",
                PROJECT.resolve("notebooks/src/test/python/test_course_plan.py").toString())
                .directory(PROJECT.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "python3 -m unittest did not finish:\n" + output);
        assertEquals(0, process.exitValue(), "the course plan's unit tests failed:\n" + output);
        assertTrue(output.contains("Ran 6 tests"), "expected the 6 course-plan tests to run:\n" + output);
    }
}
