package dev.genguard.maven;

import dev.genguard.engine.AiPolicy;
import dev.genguard.engine.ScanRequest;
import dev.genguard.engine.Scanner;
import dev.genguard.engine.SourceFilter;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.Baseline;
import dev.genguard.engine.dependencies.Allowlist;
import dev.genguard.engine.dependencies.Coordinate;
import dev.genguard.engine.dependencies.DependencyGuard;
import dev.genguard.engine.dependencies.DependencyModel;
import dev.genguard.engine.dependencies.LookalikeMatcher;
import dev.genguard.engine.dependencies.PopularArtifacts;
import dev.genguard.engine.governance.ExternalFinding;
import dev.genguard.engine.governance.Governance;
import dev.genguard.engine.governance.LineHistory;
import dev.genguard.engine.governance.git.GitHistory;
import dev.genguard.engine.governance.sensitive.SensitiveApis;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every GenGuard goal shares: the module's inputs, the profiles, provenance and baseline settings, and one
 * call into the engine ({@link Governance}). Mojos stay parameters plus delegation; the engine has no Maven types.
 */
abstract class AbstractGenGuardMojo extends AbstractMojo {

    static final String SPOTBUGS_PLUGIN_KEY = "dev.genguard:genguard-spotbugs-detectors";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /**
     * Skip GenGuard entirely.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The rule profile of code that is not AI-tagged: {@code default} (quiet on mature code), {@code strict}
     * (every rule, raised severity) or {@code all}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.profile", defaultValue = "default")
    protected String profile;

    /**
     * The rule profile of AI-tagged code (an {@code AiGenerated} annotation, an {@code @ai-generated} comment, or
     * lines from a commit with an AI trailer).
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.aiProfile", defaultValue = "strict")
    protected String aiProfile;

    /**
     * How many severity levels findings in AI-tagged code are raised above the rule's severity in {@link #profile}
     * (0 to 3).
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.aiSeverityRaise", defaultValue = "1")
    protected int aiSeverityRaise;

    /**
     * Analyse test sources and test classes too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.includeTests", defaultValue = "false")
    protected boolean includeTests;

    /**
     * Source files to analyse, as Ant patterns relative to a source root (e.g. {@code **}{@code /*.java}); empty:
     * every {@code .java} file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.includes")
    protected List<String> includes;

    /**
     * Source files to leave out, as Ant patterns relative to a source root (e.g. {@code **}{@code /generated/**});
     * findings of any engine in them are dropped.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.excludes")
    protected List<String> excludes;

    /**
     * The encoding of the sources.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.encoding", defaultValue = "${project.build.sourceEncoding}")
    protected String encoding;

    /**
     * Where reports are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.outputDirectory", defaultValue = "${project.build.directory}/genguard")
    protected File outputDirectory;

    /**
     * Read git history for AI provenance: lines last changed by a commit with one of {@link #aiTrailers}. Read with
     * JGit, locally; a missing repository or a shallow clone is reported once and the other sources still count.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.gitHistory", defaultValue = "true")
    protected boolean gitHistory;

    /**
     * Commit trailers that mark AI assistance. {@code Co-authored-by} counts only when it names one of
     * {@link #aiAssistants}; the others count unless their value is a negative (no, false, none). Default:
     * {@code AI-Assisted}, {@code Generated-by}, {@code Co-authored-by}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.aiTrailers")
    protected List<String> aiTrailers;

    /**
     * Names of AI assistants recognised in trailers. Default: Copilot, ChatGPT, Claude, Gemini, Cursor, Codeium,
     * Tabnine, Amazon Q, Devin, aider and others (see the README).
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.aiAssistants")
    protected List<String> aiAssistants;

    /**
     * More APIs that make AI-tagged code need a security review, added to GenGuard's list
     * ({@code genguard/governance/sensitive-apis.tsv}): entries {@code area=type[#member,member]}, a type may end in
     * {@code .*} for a package, e.g. {@code payments=com.acme.pay.*} or {@code crypto=com.acme.Vault#unseal}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.sensitiveApis")
    protected List<String> sensitiveApis;

    /**
     * The baseline of accepted findings, written by {@code genguard:baseline} and committed with the code. When it
     * exists, {@code check} fails on new findings only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.baselineFile", defaultValue = "${project.basedir}/genguard-baseline.json")
    protected File baselineFile;

    /**
     * PMD worker threads. 1 (the default) analyses in one thread with a large stack, which deeply nested generated
     * sources need; more threads use PMD's own pool. Findings are the same either way.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.threads", defaultValue = "1")
    protected int threads;

    /**
     * Reuse PMD's incremental analysis cache between builds (as maven-pmd-plugin's {@code analysisCache}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.analysisCache", defaultValue = "false")
    protected boolean analysisCache;

    /**
     * Where PMD's analysis cache is kept when {@link #analysisCache} is on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.analysisCacheLocation", defaultValue = "${project.build.directory}/genguard/pmd.cache")
    protected File analysisCacheLocation;

    /**
     * Check the module's dependencies: look-alikes of popular artifacts, the allowlist, repositories over http,
     * dependencies added by AI-assisted commits without approval, and (in {@code check}) unused declarations.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.dependencyChecks", defaultValue = "true")
    protected boolean dependencyChecks;

    /**
     * Allowed dependencies, {@code groupId:artifactId} patterns with {@code *} (e.g. {@code org.springframework.*:*}).
     * With these or an {@link #allowlistFile}, every declared or transitive dependency outside them is a
     * {@code DependencyNotAllowed} finding; without either the check is off.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.allowedDependencies")
    protected List<String> allowedDependencies;

    /**
     * A file of allowed dependency patterns, one per line, {@code #} comments; {@code genguard:allowlist} writes one
     * from the current dependencies. Read when it exists.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.allowlistFile", defaultValue = "${project.basedir}/genguard-dependencies.txt")
    protected File allowlistFile;

    /**
     * More popular artifacts ({@code groupId:artifactId}) for the look-alike check, e.g. the team's own libraries,
     * added to GenGuard's list ({@code genguard/dependencies/popular-artifacts.txt}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.popularArtifacts")
    protected List<String> popularArtifacts;

    /** The outcome of one module's analysis. */
    record Outcome(Assessment assessment, Catalog catalog, Path baseline, Charset encoding) {
    }

