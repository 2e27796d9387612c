/**
 * Magics, IJava style: {@code %classpath} and {@code %jars} add jars, {@code %maven} resolves Maven coordinates with
 * their dependencies, {@code %time} / {@code %%time} time code, {@code %lsmagic} lists them. A line magic is a line of
 * its own starting with {@code %}; a cell magic is the first line of a cell starting with {@code %%}.
 */
package org.gan4j.kernel.magic;
