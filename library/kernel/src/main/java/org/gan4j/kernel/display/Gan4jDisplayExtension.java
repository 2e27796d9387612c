package org.gan4j.kernel.display;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * The jjava extension that installs every {@link DisplayRenderer} found on the class path into a kernel's renderer:
 * gan4j's own {@link Gan4jRenderers} and those of other jars. Renderers whose library is missing are skipped.
 */
public final class Gan4jDisplayExtension implements Extension {

    private final List<String> installed = new ArrayList<>();

    /** Creates the extension (jjava instantiates it through {@link ServiceLoader}). */
    public Gan4jDisplayExtension() {
    }

    @Override
    public void install(BaseKernel kernel) {
        ServiceLoader<DisplayRenderer> loader = ServiceLoader.load(DisplayRenderer.class,
                Gan4jDisplayExtension.class.getClassLoader());
        var iterator = loader.iterator();
        while (true) {
            DisplayRenderer renderer;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                renderer = iterator.next();
            } catch (ServiceConfigurationError | LinkageError missing) {
                continue; // a renderer for a library that is not on the class path
            }
            try {
                renderer.register(kernel.getRenderer());
                installed.add(renderer.getClass().getName());
            } catch (LinkageError missing) {
                // the rendered library is not on the class path
            }
        }
    }

    /** @return class names of the renderers installed so far */
    public List<String> installedRenderers() {
        return Collections.unmodifiableList(installed);
    }
}
