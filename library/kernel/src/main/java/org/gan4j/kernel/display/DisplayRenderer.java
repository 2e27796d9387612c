package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Registers how values are displayed. Implementations are found with {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/org.gan4j.kernel.display.DisplayRenderer}) and need a public no-argument constructor.
 * gan4j's own types are one implementation, {@link Gan4jRenderers}; another jar on the kernel's class path adds its
 * types with one of its own.
 *
 * <p>Example, for a type {@code Grid} that can draw itself:
 * <pre>{@code
 * public final class GridRenderer implements DisplayRenderer {
 *     public void register(Renderer renderer) {
 *         renderer.createRegistration(Grid.class)
 *                 .preferring(MIMEType.IMAGE_PNG)
 *                 .register((grid, context) -> Image.renderImage(grid.toImage(), context));
 *     }
 * }
 * }</pre>
 */
public interface DisplayRenderer {

    /**
     * Adds this renderer's registrations. Called once per kernel; a {@link LinkageError} (a rendered library is not
     * on the class path) makes the extension skip this renderer.
     *
     * @param renderer the kernel's renderer
     */
    void register(Renderer renderer);
}
