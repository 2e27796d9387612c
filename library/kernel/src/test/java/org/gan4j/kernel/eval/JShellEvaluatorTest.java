package org.gan4j.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JShellEvaluatorTest {

    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static CellResult eval(String code) {
        try {
            return evaluator.eval(code, "[t]", 0);
        } catch (CellException e) {
            throw new AssertionError(String.join("\n", e.traceback()), e);
        }
    }

    @Test
    void expressionValueIsTheRealObject() {
        CellResult r = eval("6 * 7");
        assertTrue(r.hasValue());
        assertEquals(42, r.value());
        assertEquals("42", r.text());

        CellResult list = eval("java.util.List.of(1, 2)");
        assertEquals(List.of(1, 2), list.value());
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() {
        assertFalse(eval("int unitA = 5;").hasValue());
        assertFalse(eval("void hello() { }").hasValue());
        assertFalse(eval("System.out.print(\"\")").hasValue());
    }

    @Test
    void trailingSemicolonHidesTheValue() {
        assertFalse(eval("1 + 1;").hasValue());
    }

    @Test
    void nullValueIsStillAValue() {
        CellResult r = eval("String s0 = null; s0");
        assertTrue(r.hasValue());
        assertEquals(null, r.value());
    }

    @Test
    void multiSnippetCellKeepsStateAndReturnsTheLastExpression() {
        CellResult r = eval("int a = 2;\nint b = 3;\nint mul(int x, int y) { return x * y; }\nmul(a, b)");
        assertEquals(6, r.value());
        assertEquals(7, eval("a + b + 2").value());
    }

    @Test
    void redefinitionReplacesTheOldDefinition() {
        eval("int twice(int x) { return 2 * x; }");
        assertEquals(4, eval("twice(2)").value());
        eval("int twice(int x) { return 20 * x; }");
        assertEquals(40, eval("twice(2)").value());
        eval("String redef = \"a\";");
        eval("int redef = 3;");
        assertEquals(3, eval("redef").value());
        eval("class Box { int v() { return 1; } }");
        eval("class Box { int v() { return 2; } }");
        assertEquals(2, eval("new Box().v()").value());
    }

    @Test
    void exceptionNamesTheClassAndTheCellLine() {
        CellException e = assertThrows(CellException.class,
                () -> evaluator.eval("int z = 0;\nint q = 1 / z;", "[5]", 0));
        assertEquals(CellException.Kind.EXCEPTION, e.kind());
        assertEquals("java.lang.ArithmeticException", e.ename());
        assertEquals("/ by zero", e.evalue());
        String trace = String.join("\n", e.traceback());
        assertTrue(trace.contains("cell [5], line 2"), trace);
        assertFalse(trace.contains("jdk.jshell"), trace);
        assertFalse(trace.contains("$JShell$"), trace);
        assertFalse(trace.contains("org.gan4j.kernel"), trace);
    }

    @Test
    void exceptionInAMethodOfAnEarlierCell() {
        eval("void boom() {\n  throw new IllegalStateException(\"no\");\n}");
        CellException e = assertThrows(CellException.class, () -> evaluator.eval("boom()", "[9]", 0));
        assertEquals("java.lang.IllegalStateException", e.ename());
        String trace = String.join("\n", e.traceback());
        assertTrue(trace.contains("boom(cell [t], line 2)"), trace);
        assertTrue(trace.contains("cell [9], line 1"), trace);
    }

    @Test
    void stateBeforeAnExceptionIsKept() {
        assertThrows(CellException.class, () -> evaluator.eval("int kept = 11;\nthrow new RuntimeException(\"x\");"));
        assertEquals(11, eval("kept").value());
    }

    @Test
    void compileErrorNamesTheLine() {
        CellException e = assertThrows(CellException.class,
                () -> evaluator.eval("int ok = 1;\nint bad = undefinedThing + 1;", "[2]", 0));
        assertEquals(CellException.Kind.COMPILE_ERROR, e.kind());
        assertEquals("CompilationError", e.ename());
        assertTrue(e.evalue().contains("cannot find symbol"), e.evalue());
        String trace = String.join("\n", e.traceback());
        assertTrue(trace.contains("cell [2], line 2"), trace);
        assertTrue(trace.contains("undefinedThing"), trace);
    }

    @Test
    void typeErrorIsACompileError() {
        CellException e = assertThrows(CellException.class, () -> evaluator.eval("String s = 5;"));
        assertEquals(CellException.Kind.COMPILE_ERROR, e.kind());
        assertTrue(e.evalue().contains("incompatible types"), e.evalue());
    }

    @Test
    void unresolvedReferenceIsAnError() {
        CellException e = assertThrows(CellException.class,
                () -> evaluator.eval("void usesMissing() { missingMethod(); }"));
        assertEquals(CellException.Kind.COMPILE_ERROR, e.kind());
        assertTrue(e.evalue().contains("missingMethod"), e.evalue());
    }

    @Test
    void forwardReferenceInsideOneCellIsFine() {
        assertEquals(3, eval("int first() { return second(); }\nint second() { return 3; }\nfirst()").value());
    }

    @Test
    void unfinishedCellIsAnError() {
        CellException e = assertThrows(CellException.class, () -> evaluator.eval("for (int i = 0; i < 3; i++) {"));
        assertEquals(CellException.Kind.COMPILE_ERROR, e.kind());
    }

    @Test
    void commentsAndBlankLinesDoNotShiftLineNumbers() {
        CellException e = assertThrows(CellException.class,
                () -> evaluator.eval("// a comment\n\n/* block */\nObject o = null;\no.hashCode();", "[4]", 0));
        String trace = String.join("\n", e.traceback());
        assertEquals("java.lang.NullPointerException", e.ename());
        assertTrue(trace.contains("cell [4], line 5"), trace);
    }

    @Test
    @Timeout(60)
    void interruptStopsASleepAndKeepsState() throws Exception {
        eval("int before = 17;");
        pressInterruptWhileRunning(300);
        // a sleep of ten minutes that returns inside the test's 60 s limit was stopped by the interrupt; how fast is
        // measured by the kernel's interrupt IT, not asserted here (no wall-clock bounds in unit tests)
        CellException e = assertThrows(CellException.class,
                () -> evaluator.eval("Thread.sleep(600000);\nint after = 1;"));
        assertEquals(CellException.Kind.INTERRUPTED, e.kind());

        pressInterruptWhileRunning(300);
        e = assertThrows(CellException.class,
                () -> evaluator.eval("while (!Thread.currentThread().isInterrupted()) { }\nint after2 = 1;"));
        assertEquals(CellException.Kind.INTERRUPTED, e.kind());

        assertEquals(17, eval("before").value());
        assertThrows(CellException.class, () -> evaluator.eval("after"));
    }

    @Test
    @Timeout(60)
    void interruptStopsABusyLoopThatIgnoresIt() throws Exception {
        pressInterruptWhileRunning(200);
        // an endless loop that returns inside the test's 60 s limit was stopped
        CellException e = assertThrows(CellException.class,
                () -> evaluator.eval("long spin = 0; while (true) { spin++; }"));
        assertEquals(CellException.Kind.INTERRUPTED, e.kind());
        assertEquals(5, eval("2 + 3").value());
    }

    @Test
    @Timeout(60)
    void aCooperativeSectionFinishesItsUnitOfWorkAfterAnInterrupt() throws Exception {
        eval("int[] finished = {0};");
        System.clearProperty("gan4j.test.unitStarted");
        CompletableFuture<Long> pressed = CompletableFuture.supplyAsync(() -> {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.getProperty("gan4j.test.unitStarted") == null && System.nanoTime() < giveUp) {
                sleep(5); // the snippet itself runs (not only its compilation)
            }
            evaluator.cooperativeSection(); // as the live training view does at the start of a fit
            long at = System.nanoTime();
            evaluator.interrupt();
            return at;
        });
        // one "step" of 2.5 s that does not look at the flag, longer than the 1 s grace of ordinary code
        CellException e = assertThrows(CellException.class, () -> evaluator.eval(
                "{ System.setProperty(\"gan4j.test.unitStarted\", \"1\");\n"
                        + "  long t0 = System.nanoTime(); while (System.nanoTime() - t0 < 2_500_000_000L) { }\n"
                        + "  finished[0] = 1; }"));
        assertEquals(CellException.Kind.INTERRUPTED, e.kind());
        assertTrue((System.nanoTime() - pressed.get()) / 1_000_000 >= 1000, "waited for the unit of work");
        assertEquals(1, eval("finished[0]").value(), "the step was not force-stopped in the middle");
    }

    /**
     * Presses "interrupt" as a user does: once the next cell has started, {@code afterMs} later (a press before the
     * cell starts is, rightly, ignored, so a fixed delay from "now" would race with a slow start on a loaded machine).
     *
     * @return when the interrupt was sent ({@link System#nanoTime()})
     */
    private static CompletableFuture<Long> pressInterruptWhileRunning(long afterMs) {
        return CompletableFuture.supplyAsync(() -> {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!evaluator.isRunning() && System.nanoTime() < giveUp) {
                sleep(5);
            }
            sleep(afterMs);
            long pressedAt = System.nanoTime();
            evaluator.interrupt();
            return pressedAt;
        });
    }

    @Test
    void interruptWhenIdleDoesNotHurtTheNextCell() {
        evaluator.interrupt();
        assertEquals(4, eval("2 + 2").value());
    }

    @Test
    void isComplete() {
        assertEquals(JShellEvaluator.Readiness.COMPLETE, evaluator.isComplete("int x = 1;").readiness());
        assertEquals(JShellEvaluator.Readiness.COMPLETE, evaluator.isComplete("1 + 1").readiness());
        assertEquals(JShellEvaluator.Readiness.COMPLETE, evaluator.isComplete("int a = 1; a + 1").readiness());
        assertEquals(JShellEvaluator.Readiness.INCOMPLETE, evaluator.isComplete("for (int i = 0; i < 3; i++) {")
                .readiness());
        assertEquals(JShellEvaluator.Readiness.INCOMPLETE, evaluator.isComplete("void f() {").readiness());
        assertEquals(JShellEvaluator.Readiness.INVALID, evaluator.isComplete("int x = );").readiness());
    }

    @Test
    void completesMembersTypesAndPackages() {
        JShellEvaluator.Completion c = evaluator.complete("System.out.printl", 17);
        assertTrue(c.matches().contains("println("), c.matches().toString());
        assertEquals(11, c.cursorStart());
        assertTrue(evaluator.complete("Strin", 5).matches().contains("String"));
        assertTrue(evaluator.complete("java.util.concurrent.atomic.AtomicInteg", 39).matches()
                .contains("AtomicInteger"));
        // JShell indexes packages in the background: the first answers may miss them
        boolean foundPackage = false;
        for (int i = 0; i < 100 && !foundPackage; i++) {
            foundPackage = evaluator.complete("java.util.conc", 14).matches().contains("concurrent.");
            if (!foundPackage) {
                sleep(100);
            }
        }
        assertTrue(foundPackage, "package completion");
        // second snippet of a multi-snippet cell
        String cell = "int alpha = 1;\nalph";
        JShellEvaluator.Completion second = evaluator.complete(cell, cell.length());
        assertEquals(cell.length() - 4, second.cursorStart());
    }

    @Test
    void jarsAddedAtRunTimeAreUsableAtOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // a package under org.gan4j, next to packages javac has already listed
        assertEquals("org.gan4j.kernel.eval", eval("org.gan4j.kernel.eval.CellResult.class.getPackageName()").value());
        java.nio.file.Path src = dir.resolve("org/gan4j/addedlater/Late.java");
        java.nio.file.Files.createDirectories(src.getParent());
        java.nio.file.Files.writeString(src, "package org.gan4j.addedlater;\n"
                + "public class Late { public static int answer() { return 42; } }\n");
        java.nio.file.Path classes = dir.resolve("classes");
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", classes.toString(), src.toString()));
        evaluator.addToClasspath(classes.toString());
        assertEquals(42, eval("org.gan4j.addedlater.Late.answer()").value());
    }

    @Test
    void jarsOnTheInitialClassPathAreUsableAfterIndexing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path src = dir.resolve("org/gan4j/initial/Early.java");
        java.nio.file.Files.createDirectories(src.getParent());
        java.nio.file.Files.writeString(src, "package org.gan4j.initial;\n"
                + "public class Early { public static int answer() { return 7; } }\n");
        java.nio.file.Path classes = dir.resolve("classes");
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", classes.toString(), src.toString()));
        List<String> classPath = new java.util.ArrayList<>(
                List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        classPath.add(classes.toString());
        try (JShellEvaluator fresh = new JShellEvaluator(classPath)) {
            assertTrue(fresh.awaitClassPathIndex(30_000));
            assertEquals(7, fresh.eval("org.gan4j.initial.Early.answer()").value());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void inspectsMethodsWithAndWithoutParentheses() {
        JShellEvaluator.Inspection bare = evaluator.inspect("String.valueOf", 14).orElseThrow();
        assertTrue(bare.signatures().stream().anyMatch(s -> s.contains("valueOf")), bare.signatures().toString());
        JShellEvaluator.Inspection call = evaluator.inspect("String.valueOf(42)", 16).orElseThrow();
        assertTrue(call.signatures().stream().anyMatch(s -> s.contains("valueOf")), call.signatures().toString());
    }
}
