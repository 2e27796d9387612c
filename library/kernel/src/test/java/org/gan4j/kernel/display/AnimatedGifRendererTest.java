package org.gan4j.kernel.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.gan4j.viz.AnimatedGif;
import org.junit.jupiter.api.Test;

class AnimatedGifRendererTest {

    @Test
    void rendersTheGifBytesAndASummary() {
        BufferedImage a = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        b.setRGB(1, 1, 0xFFFFFF);
        AnimatedGif gif = AnimatedGif.of(List.of(a, b), 100);
        Renderer renderer = new Renderer();
        new AnimatedGifRenderer().register(renderer);
        DisplayData data = renderer.render(gif);
        Object base64 = data.getData(MIMEType.IMAGE_GIF);
        assertArrayEquals(gif.bytes(), Base64.getDecoder().decode((String) base64));
        assertTrue(String.valueOf(data.getData(MIMEType.TEXT_PLAIN)).startsWith("AnimatedGif[2 frames"),
                String.valueOf(data.getData(MIMEType.TEXT_PLAIN)));
    }
}
