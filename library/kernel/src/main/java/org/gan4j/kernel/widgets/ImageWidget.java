package org.gan4j.kernel.widgets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * An image that Java code replaces in place: PNG bytes sent as a binary message buffer (base64 text for ipywidgets
 * 6), so a slider can re-render a sample grid without adding outputs to the cell.
 */
public final class ImageWidget extends DomWidget {

    private volatile byte[] png;
    private volatile int imageWidth;
    private volatile int displayWidth;

    /** @param image the first image */
    public ImageWidget(BufferedImage image) {
        super("", null);
        this.png = encode(image);
        this.imageWidth = image.getWidth();
    }

    /**
     * Replaces the image.
     *
     * @param image the new image
     * @return this widget
     */
    public ImageWidget image(BufferedImage image) {
        png = encode(image);
        boolean resized = image.getWidth() != imageWidth;
        imageWidth = image.getWidth();
        if (resized && displayWidth == 0) {
            changed("value", "width");
        } else {
            changed("value");
        }
        return this;
    }

    /**
     * Shows the image at a width other than its own pixel width (the browser scales it).
     *
     * @param pixels the width on the page, {@code 0} for the image's own
     * @return this widget
     */
    public ImageWidget displayWidth(int pixels) {
        if (pixels < 0) {
            throw new IllegalArgumentException("displayWidth must be >= 0, got " + pixels);
        }
        displayWidth = pixels;
        changed("width");
        return this;
    }

    /** @return the current image as PNG bytes (a copy) */
    public byte[] png() {
        return png.clone();
    }

    private static byte[] encode(BufferedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("ImageWidget: image is null");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    protected String modelName(WidgetDialect dialect) {
        return "ImageModel";
    }

    @Override
    protected String viewName(WidgetDialect dialect) {
        return "ImageView";
    }

    @Override
    protected void writeValues(State state) {
        state.put("format", "png").put("width", String.valueOf(displayWidth == 0 ? imageWidth : displayWidth))
                .put("height", "");
        state.putBytes("value", png);
    }

    @Override
    protected String staticHtml() {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\""
                + " width=\"" + (displayWidth == 0 ? imageWidth : displayWidth) + "\">";
    }
}