    /**
     * Analyses the module; empty when it has nothing to analyse (a pom module, no sources or classes).
     *
     * @param useBaseline whether findings in the baseline file count as accepted
     */
    protected Optional<Outcome> analyse(boolean useBaseline) throws MojoExecutionException {
        Profile chosen = parse(() -> Profile.parse(profile), "profile");
        Profile aiChosen = parse(() -> Profile.parse(aiProfile), "aiProfile");
        AiPolicy ai = parse(() -> new AiPolicy(aiChosen, aiSeverityRaise, AiPolicy.DEFAULT.code()), "aiSeverityRaise");
        ScanRequest request = request(chosen, ai);
        if (!Scanner.hasInput(request)) {
            getLog().info("GenGuard: skipping " + project.getArtifactId() + ": no Java sources or compiled classes");
            return Optional.empty();
        }
        Catalog catalog = Catalog.load(getClass().getClassLoader());
        SensitiveApis apis = parse(() -> SensitiveApis.load(getClass().getClassLoader())
                .withExtra(sensitiveApis == null ? List.of() : sensitiveApis), "sensitiveApis");
        Path baselinePath = baselineFile.toPath();
        Baseline baseline = null;
        if (useBaseline && Files.exists(baselinePath)) {
            try {
                baseline = Baseline.read(baselinePath);
                baseline.requireModule(project.getArtifactId());
            } catch (IOException | IllegalArgumentException e) {
                throw new MojoExecutionException("Invalid GenGuard baseline: " + e.getMessage(), e);
            }
        }
        try {
            LineHistory history = history();
            List<ExternalFinding> external = dependencyFindings(chosen, history, unusedDeclared());
            Assessment assessment = new Governance(catalog).assess(request,
                    new Governance.Options(project.getArtifactId(), history, apis, baseline, external));
            assessment.notes().forEach(n -> getLog().info("GenGuard: " + n));
            assessment.errors().forEach(e -> getLog().warn("GenGuard could not analyse " + e));
            return Optional.of(new Outcome(assessment, catalog, baselinePath, request.encoding()));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("GenGuard analysis of " + project.getArtifactId() + " failed: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // The analysis' data is unreachable once this frame is left: Maven can still report the failure.
            throw new MojoExecutionException(outOfMemory(project.getArtifactId(), Runtime.getRuntime().maxMemory()), e);
        }
    }

    /**
     * What to do when the analysis does not fit the heap: Maven's JVM runs it, so Maven needs more heap. 512 MB was
     * enough for each of 259 popular libraries up to 850,000 lines (docs/bulk.md).
     */
    static String outOfMemory(String module, long maxHeap) {
        return "GenGuard ran out of Java heap analysing " + module + " (maximum heap " + (maxHeap >> 20) + " MiB). GenGuard"
                + " runs inside Maven's JVM: give Maven more heap, e.g. MAVEN_OPTS=\"-Xmx2g\" or -Xmx2g in"
                + " .mvn/jvm.config (see the README, \"Memory\")";
    }

    /** Declared dependencies no compiled class uses, or null when the goal does not analyse them. */
    protected List<Coordinate> unusedDeclared() throws MojoExecutionException {
        return null;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            run();
        } finally {
            // Whatever the outcome: after the build's last module, shared git histories are closed.
            SharedGit.of(session).finished(mojoExecution.getGoal(), project);
        }
    }

