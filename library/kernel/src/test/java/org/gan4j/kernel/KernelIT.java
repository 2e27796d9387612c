package org.gan4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end checks of the installed kernel, driven by Python scripts in {@code src/test/python} that talk the
 * Jupyter protocol ({@code jupyter_client}, {@code jupyter_kernel_test} from Debian, run by {@code /usr/bin/python3}).
 * The kernelspec is installed with {@code environment/install-kernel --prefix} into a temporary folder; every Jupyter
 * folder points into it.
 */
class KernelIT {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path temp;

    private static Path project;
    private static Path scripts;
    private static Path jupyter;

    @BeforeAll
    static void installKernelspec() throws Exception {
        project = Paths.get(System.getProperty("gan4j.projectDir", "../..")).toAbsolutePath().normalize();
        scripts = project.resolve("library/kernel/src/test/python");
        jupyter = temp.resolve("jupyter");
        Result install = exec(List.of(project.resolve("environment/install-kernel").toString(), "--prefix",
                jupyter.toString()), Map.of(), 60);
        assertEquals(0, install.exitCode, "install-kernel failed:\n" + install.output);
        Path spec = jupyter.resolve("kernels/gan4j/kernel.json");
        assertTrue(Files.exists(spec), "no kernel.json after install-kernel:\n" + install.output);
        String json = Files.readString(spec);
        assertTrue(json.contains("\"interrupt_mode\": \"message\""), json);
        assertTrue(json.contains("org.gan4j.kernel.Gan4jKernel"), json);
        assertFalse(json.contains("${GAN4J_HOME}"), json);
    }

    @Test
    void conformsToTheJupyterProtocol() throws Exception {
        Result r = python(List.of("-m", "unittest", "-v", "test_conformance"), Map.of(), 240);
        Matcher ran = Pattern.compile("Ran (\\d+) tests?").matcher(r.output);
        assertTrue(ran.find(), "no unittest summary:\n" + r.output);
        assertEquals(0, r.exitCode, "conformance checks failed:\n" + r.output);
        assertTrue(r.output.contains("\nOK"), r.output);
        assertFalse(r.output.contains("skipped"), "a conformance check was skipped:\n" + r.output);
        assertTrue(Integer.parseInt(ran.group(1)) >= 12, r.output);
    }

    @Test
    void startsThirtyTimesInARow() throws Exception {
        // each start has 60 s to answer; the whole run ~8 s per start, ~240 s on a machine with load 15 on 2 cores
        Result r = python(List.of("start_reliability.py", "30"), Map.of(), 480);
        assertTrue(r.output.contains("STARTS ok=30/30"), "start-up reliability:\n" + r.output);
        assertEquals(0, r.exitCode, r.output);
    }

    @Test
    void interruptStopsCellsAndKeepsState() throws Exception {
        Result r = python(List.of("interrupt_check.py", "10"), Map.of(), 180);
        assertTrue(r.output.contains("INTERRUPT ok=10/10"), "interrupt rounds:\n" + r.output);
        assertEquals(0, r.exitCode, r.output);
    }

    /**
     * Hostile and careless input (robustness_check.py): junk frames, bad signatures on shell and control, signed
     * invalid JSON and an unknown request type leave both channels serving and the replies with the right client;
     * System.exit and Runtime.halt in a cell are refused with the state kept; a 20 MB println flood arrives complete,
     * in order and followed by idle; output past 32 MiB is dropped with one note; a loop that catches the forced stop
     * leaves no thread spinning; a StackOverflowError's frames are folded.
     */
    @Test
    void survivesHostileMessagesExitsFloodsAndStubbornLoops() throws Exception {
        Result r = python(List.of("robustness_check.py"), Map.of(), 420);
        Matcher m = Pattern.compile("ROBUST ok=(\\d+)/(\\d+)").matcher(r.output);
        assertTrue(m.find(), "no summary:\n" + r.output);
        assertEquals(m.group(2), m.group(1), "robustness checks failed:\n" + r.output);
        assertTrue(Integer.parseInt(m.group(2)) >= 21, "checks were left out:\n" + r.output);
        assertEquals(0, r.exitCode, r.output);
    }

    @Test
    void liveTrainingViewUpdatesInPlaceStopsOnInterruptAndContinues() throws Exception {
        Result r = python(List.of("live_view_check.py"), Map.of(), 300);
        Matcher m = Pattern.compile("LIVE ok=(\\d+)/(\\d+)").matcher(r.output);
        assertTrue(m.find(), "no summary:\n" + r.output);
        assertEquals(m.group(2), m.group(1), "live view checks failed:\n" + r.output);
        assertEquals(0, r.exitCode, r.output);
    }

    @ParameterizedTest(name = "ipywidgets {0}")
    @ValueSource(strings = {"7", "6", "8"})
    void widgetProtocolAsAFrontendSpeaksIt(String dialect) throws Exception {
        Result r = python(List.of("widget_protocol_check.py", dialect), Map.of(), 240);
        Matcher m = Pattern.compile("WIDGETS dialect=" + dialect + " ok=(\\d+)/(\\d+)").matcher(r.output);
        assertTrue(m.find(), "no summary:\n" + r.output);
        assertEquals(m.group(2), m.group(1), "widget protocol checks failed:\n" + r.output);
        assertTrue(Integer.parseInt(m.group(2)) >= 16, "checks were left out:\n" + r.output);
        assertEquals(0, r.exitCode, r.output);
    }

