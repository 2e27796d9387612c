package org.gan4j.kernel.magic;

import java.io.PrintStream;
import java.util.List;

import org.gan4j.kernel.eval.CellException;
import org.gan4j.kernel.eval.CellResult;

/** What magics may ask of the kernel running them. */
public interface MagicHost {

    /**
     * Makes jars or folders available to later code.
     *
     * @param entries absolute paths
     */
    void addToClasspath(List<String> entries);

    /**
     * Evaluates code as part of the current cell.
     *
     * @param code      the code
     * @param firstLine the 0-based cell line it starts on (for error messages)
     * @return its result
     * @throws CellException when it fails
     */
    CellResult eval(String code, int firstLine) throws CellException;

    /** @return where magics print messages for the user (the cell's stdout) */
    PrintStream out();

    /**
     * @param code code naming a method, type or expression
     * @return its signatures and javadoc, or {@code null} when nothing is known
     */
    String documentation(String code);

    /**
     * Shows text in the front end's pager (Jupyter's "page" payload) after the cell.
     *
     * @param text the text
     */
    void page(String text);
}
