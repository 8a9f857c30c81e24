package dev.genguard.maven;

import dev.genguard.engine.Finding;
import dev.genguard.engine.Gate;
import dev.genguard.engine.Severity;
import dev.genguard.engine.dependencies.Coordinate;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.Baseline;
import dev.genguard.engine.governance.FindingState;
import dev.genguard.engine.report.ConsoleReport;
import dev.genguard.engine.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.shared.dependency.analyzer.ProjectDependencyAnalysis;
import org.apache.maven.shared.dependency.analyzer.ProjectDependencyAnalyzer;
import org.apache.maven.shared.dependency.analyzer.ProjectDependencyAnalyzerException;

/**
 * Analyses the module's sources with GenGuard's PMD rules and its compiled classes with GenGuard's SpotBugs
 * detectors, in-process; evaluates AI-tagged code with the AI profile; adds the approval gate and reasonless
 * suppressions; matches the baseline; prints the findings grouped by file and a summary; writes the reports
 * ({@code genguard.sarif}, {@code genguard.json}, {@code genguard.html}) and, across a reactor, an aggregate at the
 * top; and fails the build on new findings at or above {@link #failOnSeverity}. Nothing of the analysed project is
 * executed and nothing goes to the network.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CheckMojo extends AbstractGatingMojo {

    /**
     * Fail the build when the module's risk score (0 to 100; formula in the README) reaches this value; negative:
     * off.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.failOnRiskScore", defaultValue = "-1")
    private int failOnRiskScore;

    /**
     * Report files to write to {@link #outputDirectory}: any of {@code sarif}, {@code json}, {@code html}. The
     * console summary is always printed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.formats", defaultValue = "sarif,json,html")
    private List<String> formats;

    /**
     * Remove fixed findings from the baseline file, so that they cannot come back unnoticed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.pruneBaseline", defaultValue = "false")
    private boolean pruneBaseline;

    /**
     * Write an aggregate of all modules' results at the top of a multi-module build, in
     * {@code target/genguard} of the top-level project.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.aggregate", defaultValue = "true")
    private boolean aggregate;

    @Component
    private ProjectDependencyAnalyzer dependencyAnalyzer;

    /** This module's result, for the reactor aggregate; null until (or unless) the analysis succeeds. */
    private Assessment analysed;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        try {
            check();
        } finally {
            // Whatever happened to this module, the aggregate hears of it, so it never waits for it forever.
            record();
        }
    }

    private void check() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("GenGuard: skipped (genguard.skip)");
            return;
        }
        Severity threshold = parse(() -> Severity.parse(failOnSeverity), "failOnSeverity");
        Set<String> chosenFormats = parse(() -> Reports.formats(formats), "formats");
        Optional<Outcome> outcome = analyse(true);
        if (outcome.isEmpty()) {
            return;
        }
        Assessment assessment = outcome.get().assessment();
        analysed = assessment;
        List<Path> written;
        try {
            written = Reports.write(assessment, outcome.get().catalog(), project.getBasedir().toPath(),
                    outputDirectory.toPath(), chosenFormats, plugin.getVersion(), outcome.get().encoding());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the GenGuard reports to " + outputDirectory + ": " + e.getMessage(), e);
        }

        List<Finding> open = assessment.findings().stream().filter(f -> f.state() == FindingState.NEW)
                .map(AssessedFinding::finding).toList();
        Gate.Decision decision = Gate.evaluate(open, threshold);
        if (!assessment.findings().isEmpty()) {
            getLog().warn("GenGuard findings in " + project.getArtifactId() + ":");
            ConsoleReport.lines(assessment, AnsiStyle.forMaven()).forEach(getLog()::warn);
        }
        String summary = ConsoleReport.summary(assessment, threshold, decision) + " [profile " + assessment.profile().id()
                + "]" + (written.isEmpty() ? "" : "; reports: " + relative(written.get(0).getParent()));
        if (decision.failed()) {
            getLog().warn(summary);
        } else {
            getLog().info(summary);
        }
        prune(outcome.get());

        if (failOnViolation && decision.failed()) {
            throw new MojoFailureException("GenGuard found " + decision.blocking() + " new finding(s) at or above "
                    + threshold + " in " + project.getArtifactId() + ": the build fails. Fix them, suppress them with a "
                    + "reason, or record them with genguard:baseline (failOnSeverity sets the threshold)");
        }
        if (failOnViolation && failOnRiskScore >= 0 && assessment.risk() >= failOnRiskScore) {
            throw new MojoFailureException("GenGuard risk score of " + project.getArtifactId() + " is "
                    + assessment.risk() + ", at or above failOnRiskScore " + failOnRiskScore);
        }
    }

    private void prune(Outcome outcome) throws MojoExecutionException {
        Assessment a = outcome.assessment();
        if (a.fixedBaseline() == 0) {
            return;
        }
        if (!pruneBaseline) {
            getLog().info("GenGuard: " + a.fixedBaseline() + " baseline finding(s) no longer found; "
                    + "-Dgenguard.pruneBaseline removes them from " + relative(outcome.baseline()));
            return;
        }
        try {
            Set<String> found = new HashSet<>();
            a.findings().forEach(f -> found.add(f.fingerprint()));
            Baseline.read(outcome.baseline()).retain(found).write(outcome.baseline());
            getLog().info("GenGuard: removed " + a.fixedBaseline() + " fixed finding(s) from " + relative(outcome.baseline()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot prune the baseline " + outcome.baseline() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Unused declared dependencies, by Apache's analyzer over the compiled classes (as {@code dependency:analyze});
     * null when the module has no classes or the analysis fails (then said once).
     */
    @Override
    protected List<Coordinate> unusedDeclared() {
        if (!dependencyChecks || !new java.io.File(project.getBuild().getOutputDirectory()).isDirectory()) {
            return null;
        }
        try {
            ProjectDependencyAnalysis analysis = dependencyAnalyzer.analyze(project);
            return analysis.getUnusedDeclaredArtifacts().stream()
                    .filter(a -> !a.isOptional() && hasClasses(a.getFile()))
                    .map(a -> new Coordinate(a.getGroupId(), a.getArtifactId())).sorted().toList();
        } catch (ProjectDependencyAnalyzerException | RuntimeException e) {
            getLog().info("GenGuard: unused dependencies not analysed (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * Whether a dependency's jar has classes: a jar without any (a Spring Boot starter, an aggregator) exists to
     * bring in other dependencies, and no class can use it directly, so it is never reported as unused. Optional
     * dependencies (development tools) are left out for the same reason.
     */
    private static boolean hasClasses(java.io.File jar) {
        if (jar == null || !jar.isFile()) {
            return false;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
            return zip.stream().anyMatch(e -> e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class"));
        } catch (IOException e) {
            return false;
        }
    }

    private void record() {
        if (!aggregate) {
            return;
        }
        ReactorAggregate reactor = ReactorAggregate.of(session);
        try {
            reactor.record(project, analysed, Reports.formats(formats), plugin.getVersion())
                    .ifPresent(dir -> getLog().info("GenGuard: aggregate of " + reactor.size() + " modules in " + relative(dir)));
        } catch (IOException | RuntimeException e) {
            // Not a reason to fail the module: its own reports are written; the aggregate says what it misses.
            getLog().warn("GenGuard: cannot write the aggregate report: " + e.getMessage());
        }
    }
}
