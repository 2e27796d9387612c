package org.gan4j.kernel.classpath;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates with their runtime dependencies using Maven's resolver, downloading into the local
 * repository ({@code ~/.m2/repository}, or {@code -Dmaven.repo.local}) as Maven does.
 */
public final class MavenResolver {

    /** Maven Central. */
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final RepositorySystem system;
    private final Path localRepository;

    /** A resolver on the default local repository. */
    public MavenResolver() {
        this(defaultLocalRepository());
    }

    /** @param localRepository the local repository to resolve into */
    public MavenResolver(Path localRepository) {
        this.system = new RepositorySystemSupplier().get();
        this.localRepository = localRepository;
    }

    /** @return {@code -Dmaven.repo.local} if set, else {@code ~/.m2/repository} */
    public static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Resolves artifacts and their runtime dependencies.
     *
     * @param coordinates {@code groupId:artifactId[:extension[:classifier]]:version} each
     * @param repositories remote repository URLs to use besides Maven Central (e.g. {@code file:///...})
     * @param offline      use only what the local repository already holds
     * @return the resolved files, in resolution order
     * @throws IllegalArgumentException for malformed coordinates
     * @throws MavenResolutionException when something cannot be resolved
     */
    public List<Path> resolve(List<String> coordinates, List<String> repositories, boolean offline)
            throws MavenResolutionException {
        List<Dependency> roots = new ArrayList<>();
        for (String coordinate : coordinates) {
            roots.add(new Dependency(parse(coordinate), JavaScopes.RUNTIME));
        }
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setOffline(offline);
        session.setLocalRepositoryManager(
                system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));

        List<RemoteRepository> remotes = new ArrayList<>();
        int i = 0;
        for (String url : repositories) {
            remotes.add(new RemoteRepository.Builder("repo" + (i++), "default", url).build());
        }
        remotes.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());

        CollectRequest collect = new CollectRequest(roots, List.of(), remotes);
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            return system.resolveDependencies(session, request).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(Artifact::getFile)
                    .map(File::toPath)
                    .collect(Collectors.toList());
        } catch (DependencyResolutionException e) {
            throw new MavenResolutionException(firstLine(e), e);
        }
    }

    /**
     * @param coordinate {@code groupId:artifactId[:extension[:classifier]]:version}
     * @return the artifact
     * @throws IllegalArgumentException with a readable message when malformed
     */
    public static Artifact parse(String coordinate) {
        String c = coordinate.strip();
        String[] parts = c.split(":", -1);
        boolean ok = parts.length >= 3 && parts.length <= 5;
        for (String p : parts) {
            ok &= !p.isBlank();
        }
        if (!ok) {
            throw new IllegalArgumentException("'" + coordinate
                    + "' is not a Maven coordinate; expected groupId:artifactId:version"
                    + " (or groupId:artifactId:extension[:classifier]:version)");
        }
        return new DefaultArtifact(c);
    }

    private static String firstLine(Exception e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.toString() : message.lines().findFirst().orElse(message);
    }

    /** A Maven artifact could not be resolved. */
    public static final class MavenResolutionException extends Exception {
        private static final long serialVersionUID = 1L;

        MavenResolutionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
