package org.gan4j.kernel.eval;

/**
 * What a cell that ran to the end produced.
 *
 * @param hasValue whether the cell ended in an expression whose value should be shown
 * @param value    that value as a real object (may be {@code null} when the expression's value is null)
 * @param text     JShell's text form of the value (strings quoted, like the jshell tool); empty without value
 */
public record CellResult(boolean hasValue, Object value, String text) {

    /** A cell that ended in a statement or declaration. */
    public static final CellResult NO_VALUE = new CellResult(false, null, "");
}
