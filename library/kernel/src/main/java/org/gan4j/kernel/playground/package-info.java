/**
 * The interactive GAN playground on 2-D data ({@link org.gan4j.kernel.playground.Playground}): widgets to play,
 * pause and step training and to change its settings while it runs, and a picture of what D and G do in the plane.
 */
package org.gan4j.kernel.playground;
