package org.gan4j.kernel.display;

import java.util.Base64;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.gan4j.viz.AnimatedGif;

/** Shows an {@link AnimatedGif} inline as {@code image/gif} (it animates in the notebook), with a text summary. */
public final class AnimatedGifRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(AnimatedGif.class)
                .preferring(MIMEType.IMAGE_GIF)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((gif, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_GIF,
                            () -> Base64.getEncoder().encodeToString(gif.bytes()));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, gif::toString);
                });
    }
}