    @Test
    void widgetsInARealBrowserFollowTheSliderAndSurviveAReload() throws Exception {
        Path shots = project.resolve("library/kernel/target/kernel-it/screenshots");
        Result r = python(List.of("browser_widget_check.py"), Map.of("GAN4J_SCREENSHOTS", shots.toString()), 400);
        Matcher skipped = Pattern.compile("BROWSER SKIPPED: (.*)").matcher(r.output);
        org.junit.jupiter.api.Assumptions.assumeFalse(skipped.find(),
                () -> "browser test skipped: " + skipped.group(1));
        Matcher m = Pattern.compile("BROWSER ok=(\\d+)/(\\d+)").matcher(r.output);
        assertTrue(m.find(), "no summary:\n" + r.output);
        assertEquals(m.group(2), m.group(1), "browser checks failed (screenshots in " + shots + "):\n" + r.output);
        assertTrue(Integer.parseInt(m.group(2)) >= 10, "checks were left out:\n" + r.output);
        assertEquals(0, r.exitCode, r.output);
    }

    @Test
    void magicsClassPathAndRichResults() throws Exception {
        Path work = temp.resolve("magics");
        Path envLib = work.resolve("envlib");
        Path magicLib = work.resolve("magiclib");
        Path repo = work.resolve("repo");
        Path localRepo = work.resolve("m2");
        jar(work, "FromEnv", envLib.resolve("from-env.jar"));
        jar(work, "FromMagic", magicLib.resolve("from-magic.jar"));
        Path artifact = repo.resolve("org/gan4j/it/from-maven/1.0");
        jar(work, "FromMaven", artifact.resolve("from-maven-1.0.jar"));
        Files.writeString(artifact.resolve("from-maven-1.0.pom"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<modelVersion>4.0.0</modelVersion><groupId>org.gan4j.it</groupId>"
                + "<artifactId>from-maven</artifactId><version>1.0</version></project>\n");

        Result r = python(List.of("magics_check.py", repo.toUri().toString(), magicLib + "/*.jar"),
                Map.of("GAN4J_CLASSPATH", envLib + "/*.jar",
                        "JAVA_TOOL_OPTIONS", "-Dmaven.repo.local=" + localRepo),
                240);
        Matcher m = Pattern.compile("MAGICS ok=(\\d+)/(\\d+)").matcher(r.output);
        assertTrue(m.find(), "no summary:\n" + r.output);
        assertEquals(m.group(2), m.group(1), "magics checks failed:\n" + r.output);
        assertEquals(0, r.exitCode, r.output);
        assertTrue(Files.exists(localRepo.resolve("org/gan4j/it/from-maven/1.0/from-maven-1.0.jar")),
                "%maven did not resolve into the local repository:\n" + r.output);
    }

    @Test
    void badConnectionFileGivesOneClearMessage() throws Exception {
        Path bad = temp.resolve("bad-connection.json");
        Files.writeString(bad, "{ not json");
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-cp",
                project.resolve("library/kernel/target/dist/lib/*").toString(), Gan4jKernel.class.getName(),
                bad.toString()));
        Result r = exec(cmd, Map.of(), 60);
        assertEquals(2, r.exitCode, r.output);
        assertTrue(r.output.contains("gan4j kernel: the connection file"), r.output);
        assertFalse(r.output.contains("\tat "), "a stack trace instead of a message:\n" + r.output);

        Result missing = exec(List.of(javaExecutable(), "-cp",
                project.resolve("library/kernel/target/dist/lib/*").toString(), Gan4jKernel.class.getName(),
                temp.resolve("nope.json").toString()), Map.of(), 60);
        assertEquals(2, missing.exitCode, missing.output);
        assertTrue(missing.output.contains("cannot read the connection file"), missing.output);
    }

    // ------------------------------------------------------------------ helpers

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Compiles {@code org.gan4j.it.<name>} (whose toString is its name) into a jar. */
    private static void jar(Path work, String name, Path jar) throws IOException {
        Path src = work.resolve("src/" + name + "/org/gan4j/it/" + name + ".java");
        Path classes = work.resolve("classes/" + name);
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, "package org.gan4j.it;\npublic class " + name + " {\n"
                + "    @Override public String toString() { return \"" + name + "\"; }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "could not compile " + src);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            String entry = "org/gan4j/it/" + name + ".class";
            j.putNextEntry(new JarEntry(entry));
            j.write(Files.readAllBytes(classes.resolve(entry)));
            j.closeEntry();
        }
    }

    private static Result python(List<String> args, Map<String, String> extraEnv, int timeoutSeconds)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON);
        cmd.addAll(args);
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("JUPYTER_PATH", jupyter.toString());
        env.put("JUPYTER_DATA_DIR", temp.resolve("jupyter-data").toString());
        env.put("JUPYTER_CONFIG_DIR", temp.resolve("jupyter-config").toString());
        env.put("JUPYTER_RUNTIME_DIR", temp.resolve("jupyter-runtime").toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONUNBUFFERED", "1");
        Result r = exec(cmd, env, timeoutSeconds);
        keepLog(args, r);
        return r;
    }

    /** Leaves each script's output in target/kernel-it/ for reading after the build. */
    private static void keepLog(List<String> args, Result r) throws IOException {
        String name = args.get(0).equals("-m") ? args.get(args.size() - 1) : args.get(0).replace(".py", "");
        if (!args.get(0).equals("-m") && args.size() == 2 && args.get(1).matches("[A-Za-z0-9]+")) {
            name += "-" + args.get(1);   // e.g. widget_protocol_check-6
        }
        Path dir = project.resolve("library/kernel/target/kernel-it");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".log"), "exit " + r.exitCode + "\n" + r.output);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result exec(List<String> cmd, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(scripts.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile(temp, "exec", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Result(done ? p.exitValue() : -1,
                (done ? "" : "TIMED OUT after " + timeoutSeconds + " s: " + String.join(" ", cmd) + "\n") + output);
    }
}
