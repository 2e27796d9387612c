/**
 * The start-up script every notebook gets: imports of the JDK, Tablesaw, XChart, ND4J and every gan4j package found on
 * the class path, plus the notebook functions ({@code display}, {@code render}, ...), so cells stay short.
 */
package org.gan4j.kernel.startup;
