package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.nn.Generator;

/** Shows a {@link Generator} as an HTML summary ({@link Summaries#generator}) and its {@code toString()} as text. */
public final class GeneratorRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, Generator.class, Summaries::generator);
    }
}
