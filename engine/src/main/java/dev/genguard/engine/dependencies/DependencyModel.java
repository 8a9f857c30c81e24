package dev.genguard.engine.dependencies;

import java.util.List;

/**
 * What the build knows about a module's dependencies, with no Maven types: the Maven plugin fills it from the
 * project model (with input locations) and the resolved graph.
 *
 * @param declared     dependencies declared in the module's pom or inherited from its parents
 * @param resolved     every resolved dependency, direct and transitive (empty when resolution did not run)
 * @param unresolved   declared dependencies the build could not resolve
 * @param repositories repositories and plugin repositories of the pom and its parents
 * @param unused       declared dependencies the compiled classes never use (null: not analysed)
 */
public record DependencyModel(List<Declared> declared, List<Resolved> resolved, List<Unresolved> unresolved,
                              List<Repository> repositories, List<Coordinate> unused) {

    public DependencyModel {
        declared = List.copyOf(declared);
        resolved = List.copyOf(resolved);
        unresolved = List.copyOf(unresolved);
        repositories = List.copyOf(repositories);
        unused = unused == null ? null : List.copyOf(unused);
    }

    /**
     * Where a declaration is.
     *
     * @param file the pom, relative to the module's base directory ({@code pom.xml}, {@code ../pom.xml})
     * @param line its first line (1-based; 0 when Maven did not track it)
     */
    public record Location(String file, int line) {
    }

    /** A declared dependency. */
    public record Declared(Coordinate coordinate, String version, String scope, Location location) {
    }

    /**
     * A resolved dependency.
     *
     * @param via the declared dependency that brings it in, or null when it is declared itself
     */
    public record Resolved(Coordinate coordinate, String version, String scope, Declared via) {
    }

    /** A declared dependency that could not be resolved, and Maven's reason. */
    public record Unresolved(Declared declared, String reason) {
    }

    /** A repository declaration. */
    public record Repository(String id, String url, boolean pluginRepository, Location location) {
    }
}