    /** The goal's work on this module. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    private GitHistory.Options gitOptions() {
        GitHistory.Options defaults = GitHistory.Options.defaults();
        return new GitHistory.Options(
                aiTrailers == null || aiTrailers.isEmpty() ? defaults.trailers() : aiTrailers,
                aiAssistants == null || aiAssistants.isEmpty() ? defaults.assistants() : aiAssistants);
    }

    private ScanRequest request(Profile chosen, AiPolicy ai) throws MojoExecutionException {
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
        Path cache = analysisCache ? analysisCacheLocation.toPath() : null;
        return new ScanRequest(project.getBasedir().toPath(), sources, classes, classpath, chosen,
                List.of(spotbugsPluginJar()), charset(), threads, new SourceFilter(includes, excludes), cache, ai);
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

    /**
     * The dependency guard's findings for a module Maven has resolved: declarations, repositories, the resolved
     * (transitive) dependencies, and unused declarations when {@code unused} is given.
     */
    private List<ExternalFinding> dependencyFindings(Profile chosen, LineHistory history, List<Coordinate> unused)
            throws MojoExecutionException {
        if (!dependencyChecks) {
            return List.of();
        }
        DependencyModels models = new DependencyModels(project);
        List<DependencyModel.Declared> declared = models.declared();
        return guard(chosen, history, models, new DependencyModel(declared, models.resolved(declared), List.of(),
                models.repositories(), unused));
    }

    /** Runs the dependency guard over a model built from {@code models}. */
    protected List<ExternalFinding> guard(Profile chosen, LineHistory history, DependencyModels models,
                                          DependencyModel model) throws MojoExecutionException {
        DependencyGuard.Options options = new DependencyGuard.Options(allowlist(), matcher(), history, models.poms(), chosen);
        return new DependencyGuard(Catalog.load(getClass().getClassLoader())).check(model, options);
    }

    private LookalikeMatcher matcher() throws MojoExecutionException {
        PopularArtifacts popular = parse(() -> PopularArtifacts.load(getClass().getClassLoader())
                .withExtra((popularArtifacts == null ? List.<String>of() : popularArtifacts).stream()
                        .filter(s -> !s.isBlank()).map(Coordinate::parse).toList()), "popularArtifacts");
        return new LookalikeMatcher(popular);
    }

    /** The configured allowlist, or null when there is none (the check is off). */
    protected Allowlist allowlist() throws MojoExecutionException {
        Allowlist list = null;
        if (allowedDependencies != null && !allowedDependencies.isEmpty()) {
            list = parse(() -> Allowlist.parse(allowedDependencies, "allowedDependencies"), "allowedDependencies");
        }
        if (allowlistFile != null && allowlistFile.isFile()) {
            try {
                Allowlist fromFile = Allowlist.read(allowlistFile.toPath());
                list = list == null ? fromFile : list.and(fromFile);
            } catch (IOException | IllegalArgumentException e) {
                throw new MojoExecutionException("Invalid GenGuard allowlist " + allowlistFile + ": " + e.getMessage(), e);
            }
        }
        return list;
    }

    /** The module's git history, shared with the build's other modules, or none. */
    protected LineHistory history() {
        return gitHistory ? SharedGit.of(session).history(project.getBasedir().toPath(), gitOptions()) : LineHistory.NONE;
    }

    /** A path as the user reads it: relative to the directory Maven runs in. */
    protected String relative(Path file) {
        return Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
    }

    protected interface Parser<T> {
        T parse();
    }

    protected static <T> T parse(Parser<T> parser, String parameter) throws MojoExecutionException {
        try {
            return parser.parse();
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Invalid GenGuard parameter " + parameter + ": " + e.getMessage(), e);
        }
    }
}
