/**
 * Rich display for notebook values: {@code BufferedImage} as PNG, XChart charts as PNG drawn at 2× (SVG on request),
 * Tablesaw tables as HTML (row limit), gan4j's {@code AnimatedGif} as {@code image/gif} (it animates inline), and
 * gan4j values as compact HTML summaries ({@link org.gan4j.kernel.display.Summaries}: configurations, results,
 * sessions, histories, ring metrics, judge reports, datasets, generators) or as the HTML they make themselves
 * (evaluation reports, run comparisons). {@code text/plain} is always present.
 *
 * <p>{@link org.gan4j.kernel.display.Gan4jRenderers} is the table of these registrations, one line per type; showing
 * another gan4j type is one line there. {@link org.gan4j.kernel.display.Gan4jDisplayExtension} is a jjava
 * {@code Extension} registered in {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, so this jar renders in
 * any JJava-based kernel; it installs every {@link org.gan4j.kernel.display.DisplayRenderer} listed in
 * {@code META-INF/services/org.gan4j.kernel.display.DisplayRenderer}, where another jar can list its own.
 */
package org.gan4j.kernel.display;
