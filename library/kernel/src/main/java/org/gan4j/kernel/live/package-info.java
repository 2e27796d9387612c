/**
 * Live views of running work in a notebook: {@link org.gan4j.kernel.live.LiveView} shows a training's progress, loss
 * chart and fixed-noise samples, updated in place while a cell runs. Imported in every cell by the kernel's start-up
 * script.
 */
package org.gan4j.kernel.live;
