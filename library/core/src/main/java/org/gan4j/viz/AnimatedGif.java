package org.gan4j.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gan4j.io.AtomicFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF held in memory: the encoded bytes plus what they show. Notebooks display it inline (the gan4j
 * kernel renders it as {@code image/gif}); {@link #save(Path)} writes it to a file atomically.
 *
 * <p>Encoded with the JDK's ImageIO GIF writer: every frame shows for {@code delayMillis} (GIF stores hundredths of
 * a second), and the NETSCAPE2.0 application extension makes viewers loop it forever. Frames that are not indexed
 * are reduced to at most 256 colours by the writer (grey images keep their 256 greys).
 *
 * <pre>{@code
 * AnimatedGif gif = AnimatedGif.of(frames, 80);     // 80 ms per frame, loops forever
 * gif.save(Path.of("walk.gif"));
 * }</pre>
 */
public final class AnimatedGif {

    /** Shortest delay accepted: 20 ms (browsers show faster GIFs at 100 ms). */
    public static final int MIN_DELAY_MILLIS = 20;

    private final byte[] bytes;
    private final int frames;
    private final int width;
    private final int height;
    private final int delayMillis;

    private AnimatedGif(byte[] bytes, int frames, int width, int height, int delayMillis) {
        this.bytes = bytes;
        this.frames = frames;
        this.width = width;
        this.height = height;
        this.delayMillis = delayMillis;
    }

    /**
     * Encodes frames as a GIF that loops forever.
     *
     * @param frames      the frames in order, at least 1, all of the same size
     * @param delayMillis how long each frame shows, at least {@value #MIN_DELAY_MILLIS} ms (rounded to 10 ms)
     * @return the GIF
     */
    public static AnimatedGif of(List<BufferedImage> frames, int delayMillis) {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("frames must hold at least one image, got "
                    + (frames == null ? "null" : "none"));
        }
        if (delayMillis < MIN_DELAY_MILLIS) {
            throw new IllegalArgumentException("delayMillis must be >= " + MIN_DELAY_MILLIS + ", got " + delayMillis);
        }
        BufferedImage first = Objects.requireNonNull(frames.get(0), "frames[0] must not be null");
        for (int i = 1; i < frames.size(); i++) {
            BufferedImage f = Objects.requireNonNull(frames.get(i), "frames[" + i + "] must not be null");
            if (f.getWidth() != first.getWidth() || f.getHeight() != first.getHeight()) {
                throw new IllegalArgumentException("frames must all have the size of frames[0] (" + first.getWidth()
                        + "x" + first.getHeight() + "), frames[" + i + "] is " + f.getWidth() + "x" + f.getHeight());
            }
        }
        try {
            return new AnimatedGif(encode(frames, delayMillis), frames.size(), first.getWidth(), first.getHeight(),
                    delayMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the GIF", e);
        }
    }

    private static byte[] encode(List<BufferedImage> frames, int delayMillis) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(buffer)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            boolean first = true;
            for (BufferedImage frame : frames) {
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        null);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", Integer.toString(Math.round(delayMillis / 10f)));
                control.setAttribute("transparentColorIndex", "0");
                if (first) {
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[]{1, 0, 0}); // sub-block 1, loop count 0 = forever
                    child(root, "ApplicationExtensions").appendChild(app);
                    first = false;
                }
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return buffer.toByteArray();
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** @return a copy of the encoded GIF */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return number of frames */
    public int frames() {
        return frames;
    }

    /** @return frame width in pixels */
    public int width() {
        return width;
    }

    /** @return frame height in pixels */
    public int height() {
        return height;
    }

    /** @return how long each frame shows, in milliseconds */
    public int delayMillis() {
        return delayMillis;
    }

    /**
     * Writes the GIF to {@code file} atomically with {@link AtomicFiles}; creates the
     * folder if needed.
     *
     * @param file where to write, normally ending in {@code .gif}
     * @return {@code file}
     */
    public Path save(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        Path absolute = file.toAbsolutePath();
        try {
            AtomicFiles.writeBytes(absolute, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the GIF to " + file, e);
        }
        return file;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnimatedGif g && Arrays.equals(bytes, g.bytes) && delayMillis == g.delayMillis;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AnimatedGif[" + frames + " frames, " + width + "x" + height + ", " + delayMillis + " ms/frame, "
                + bytes.length + " bytes, loops forever]";
    }
}
