/**
 * Pictures of data and results: image grids ({@link java.awt.image.BufferedImage}) and XChart charts.
 * Nothing here opens a window; notebooks render the returned objects. {@link org.gan4j.viz.Html} makes small escaped
 * HTML summaries (key/value tables, inline PNGs) for notebook renderers; {@link org.gan4j.viz.AnimatedGif} holds an
 * encoded looping GIF (shown inline by the gan4j kernel, saved atomically).
 */
package org.gan4j.viz;
