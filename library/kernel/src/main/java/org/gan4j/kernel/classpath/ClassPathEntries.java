package org.gan4j.kernel.classpath;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves class path specifications: entries separated by {@link File#pathSeparator} (or given one by one), each a
 * jar, a folder of classes, or a glob such as {@code lib/*.jar} or {@code libs/**.jar}; {@code ~} stands for the
 * home folder. A folder ending in {@code /*} means its jars, as with {@code java -cp}.
 */
public final class ClassPathEntries {

    /** The environment variables read at start-up, in this order. */
    public static final List<String> ENVIRONMENT_VARIABLES = List.of("GAN4J_CLASSPATH", "IJAVA_CLASSPATH");

    private ClassPathEntries() {
    }

    /**
     * @param environment the process environment
     * @return the entries named by {@link #ENVIRONMENT_VARIABLES}, globs expanded
     */
    public static List<String> fromEnvironment(Map<String, String> environment) {
        List<String> result = new ArrayList<>();
        for (String variable : ENVIRONMENT_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                for (String entry : resolve(List.of(value.split(File.pathSeparator)))) {
                    if (!result.contains(entry)) {
                        result.add(entry);
                    }
                }
            }
        }
        return result;
    }

    /**
     * Expands the specifications.
     *
     * @param specs entries, each possibly holding several separated by {@link File#pathSeparator}
     * @return absolute paths of existing jars and folders, in order, without duplicates
     * @throws IllegalArgumentException naming the first specification that matches nothing
     */
    public static List<String> resolve(List<String> specs) {
        List<String> result = new ArrayList<>();
        for (String spec : specs) {
            for (String part : spec.split(File.pathSeparator)) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                List<String> matched = expand(p);
                if (matched.isEmpty()) {
                    throw new IllegalArgumentException("no jar or folder matches '" + p + "'");
                }
                matched.stream().filter(m -> !result.contains(m)).forEach(result::add);
            }
        }
        return result;
    }

    private static List<String> expand(String spec) {
        String s = spec.startsWith("~" + File.separator) || spec.equals("~")
                ? System.getProperty("user.home") + spec.substring(1) : spec;
        if (s.endsWith(File.separator + "*") && Files.isDirectory(Paths.get(s.substring(0, s.length() - 2)))) {
            s = s + ".jar";
        }
        if (!isGlob(s)) {
            Path path = Paths.get(s).toAbsolutePath().normalize();
            return Files.exists(path) ? List.of(path.toString()) : List.of();
        }
        if (!Paths.get(s).isAbsolute()) {
            s = Paths.get("").toAbsolutePath() + File.separator + s;
        }
        Path base = globBase(s);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String pattern = s;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(p -> matcher.matches(p.toAbsolutePath().normalize()))
                    .map(p -> p.toAbsolutePath().normalize().toString())
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base, e);
        }
    }

    private static boolean isGlob(String s) {
        return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** @return the folder before the first segment holding a glob character */
    private static Path globBase(String s) {
        int cut = prefixLength(s);
        String base = s.substring(0, cut);
        return base.isEmpty() ? Paths.get(".") : Paths.get(base);
    }

    private static int prefixLength(String s) {
        int firstGlob = 0;
        while (firstGlob < s.length() && "*?[{".indexOf(s.charAt(firstGlob)) < 0) {
            firstGlob++;
        }
        int sep = s.lastIndexOf(File.separatorChar, firstGlob);
        return sep < 0 ? 0 : sep + 1;
    }
}
