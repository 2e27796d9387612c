/**
 * Pictures of data and results: image grids ({@link java.awt.image.BufferedImage}) and XChart charts.
 * Nothing here opens a window; notebooks render the returned objects.
 */
package org.gan4j.viz;
