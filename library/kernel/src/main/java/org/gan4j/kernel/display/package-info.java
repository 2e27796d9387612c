/**
 * Rich display for notebook values: {@code BufferedImage} as PNG, XChart charts as PNG drawn at 2× (SVG on request),
 * Tablesaw tables as HTML (row limit), gan4j's {@code AnimatedGif} as {@code image/gif} (it animates inline), and gan4j values as compact HTML summaries ({@link
 * org.gan4j.kernel.display.Summaries}: configurations, results, sessions, histories, ring metrics, judge reports,
 * datasets, generators). {@code text/plain} is always present.
 *
 * <p>{@link org.gan4j.kernel.display.Gan4jDisplayExtension} is a jjava {@code Extension} registered in
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, so this jar renders in any JJava-based kernel. Each
 * renderer is one {@link org.gan4j.kernel.display.DisplayRenderer} class listed in
 * {@code META-INF/services/org.gan4j.kernel.display.DisplayRenderer}; adding a type is one class and one line there
 * (the jar holding it may be another one, e.g. gan4j-core).
 */
package org.gan4j.kernel.display;
