package dev.genguard.maven;

import dev.genguard.engine.dependencies.Coordinate;
import dev.genguard.engine.dependencies.DependencyModel;
import dev.genguard.engine.dependencies.DependencyModel.Declared;
import dev.genguard.engine.dependencies.DependencyModel.Location;
import dev.genguard.engine.dependencies.DependencyModel.Resolved;
import dev.genguard.engine.dependencies.PomText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputLocationTracker;
import org.apache.maven.model.Repository;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.graph.DependencyNode;

/**
 * Builds the engine's {@link DependencyModel} from a Maven project: declarations and repositories of the effective
 * model with the pom file and line Maven tracked for each, and the resolved artifacts with the declaration that
 * brings each in (its dependency trail).
 */
final class DependencyModels {

    private final MavenProject project;
    private final Path baseDir;
    private final Map<String, PomText> poms = new LinkedHashMap<>();

    DependencyModels(MavenProject project) {
        this.project = project;
        this.baseDir = project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    /** The declared dependencies of the effective model (the module's and its parents'). */
    List<Declared> declared() {
        List<Declared> declared = new ArrayList<>();
        for (Dependency d : project.getModel().getDependencies()) {
            declared.add(new Declared(new Coordinate(d.getGroupId(), d.getArtifactId()), d.getVersion(), d.getScope(),
                    location(d)));
        }
        return declared;
    }

    /** Repositories and plugin repositories the poms declare (Maven's built-in central has no pom location). */
    List<DependencyModel.Repository> repositories() {
        List<DependencyModel.Repository> repositories = new ArrayList<>();
        for (Repository r : project.getModel().getRepositories()) {
            add(repositories, r, false);
        }
        for (Repository r : project.getModel().getPluginRepositories()) {
            add(repositories, r, true);
        }
        return repositories;
    }

    private void add(List<DependencyModel.Repository> out, Repository r, boolean plugin) {
        Location location = location(r);
        if (!location.file().isEmpty()) {
            out.add(new DependencyModel.Repository(r.getId(), r.getUrl(), plugin, location));
        }
    }

    /** The resolved artifacts (the project must have been resolved), each with the declaration that brings it in. */
    List<Resolved> resolved(List<Declared> declared) {
        Map<String, Declared> byKey = new HashMap<>();
        declared.forEach(d -> byKey.putIfAbsent(d.coordinate().toString(), d));
        List<Resolved> resolved = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            Coordinate c = new Coordinate(a.getGroupId(), a.getArtifactId());
            List<String> trail = a.getDependencyTrail();
            Declared via = null;
            if (!byKey.containsKey(c.toString()) && trail != null && trail.size() > 1) {
                // trail[0] is the project, trail[1] the direct dependency: groupId:artifactId:type:version
                String[] parts = trail.get(1).split(":");
                via = parts.length >= 2 ? byKey.get(parts[0] + ":" + parts[1]) : null;
            }
            resolved.add(new Resolved(c, a.getVersion(), a.getScope(), via));
        }
        resolved.sort((x, y) -> x.coordinate().compareTo(y.coordinate()));
        return resolved;
    }

    /**
     * The resolved dependencies of a graph the plugin resolved itself ({@code genguard:dependencies} runs before
     * Maven resolves the project): every node under a direct dependency is brought in by that declaration.
     */
    List<Resolved> resolved(DependencyNode root, List<Declared> declared) {
        Map<String, Declared> byKey = new HashMap<>();
        declared.forEach(d -> byKey.putIfAbsent(d.coordinate().toString(), d));
        Map<String, Resolved> resolved = new java.util.TreeMap<>();
        for (DependencyNode direct : root.getChildren()) {
            Declared via = direct.getArtifact() == null ? null
                    : byKey.get(direct.getArtifact().getGroupId() + ":" + direct.getArtifact().getArtifactId());
            collect(direct, via, byKey, resolved);
        }
        return new ArrayList<>(resolved.values());
    }

    private static void collect(DependencyNode node, Declared via, Map<String, Declared> declared,
                                Map<String, Resolved> out) {
        org.eclipse.aether.artifact.Artifact a = node.getArtifact();
        if (a != null) {
            Coordinate c = new Coordinate(a.getGroupId(), a.getArtifactId());
            String scope = node.getDependency() == null ? "" : node.getDependency().getScope();
            out.putIfAbsent(c.toString(), new Resolved(c, a.getVersion(), scope,
                    declared.containsKey(c.toString()) ? null : via));
        }
        for (DependencyNode child : node.getChildren()) {
            collect(child, via, declared, out);
        }
    }

    /** The text of every pom a location names, read once (for review markers, suppressions and element ends). */
    Map<String, PomText> poms() {
        return Map.copyOf(poms);
    }

    private Location location(InputLocationTracker tracker) {
        InputLocation location = tracker.getLocation("");
        if (location == null || location.getSource() == null || location.getSource().getLocation() == null) {
            return new Location("pom.xml", 0);
        }
        Path pom = Path.of(location.getSource().getLocation()).toAbsolutePath().normalize();
        String file = baseDir.relativize(pom).toString().replace('\\', '/');
        if (!poms.containsKey(file) && Files.isRegularFile(pom)) {
            try {
                poms.put(file, new PomText(Files.readString(pom, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                // Without its text a declaration still counts; only markers and suppressions are unknown.
            }
        }
        return new Location(file, Math.max(0, location.getLineNumber()));
    }
}
