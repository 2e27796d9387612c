/**
 * Where the jars of a notebook come from: class path entries with globs (from {@code GAN4J_CLASSPATH},
 * {@code IJAVA_CLASSPATH} or the {@code %classpath}/{@code %jars} magics) and Maven coordinates resolved with Maven's
 * own resolver into the local repository.
 */
package org.gan4j.kernel.classpath;
