package dev.genguard.maven;

import dev.genguard.engine.Finding;
import dev.genguard.engine.Gate;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.dependencies.DependencyModel;
import dev.genguard.engine.governance.ExternalFinding;
import dev.genguard.engine.governance.LineHistory;
import dev.genguard.engine.report.ConsoleReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.Dependency;

/**
 * Checks the module's dependencies before the build resolves and compiles them (phase {@code validate}): first the
 * declarations as written (look-alikes of popular artifacts, the allowlist, repositories over http, declarations an
 * AI-assisted commit added without approval), failing before anything is downloaded; then it resolves the
 * dependencies itself and reports declarations that do not resolve (likely invented artifacts) with their names,
 * before Maven's generic resolution failure, and look-alike or unlisted transitive dependencies. A typosquatted
 * artifact caught here never gets to run its annotation processors in {@code compile}.
 *
 * @since 0.1.0
 */
@Mojo(name = "dependencies", defaultPhase = LifecyclePhase.VALIDATE, requiresDependencyResolution = ResolutionScope.NONE,
        threadSafe = true)
public class DependenciesMojo extends AbstractGatingMojo {

    @Component
    private ProjectDependenciesResolver resolver;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (skip || !dependencyChecks) {
            getLog().info("GenGuard: dependency checks skipped");
            return;
        }
        Severity threshold = parse(() -> Severity.parse(failOnSeverity), "failOnSeverity");
        Profile chosen = parse(() -> Profile.parse(profile), "profile");
        LineHistory history = history();
        DependencyModels models = new DependencyModels(project);
        List<DependencyModel.Declared> declared = models.declared();
        List<DependencyModel.Repository> repositories = models.repositories();

        List<ExternalFinding> beforeResolution = guard(chosen, history, models,
                new DependencyModel(declared, List.of(), List.of(), repositories, null));
        report("declared", beforeResolution, threshold);

        DependencyResolutionResult result;
        List<DependencyModel.Unresolved> unresolved = new ArrayList<>();
        try {
            result = resolver.resolve(new DefaultDependencyResolutionRequest(project, session.getRepositorySession()));
        } catch (DependencyResolutionException e) {
            result = e.getResult();
            for (DependencyModel.Declared d : declared) {
                reason(result, d).ifPresent(reason -> unresolved.add(new DependencyModel.Unresolved(d, reason)));
            }
        }
        // The graph the resolver built gives the transitive dependencies; the declarations were reported already.
        List<DependencyModel.Resolved> resolved = result == null || result.getDependencyGraph() == null ? List.of()
                : models.resolved(result.getDependencyGraph(), declared);
        List<ExternalFinding> afterResolution = new ArrayList<>(guard(chosen, history, models,
                new DependencyModel(declared, resolved, unresolved, repositories, null)));
        afterResolution.removeIf(f -> beforeResolution.stream().anyMatch(d -> d.finding().equals(f.finding())));
        report("resolved", afterResolution, threshold);
    }

    /** The declaration's resolution error, if Maven could not resolve it. */
    private static Optional<String> reason(DependencyResolutionResult result, DependencyModel.Declared d) {
        if (result == null) {
            return Optional.empty();
        }
        for (Dependency u : result.getUnresolvedDependencies()) {
            if (u.getArtifact().getGroupId().equals(d.coordinate().groupId())
                    && u.getArtifact().getArtifactId().equals(d.coordinate().artifactId())) {
                List<Exception> errors = result.getResolutionErrors(u);
                String why = errors == null || errors.isEmpty() ? "not found" : firstLine(errors.get(0).getMessage());
                return Optional.of(why);
            }
        }
        return Optional.empty();
    }

    /** Prints the findings and fails on those at or above the threshold that no reasoned suppression accepts. */
    private void report(String stage, List<ExternalFinding> findings, Severity threshold) throws MojoFailureException {
        List<Finding> list = findings.stream().filter(f -> !suppressed(f)).map(ExternalFinding::finding).sorted().toList();
        findings.stream().filter(DependenciesMojo::suppressed).forEach(f -> getLog().info("GenGuard: suppressed: "
                + ConsoleReport.line(f.finding())));
        if (list.isEmpty()) {
            return;
        }
        getLog().warn("GenGuard dependency findings in " + project.getArtifactId() + ":");
        ConsoleReport.lines(list).forEach(getLog()::warn);
        Gate.Decision decision = Gate.evaluate(list, threshold);
        if (failOnViolation && decision.failed()) {
            throw new MojoFailureException("GenGuard found " + decision.blocking() + " dependency finding(s) at or above "
                    + threshold + " in " + project.getArtifactId() + " (" + stage + " dependencies): the build stops "
                    + "before they are " + ("declared".equals(stage) ? "downloaded" : "compiled against"));
        }
    }

    private static boolean suppressed(ExternalFinding f) {
        return f.suppressions().stream().anyMatch(s -> s.ruleId().equals(f.finding().ruleId()) && s.hasReason());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not found";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
