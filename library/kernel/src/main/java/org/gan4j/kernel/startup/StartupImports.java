package org.gan4j.kernel.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the import statements of the start-up script.
 *
 * <p>The fixed part: {@code java.util.*}, {@code java.util.stream.*}, {@code java.nio.file.*},
 * {@code java.awt.image.BufferedImage}, {@code tech.tablesaw.api.*}, {@code org.knowm.xchart.*}, ND4J's {@code Nd4j}
 * and {@code INDArray}, the notebook functions of {@link org.gan4j.kernel.NotebookFunctions}, and the live training
 * view ({@code org.gan4j.kernel.live}). The discovered
 * part: every package under {@code org.gan4j} (except the kernel's own) that holds at least one class on the class
 * path, so new gan4j packages are imported without changing the kernel. The caller evaluates each import on its own
 * and drops those that fail, so a missing library never breaks start-up.
 */
public final class StartupImports {

    /** Imports every notebook gets. */
    public static final List<String> FIXED = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import java.nio.file.*;",
            "import java.awt.image.BufferedImage;",
            "import tech.tablesaw.api.*;",
            "import org.knowm.xchart.*;",
            "import org.nd4j.linalg.factory.Nd4j;",
            "import org.nd4j.linalg.api.ndarray.INDArray;",
            "import static org.gan4j.kernel.NotebookFunctions.*;",
            "import org.gan4j.kernel.live.*;",
            "import org.gan4j.kernel.widgets.*;",
            "import org.gan4j.kernel.playground.*;",
            "import org.gan4j.kernel.explore.*;");

    private static final String ROOT = "org/gan4j/";
    private static final String OWN = "org/gan4j/kernel";

    private StartupImports() {
    }

    /**
     * @param classPath class path entries (jars and folders)
     * @return {@link #FIXED} followed by {@code import org.gan4j.x.*;} for each gan4j package found, sorted
     */
    public static List<String> forClassPath(List<String> classPath) {
        List<String> imports = new ArrayList<>(FIXED);
        Map<String, Set<String>> classes = gan4jClasses(classPath);
        for (String pkg : classes.keySet()) {
            imports.add("import " + pkg + ".*;");
        }
        ClassLoader loader = StartupImports.class.getClassLoader();
        imports.addAll(clashResolutions(classes, name -> isPublicClass(name, loader)));
        return imports;
    }

    /**
     * A gan4j class whose simple name is also in one of the JDK or library packages imported on demand (XChart's
     * {@code Histogram}, say) would make that name ambiguous in every cell. A single-type import settles it for
     * gan4j, which is what these notebooks are about.
     *
     * @return {@code import org.gan4j.x.Name;} for each public gan4j class whose name clashes
     */
    static List<String> clashResolutions(Map<String, Set<String>> gan4jClasses,
            java.util.function.Predicate<String> isPublicClass) {
        List<String> onDemand = new ArrayList<>();
        for (String statement : FIXED) {
            if (statement.startsWith("import ") && !statement.startsWith("import static") && statement.endsWith(".*;")) {
                onDemand.add(statement.substring("import ".length(), statement.length() - ".*;".length()));
            }
        }
        List<String> imports = new ArrayList<>();
        gan4jClasses.forEach((pkg, names) -> {
            for (String name : names) {
                boolean clashes = onDemand.stream().anyMatch(other -> isPublicClass.test(other + "." + name));
                if (clashes && isPublicClass.test(pkg + "." + name)) {
                    imports.add("import " + pkg + "." + name + ";");
                }
            }
        });
        return imports;
    }

    private static boolean isPublicClass(String name, ClassLoader loader) {
        try {
            return java.lang.reflect.Modifier.isPublic(Class.forName(name, false, loader).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return the current JVM's class path entries */
    public static List<String> jvmClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return entries;
    }

    /**
     * @param classPath class path entries
     * @return names of packages under {@code org.gan4j} holding a class (other than {@code package-info}), the kernel's
     *         own packages excluded
     */
    public static Set<String> gan4jPackages(List<String> classPath) {
        return gan4jClasses(classPath).keySet();
    }

    /**
     * @param classPath class path entries
     * @return top-level class simple names by package, for packages under {@code org.gan4j} except the kernel's
     */
    public static Map<String, Set<String>> gan4jClasses(List<String> classPath) {
        Map<String, Set<String>> packages = new TreeMap<>();
        for (String entry : classPath) {
            Path path = Paths.get(entry);
            try {
                if (Files.isDirectory(path)) {
                    scanFolder(path, packages);
                } else if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
                    scanJar(path, packages);
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable entry adds no imports; start-up goes on
            }
        }
        return packages;
    }

    private static void scanJar(Path jar, Map<String, Set<String>> packages) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                consider(entries.nextElement().getName(), packages);
            }
        }
    }

    private static void scanFolder(Path folder, Map<String, Set<String>> packages) throws IOException {
        Path root = folder.resolve(ROOT);
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace(File.separatorChar, '/'))
                    .forEach(name -> consider(name, packages));
        }
    }

    private static void consider(String name, Map<String, Set<String>> packages) {
        if (!name.startsWith(ROOT) || !name.endsWith(".class") || name.startsWith(OWN + "/")) {
            return;
        }
        int slash = name.lastIndexOf('/');
        String simple = name.substring(slash + 1);
        if (simple.equals("package-info.class") || simple.equals("module-info.class") || simple.contains("$")) {
            return;
        }
        packages.computeIfAbsent(name.substring(0, slash).replace('/', '.'), k -> new TreeSet<>())
                .add(simple.substring(0, simple.length() - ".class".length()));
    }
}
