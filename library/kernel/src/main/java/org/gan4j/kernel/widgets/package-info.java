/**
 * Jupyter widgets from Java: sliders, drop-downs, buttons, a play control, labels, HTML, images, outputs and boxes
 * whose state the kernel and the browser share over comm messages ({@link org.gan4j.kernel.widgets.WidgetManager}),
 * with value listeners in Java and {@link org.gan4j.kernel.widgets.Interact} to tie controls to a picture. The
 * protocol versions spoken are described in {@link org.gan4j.kernel.widgets.WidgetDialect}.
 */
package org.gan4j.kernel.widgets;
