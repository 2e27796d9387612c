package org.gan4j.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.gan4j.kernel.classpath.ClassPathEntries;
import org.gan4j.kernel.classpath.MavenResolver;
import org.gan4j.kernel.eval.CellException;
import org.gan4j.kernel.eval.CellResult;

/**
 * The kernel's magics.
 *
 * <ul>
 *   <li>{@code %classpath PATH...} — add jars or class folders; globs allowed ({@code lib/*.jar},
 *       {@code libs/**.jar}); several entries may also be joined with {@code :}.</li>
 *   <li>{@code %jars GLOB...} — the same, IJava's name for it.</li>
 *   <li>{@code %maven [--offline] [--repo URL]... G:A:V...} — resolve artifacts and their runtime dependencies from
 *       Maven Central (and the given repositories) into the local Maven repository, and add them.</li>
 *   <li>{@code %time CODE} — run {@code CODE} and print the wall time; {@code %%time} does so for the whole cell.</li>
 *   <li>{@code %doc NAME} — show the signatures and javadoc of a method, type or expression in the pager.</li>
 *   <li>{@code %lsmagic} — list the magics.</li>
 * </ul>
 */
public final class Magics {

    /** A line magic: gets its parsed line, returns a cell result or {@code null}. */
    @FunctionalInterface
    public interface Line {
        /**
         * @param magic the parsed magic line
         * @return a result to show, or {@code null}
         * @throws Exception a {@link MagicException} for misuse; a {@link CellException} from code it ran
         */
        CellResult run(CellParts.LineMagic magic) throws Exception;
    }

    /** A cell magic: gets its parsed first line and the body. */
    @FunctionalInterface
    public interface Cell {
        /**
         * @param magic the parsed cell magic
         * @return a result to show, or {@code null}
         * @throws Exception a {@link MagicException} for misuse; a {@link CellException} from code it ran
         */
        CellResult run(CellParts.CellMagic magic) throws Exception;
    }

    private final MagicHost host;
    private final Map<String, Line> lineMagics = new TreeMap<>();
    private final Map<String, Cell> cellMagics = new TreeMap<>();
    private MavenResolver maven;

    /** @param host the kernel the magics act on */
    public Magics(MagicHost host) {
        this.host = host;
        lineMagics.put("classpath", m -> addJars(m.args(), "%classpath"));
        lineMagics.put("jars", m -> addJars(m.args(), "%jars"));
        lineMagics.put("maven", m -> maven(m.args()));
        lineMagics.put("time", m -> time(m.rest(), m.firstLine()));
        lineMagics.put("doc", m -> {
            if (m.rest().isBlank()) {
                throw new MagicException("%doc needs a name, e.g. %doc String.valueOf");
            }
            String text = host.documentation(m.rest());
            if (text == null) {
                throw new MagicException("%doc: nothing known about '" + m.rest() + "'");
            }
            host.page(text);
            return null;
        });
        lineMagics.put("lsmagic", m -> {
            host.out().println(list());
            return null;
        });
        cellMagics.put("time", m -> time(m.body(), 1));
    }

    /** Also makes the line magics callable from code through jjava's {@code lineMagic(name, args)}. */
    public void registerWith(MagicsRegistry registry) {
        lineMagics.forEach((name, magic) -> registry.registerLineMagic(name,
                (kernel, args) -> magic.run(new CellParts.LineMagic(name, args, String.join(" ", args), 0))));
        cellMagics.forEach((name, magic) -> registry.registerCellMagic(name,
                (kernel, args, body) -> magic.run(new CellParts.CellMagic(name, args, body))));
    }

    /** @return the names of the line magics */
    public List<String> lineMagicNames() {
        return new ArrayList<>(lineMagics.keySet());
    }

    /** @return the names of the cell magics */
    public List<String> cellMagicNames() {
        return new ArrayList<>(cellMagics.keySet());
    }

    /**
     * Runs a line magic.
     *
     * @throws MagicException for an unknown magic or misuse
     * @throws CellException  when code run by the magic fails
     */
    public CellResult runLine(CellParts.LineMagic magic) throws MagicException, CellException {
        Line line = lineMagics.get(magic.name());
        if (line == null) {
            throw new MagicException("%" + magic.name() + " is not a magic. " + list());
        }
        return run(() -> line.run(magic));
    }

