package org.gan4j.kernel.display;

import java.awt.image.BufferedImage;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** Shows a {@link BufferedImage} as a PNG (JPEG or GIF on request), with its size as text. */
public final class BufferedImageRenderer implements DisplayRenderer {

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(BufferedImage.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_JPEG, MIMEType.IMAGE_GIF, MIMEType.TEXT_PLAIN)
                .register((image, context) -> {
                    Image.renderImage(image, context);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN,
                            () -> "BufferedImage " + image.getWidth() + "x" + image.getHeight());
                });
    }
}
