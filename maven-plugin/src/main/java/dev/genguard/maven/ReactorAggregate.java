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
 * project's {@code target/genguard/aggregate}. Until then, every module rewrites the aggregate with what is known and
 * a note naming the modules not analysed (yet): a build that stops early (a module fails without
 * {@code --fail-at-end}, or Maven skips the modules downstream of a failed one) still leaves an aggregate that says
 * what it lacks. One instance per build: keyed by the execution request, which every
 * module's (cloned) session shares, and held weakly so that embedded Maven runs do not leak.
 */
final class ReactorAggregate {

    private static final Map<MavenExecutionRequest, ReactorAggregate> BUILDS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final List<String> expected;
    private final Path topDir;
    private final Path outputDir;
    private final Map<String, Optional<Assessment>> results = new LinkedHashMap<>();

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
     * Records a module's assessment (null: nothing analysed, skipped or failed) and rewrites the aggregate.
     *
     * @return the aggregate's directory when this was the last module, so the aggregate is complete
     */
    synchronized Optional<Path> record(MavenProject project, Assessment assessment, Set<String> formats,
                                       String toolVersion) throws IOException {
        results.put(key(project), Optional.ofNullable(assessment));
        if (expected.size() < 2) {
            return Optional.empty();
        }
        List<Map.Entry<String, Assessment>> modules = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String k : expected) {
            Optional<Assessment> result = results.get(k);
            if (result == null) {
                missing.add(k.substring(0, k.indexOf('\u0000')));
            } else {
                result.ifPresent(a -> modules.add(new AbstractMap.SimpleImmutableEntry<>(prefix(k), a)));
            }
        }
        Assessment aggregate = JsonReport.aggregate("aggregate of " + expected.size() + " modules", modules);
        if (!missing.isEmpty()) {
            List<String> notes = new ArrayList<>(aggregate.notes());
            notes.add(0, "incomplete: " + missing.size() + " module(s) not analysed (yet): " + String.join(", ", missing));
            aggregate = new Assessment(aggregate.module(), aggregate.profile(), aggregate.findings(), aggregate.inventory(),
                    aggregate.files(), aggregate.risk(), aggregate.totalLines(), aggregate.fixedBaseline(), notes,
                    aggregate.errors());
        }
        Reports.write(aggregate, Catalog.load(getClass().getClassLoader()), topDir, outputDir, formats, toolVersion);
        return missing.isEmpty() ? Optional.of(outputDir) : Optional.empty();
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