    /**
     * Runs a cell magic.
     *
     * @throws MagicException for an unknown magic or misuse
     * @throws CellException  when code run by the magic fails
     */
    public CellResult runCell(CellParts.CellMagic magic) throws MagicException, CellException {
        Cell cell = cellMagics.get(magic.name());
        if (cell == null) {
            throw new MagicException("%%" + magic.name() + " is not a cell magic. " + list());
        }
        return run(() -> cell.run(magic));
    }

    private interface Body {
        CellResult run() throws Exception;
    }

    private static CellResult run(Body body) throws MagicException, CellException {
        try {
            return body.run();
        } catch (MagicException | CellException e) {
            throw e;
        } catch (Exception e) {
            throw new MagicException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private String list() {
        return "Line magics: " + lineMagics.keySet().stream().map(n -> "%" + n).collect(Collectors.joining(", "))
                + "; cell magics: " + cellMagics.keySet().stream().map(n -> "%%" + n).collect(Collectors.joining(", "))
                + ".";
    }

    private CellResult addJars(List<String> specs, String name) throws MagicException {
        if (specs.isEmpty()) {
            throw new MagicException(name + " needs at least one jar, folder or glob, e.g. " + name + " lib/*.jar");
        }
        List<String> entries;
        try {
            entries = ClassPathEntries.resolve(specs);
        } catch (IllegalArgumentException e) {
            throw new MagicException(name + ": " + e.getMessage());
        }
        host.addToClasspath(entries);
        host.out().println("Added " + entries.size() + (entries.size() == 1 ? " entry" : " entries")
                + " to the class path.");
        return null;
    }

    private CellResult maven(List<String> args) throws MagicException {
        List<String> coordinates = new ArrayList<>();
        List<String> repositories = new ArrayList<>();
        boolean offline = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--offline") || a.equals("-o")) {
                offline = true;
            } else if (a.equals("--repo") || a.equals("-r")) {
                if (i + 1 >= args.size()) {
                    throw new MagicException("%maven: --repo needs a URL, e.g. --repo https://jitpack.io");
                }
                repositories.add(args.get(++i));
            } else if (a.startsWith("--repo=")) {
                repositories.add(a.substring("--repo=".length()));
            } else if (a.startsWith("-")) {
                throw new MagicException("%maven: unknown option " + a
                        + "; usage: %maven [--offline] [--repo URL]... groupId:artifactId:version...");
            } else {
                coordinates.add(a);
            }
        }
        if (coordinates.isEmpty()) {
            throw new MagicException("%maven needs coordinates, e.g. %maven org.apache.commons:commons-lang3:3.14.0");
        }
        for (String c : coordinates) {
            try {
                MavenResolver.parse(c);
            } catch (IllegalArgumentException e) {
                throw new MagicException("%maven: " + e.getMessage());
            }
        }
        List<Path> files;
        try {
            if (maven == null) {
                maven = new MavenResolver();
            }
            files = maven.resolve(coordinates, repositories, offline);
        } catch (MavenResolver.MavenResolutionException e) {
            throw new MagicException("%maven could not resolve " + String.join(", ", coordinates) + ": "
                    + e.getMessage(), e);
        }
        host.addToClasspath(files.stream().map(Path::toString).collect(Collectors.toList()));
        host.out().println("Resolved " + files.size() + (files.size() == 1 ? " jar" : " jars") + " for "
                + String.join(", ", coordinates) + ".");
        return null;
    }

    private CellResult time(String code, int firstLine) throws CellException {
        long start = System.nanoTime();
        try {
            return host.eval(code, firstLine);
        } finally {
            long nanos = System.nanoTime() - start;
            host.out().println("Wall time: " + formatNanos(nanos));
        }
    }

    /** @return a duration in the most readable unit */
    static String formatNanos(long nanos) {
        if (nanos < 1_000_000L) {
            return String.format("%.0f µs", nanos / 1e3);
        }
        if (nanos < 10_000_000_000L) {
            return String.format("%.1f ms", nanos / 1e6);
        }
        return String.format("%.2f s", nanos / 1e9);
    }
}
