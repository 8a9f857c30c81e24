package dev.genguard.maven;

import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.report.JsonReport;
import dev.genguard.engine.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The results of one build's modules, collected as each module's {@code check} ends; when the last module of the
 * reactor has reported, whichever thread that is ({@code mvn -T 2}), the aggregate is written under the top-level
 * project's {@code target/genguard/aggregate}. A build that stops early (a module fails without
 * {@code --fail-at-end}) writes no aggregate. One instance per build: keyed by the execution request, which every
 * module's (cloned) session shares, and held weakly so that embedded Maven runs do not leak.
 */
final class ReactorAggregate {

    private static final Map<MavenExecutionRequest, ReactorAggregate> BUILDS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final List<String> expected;
    private final Path topDir;
    private final Path outputDir;
    private final Map<String, Optional<Assessment>> results = new LinkedHashMap<>();
    private boolean written;

    private ReactorAggregate(List<MavenProject> projects, MavenProject top) {
        this.expected = projects.stream().map(ReactorAggregate::key).toList();
        this.topDir = top.getBasedir().toPath();
        this.outputDir = Path.of(top.getBuild().getDirectory(), "genguard", "aggregate");
    }

    static ReactorAggregate of(MavenSession session) {
        return BUILDS.computeIfAbsent(session.getRequest(),
                r -> new ReactorAggregate(session.getProjects(), session.getTopLevelProject()));
    }

    int size() {
        return expected.size();
    }

    /**
     * Records a module's assessment (null: nothing analysed); writes the aggregate when this was the last module.
     *
     * @return the aggregate's directory when this call wrote it
     */
    synchronized Optional<Path> record(MavenProject project, Assessment assessment, Set<String> formats,
                                       String toolVersion) throws IOException {
        results.put(key(project), Optional.ofNullable(assessment));
        if (written || expected.size() < 2 || !results.keySet().containsAll(expected)) {
            return Optional.empty();
        }
        written = true;
        List<Map.Entry<String, Assessment>> modules = new ArrayList<>();
        for (String k : expected) {
            results.get(k).ifPresent(a -> modules.add(new AbstractMap.SimpleImmutableEntry<>(prefix(k), a)));
        }
        String name = "aggregate of " + expected.size() + " modules";
        Assessment aggregate = JsonReport.aggregate(name, modules);
        Reports.write(aggregate, Catalog.load(getClass().getClassLoader()), topDir, outputDir, formats, toolVersion);
        return Optional.of(outputDir);
    }

    /** The module directory relative to the top, with a trailing '/' ("" for the top itself). */
    private String prefix(String key) {
        Path dir = Path.of(key.substring(key.indexOf('\u0000') + 1));
        String relative = topDir.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        return relative.isEmpty() ? "" : relative + "/";
    }

    private static String key(MavenProject p) {
        return p.getId() + '\u0000' + p.getBasedir().getAbsolutePath();
    }
}
