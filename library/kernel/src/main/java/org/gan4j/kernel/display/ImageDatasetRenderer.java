package org.gan4j.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.gan4j.data.ImageDataset;

/** Shows a {@link ImageDataset} as an HTML summary ({@link Summaries#dataset}) and its {@code toString()} as text. */
public final class ImageDatasetRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        Registrations.html(renderer, ImageDataset.class, Summaries::dataset);
    }
}
