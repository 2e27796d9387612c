package org.gan4j.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Which exits the guard refuses, and (with the guard installed in this test JVM, where Java 17 allows it) that a cell's
 * System.exit and Runtime.halt fail with the guard's message while the evaluator keeps the cell's variables.
 */
class ExitGuardTest {

    @Test
    void anExitWithASnippetFrameOnTheStackIsRefused() {
        assertTrue(ExitGuard.refuses(Stream.of("java.lang.Runtime", "java.lang.System", "org.example.Lib",
                "REPL.$JShell$12", "org.gan4j.kernel.eval.CellExecutionControl")));
    }

    @Test
    void theRefusedCallIsNamedFromTheStack() {
        assertEquals("Runtime.halt(3)", ExitGuard.exitCall(java.util.List.of("java.lang.Shutdown.exit",
                "java.lang.Runtime.halt", "REPL.$JShell$3.do_it$"), 3));
        assertEquals("System.exit(0)", ExitGuard.exitCall(java.util.List.of("java.lang.Runtime.exit",
                "java.lang.System.exit", "REPL.$JShell$3.do_it$"), 0));
    }

    @Test
    void theKernelsOwnExitIsAllowed() {
        assertFalse(ExitGuard.refuses(Stream.of("java.lang.Runtime", "java.lang.System",
                "org.gan4j.kernel.Gan4jKernel")));
    }

    @Test
    void aCellCallingExitOrHaltGetsAnErrorAndTheKernelKeepsItsState() throws Exception {
        String installed = ExitGuard.install();
        if (!installed.contains("blocked")) {
            // JDK 18+ without -Djava.security.manager=allow: the guard says why it is off, and there is nothing more
            assertTrue(installed.contains("does not allow a security manager"), installed);
            return;
        }
        try (JShellEvaluator evaluator = new JShellEvaluator()) {
            evaluator.eval("int kept = 7;", "[1]", 1);
            for (String[] exit : new String[][] {{"System.exit(0);", "System.exit(0)"},
                    {"Runtime.getRuntime().halt(3);", "Runtime.halt(3)"}}) {
                CellException e = org.junit.jupiter.api.Assertions.assertThrows(CellException.class,
                        () -> evaluator.eval(exit[0], "[2]", 1));
                assertEquals(CellExitException.class.getName(), e.ename());
                assertTrue(e.evalue().startsWith(exit[1] + " was called by the cell and refused"), e.evalue());
                assertTrue(e.evalue().contains("keeps its state"), e.evalue());
            }
            assertEquals("7", evaluator.eval("kept", "[3]", 1).text());
        }
    }
}
