package org.gan4j.kernel.display;

import java.util.function.Function;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** Shared registration shapes for the gan4j renderers; {@code text/plain} is always included. */
final class Registrations {

    private Registrations() {
    }

    /** Registers {@code type} as HTML (preferred) and text ({@code toString()}). */
    static <T> void html(Renderer renderer, Class<T> type, Function<T, String> html) {
        renderer.createRegistration(type)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((value, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> html.apply(value));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> String.valueOf(value));
                });
    }
}
