package dev.genguard.maven;

import dev.genguard.engine.Finding;
import dev.genguard.engine.Gate;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.ScanRequest;
import dev.genguard.engine.ScanResult;
import dev.genguard.engine.Scanner;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.report.ConsoleReport;
import dev.genguard.engine.report.SarifReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Analyses the module's main sources with GenGuard's PMD rules and its compiled classes with GenGuard's
 * SpotBugs detectors, in-process, prints the findings grouped by file, writes
 * {@code target/genguard/genguard.sarif} and fails the build when a finding is at or above
 * {@link #failOnSeverity}. Nothing of the analysed project is executed.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends AbstractMojo {

    static final String SPOTBUGS_PLUGIN_KEY = "dev.genguard:genguard-spotbugs-detectors";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /**
     * Skip GenGuard entirely.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The least severe finding that fails the build: BLOCKER, CRITICAL, MAJOR or MINOR.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.failOnSeverity", defaultValue = "CRITICAL")
    private String failOnSeverity;

    /**
     * Fail the build on findings at or above {@link #failOnSeverity}; when false, findings are only reported.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /**
     * The rule profile: {@code default} (quiet on mature code), {@code strict} (every rule, raised severity)
     * or {@code all}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.profile", defaultValue = "default")
    private String profile;

    /**
     * Analyse test sources and test classes too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.includeTests", defaultValue = "false")
    private boolean includeTests;

    /**
     * Where reports are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.outputDirectory", defaultValue = "${project.build.directory}/genguard")
    private File outputDirectory;

    /**
     * The encoding of the sources.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.encoding", defaultValue = "${project.build.sourceEncoding}")
    private String encoding;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("GenGuard: skipped (genguard.skip)");
            return;
        }
        Severity threshold = parse(() -> Severity.parse(failOnSeverity), "failOnSeverity");
        Profile chosen = parse(() -> Profile.parse(profile), "profile");
        ScanRequest request = request(chosen);
        if (!Scanner.hasInput(request)) {
            getLog().info("GenGuard: skipping " + project.getArtifactId() + ": no Java sources or compiled classes");
            return;
        }

        Catalog catalog = Catalog.load(CheckMojo.class.getClassLoader());
        ScanResult result;
        try {
            result = new Scanner(catalog).scan(request);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("GenGuard analysis failed: " + e.getMessage(), e);
        }
        for (ScanError error : result.errors()) {
            getLog().warn("GenGuard could not analyse " + error);
        }
        Path sarif = outputDirectory.toPath().resolve("genguard.sarif");
        try {
            SarifReport.write(SarifReport.build(result.findings(), catalog, chosen, plugin.getVersion()), sarif);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + sarif + ": " + e.getMessage(), e);
        }

        Gate.Decision decision = Gate.evaluate(result.findings(), threshold);
        log(result.findings());
        getLog().info(decision.summary() + " [profile " + chosen.id() + "]; SARIF: " + relative(sarif));
        if (decision.failed() && failOnViolation) {
            throw new MojoFailureException("GenGuard found " + decision.blocking() + " finding(s) at or above "
                    + threshold + ": the build fails. Fix them, or see " + relative(sarif)
                    + " (failOnSeverity sets the threshold)");
        }
    }

    private void log(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        getLog().warn("GenGuard findings in " + project.getArtifactId() + ":");
        for (String line : ConsoleReport.lines(findings)) {
            getLog().warn(line);
        }
    }

    private ScanRequest request(Profile chosen) throws MojoExecutionException {
        List<Path> sources = new ArrayList<>();
        project.getCompileSourceRoots().forEach(s -> sources.add(Path.of(s)));
        List<Path> classes = new ArrayList<>(List.of(Path.of(project.getBuild().getOutputDirectory())));
        List<Path> classpath = new ArrayList<>();
        try {
            for (String element : includeTests ? project.getTestClasspathElements() : project.getCompileClasspathElements()) {
                Path p = Path.of(element);
                if (!classes.contains(p)) {
                    classpath.add(p);
                }
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Cannot resolve the classpath of " + project.getArtifactId(), e);
        }
        if (includeTests) {
            project.getTestCompileSourceRoots().forEach(s -> sources.add(Path.of(s)));
            Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
            classes.add(testClasses);
            classpath.remove(testClasses);
        }
        return new ScanRequest(project.getBasedir().toPath(), sources, classes, classpath, chosen,
                List.of(spotbugsPluginJar()), charset(), 1);
    }

    private Path spotbugsPluginJar() throws MojoExecutionException {
        Artifact artifact = plugin.getArtifactMap().get(SPOTBUGS_PLUGIN_KEY);
        if (artifact == null || artifact.getFile() == null) {
            throw new MojoExecutionException(SPOTBUGS_PLUGIN_KEY + " is missing from the plugin's dependencies");
        }
        return artifact.getFile().toPath();
    }

    private Charset charset() throws MojoExecutionException {
        if (encoding == null || encoding.isBlank()) {
            getLog().warn("GenGuard: no source encoding set (project.build.sourceEncoding); reading sources as UTF-8");
            return StandardCharsets.UTF_8;
        }
        return parse(() -> Charset.forName(encoding), "encoding");
    }

    private String relative(Path file) {
        return Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
    }

    private interface Parser<T> {
        T parse();
    }

    private static <T> T parse(Parser<T> parser, String parameter) throws MojoExecutionException {
        try {
            return parser.parse();
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Invalid GenGuard parameter " + parameter + ": " + e.getMessage(), e);
        }
    }
}
