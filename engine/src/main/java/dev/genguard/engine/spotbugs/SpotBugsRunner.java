package dev.genguard.engine.spotbugs;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.EngineResult;
import dev.genguard.engine.ReportedPaths;
import dev.genguard.engine.RawFinding;
import dev.genguard.engine.ScanError;
import edu.umd.cs.findbugs.AbstractBugReporter;
import edu.umd.cs.findbugs.BugCollectionBugReporter;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugRanker;
import edu.umd.cs.findbugs.DetectorFactory;
import edu.umd.cs.findbugs.DetectorFactoryCollection;
import edu.umd.cs.findbugs.FindBugs2;
import edu.umd.cs.findbugs.Plugin;
import edu.umd.cs.findbugs.PluginException;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.Project;
import edu.umd.cs.findbugs.SortedBugCollection;
import edu.umd.cs.findbugs.SourceLineAnnotation;
import edu.umd.cs.findbugs.config.UserPreferences;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs SpotBugs in-process over compiled classes with the given plugins' detectors and the SpotBugs infrastructure
 * they read ({@link #INFRASTRUCTURE}); SpotBugs' own reporting detectors stay off. SpotBugs keeps its plugins and
 * analysis context in static state, so runs are serialized.
 */
public final class SpotBugsRunner {

    /**
     * @param classDirs    class directories or jars to analyse
     * @param auxClasspath libraries the classes use; read, never analysed or executed
     * @param sourceRoots  source directories, to report findings against source files
     * @param baseDir      the directory file names are reported relative to
     * @param plugins      SpotBugs plugin jars whose detectors report
     * @param effort       SpotBugs effort: min, default or max
     * @param fullInfrastructure every default-on SpotBugs infrastructure detector instead of {@link #INFRASTRUCTURE},
     *                     as spotbugs-maven-plugin runs them: for a third-party plugin whose detectors may read
     *                     databases GenGuard's do not (the FindSecBugs comparison)
     */
    public record Request(List<Path> classDirs, List<Path> auxClasspath, List<Path> sourceRoots, Path baseDir,
                          List<Path> plugins, String effort, boolean fullInfrastructure) {
        public Request {
            classDirs = List.copyOf(classDirs);
            auxClasspath = List.copyOf(auxClasspath);
            sourceRoots = List.copyOf(sourceRoots);
            plugins = List.copyOf(plugins);
            Objects.requireNonNull(baseDir, "baseDir");
            effort = effort == null ? UserPreferences.EFFORT_DEFAULT : effort;
        }

        /** A run with GenGuard's infrastructure ({@link #INFRASTRUCTURE}). */
        public Request(List<Path> classDirs, List<Path> auxClasspath, List<Path> sourceRoots, Path baseDir,
                       List<Path> plugins, String effort) {
            this(classDirs, auxClasspath, sourceRoots, baseDir, plugins, effort, false);
        }
    }

    /**
     * The SpotBugs detectors a run enables besides the plugins' own: infrastructure (non-reporting detectors that
     * compute databases) the plugins' detectors read, namely the field summary that {@code OpcodeStack} and
     * GenGuard's detectors consult, and {@code NoteSuppressedWarnings} for {@code @SuppressFBWarnings} (the
     * {@code WeakHashSuppressed} fixture checks that suppression works). SpotBugs' other databases serve
     * its own reporting detectors, which a run never enables: on groovy 5.0.4 (4,947 classes) computing them took
     * 2.7 times as long and more than 768 MB of heap for the same GenGuard findings, and one of them
     * ({@code NoteUnconditionalParamDerefs}) fails on Scala-compiled classes. SpotBugs' debugging detectors
     * (CheckCalls, ...) stay off too: they print to stdout.
     */
    public static final Set<String> INFRASTRUCTURE = Set.of("FieldItemSummary", "NoteSuppressedWarnings");

    private static final Object LOCK = new Object();

    private SpotBugsRunner() {
    }

    public static EngineResult run(Request request) {
        synchronized (LOCK) {
            return runLocked(request);
        }
    }

    private static EngineResult runLocked(Request request) {
        List<Path> inputs = request.classDirs().stream().filter(Files::exists).toList();
        if (inputs.isEmpty()) {
            return new EngineResult(List.of(), List.of());
        }
        Set<String> pluginIds = new HashSet<>();
        for (Path jar : request.plugins()) {
            Plugin plugin = load(jar);
            // addCustomPlugin loads a plugin as optional, i.e. disabled, and a fresh DetectorFactoryCollection
            // leaves disabled plugins out: enable it, as the CLI's -pluginList does.
            plugin.setGloballyEnabled(true);
            pluginIds.add(plugin.getPluginId());
        }
        DetectorFactoryCollection.resetInstance(new DetectorFactoryCollection());
        DetectorFactoryCollection factories = DetectorFactoryCollection.instance();

        try (FindBugs2 engine = new FindBugs2(); Project project = new Project()) {
            project.setProjectName("genguard");
            inputs.forEach(p -> project.addFile(p.toAbsolutePath().toString()));
            request.auxClasspath().stream().filter(Files::exists)
                    .forEach(p -> project.addAuxClasspathEntry(p.toAbsolutePath().toString()));
            project.addSourceDirs(request.sourceRoots().stream().map(p -> p.toAbsolutePath().toString()).toList());
            pluginIds.forEach(id -> project.setPluginStatusTrinary(id, Boolean.TRUE));

            BugCollectionBugReporter reporter = new BugCollectionBugReporter(project, new PrintWriter(new StringWriter()));
            reporter.setPriorityThreshold(Priorities.LOW_PRIORITY);
            reporter.setRankThreshold(BugRanker.VISIBLE_RANK_MAX);
            // Not SILENT: a silent reporter drops logError, i.e. every exception a detector throws (FindBugs2
            // catches it per class and detector and logs it); those must become scan errors.
            reporter.setErrorVerbosity(AbstractBugReporter.NORMAL);

            UserPreferences prefs = UserPreferences.createDefaultUserPreferences();
            prefs.getFilterSettings().clearAllCategories();
            prefs.setEffort(request.effort());
            for (DetectorFactory f : factories.getFactories()) {
                boolean ours = pluginIds.contains(f.getPlugin().getPluginId());
                boolean infrastructure = request.fullInfrastructure()
                        ? !f.isReportingDetector() && f.isDefaultEnabled()
                        : INFRASTRUCTURE.contains(f.getShortName());
                prefs.enableDetector(f, ours || infrastructure);
            }

            engine.setProject(project);
            engine.setDetectorFactoryCollection(factories);
            engine.setBugReporter(reporter);
            engine.setUserPreferences(prefs);
            engine.setNoClassOk(true);
            engine.setMergeSimilarWarnings(false);
            engine.finishSettings();
            try {
                engine.execute();
            } catch (IOException e) {
                throw new UncheckedIOException("SpotBugs could not read its input", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("SpotBugs analysis interrupted", e);
            } catch (RuntimeException e) {
                // SpotBugs wraps what its analysis threads throw, an OutOfMemoryError too: callers must see that
                // one as what it is, to say how much heap is missing instead of "Exception was thrown during analysis".
                OutOfMemoryError oom = outOfMemoryIn(e);
                if (oom != null) {
                    throw oom;
                }
                throw e;
            }
            return collect(request, reporter, pluginIds, factories);
        }
    }

    private static EngineResult collect(Request request, BugCollectionBugReporter reporter, Set<String> pluginIds,
                                        DetectorFactoryCollection factories) {
        List<RawFinding> findings = new ArrayList<>();
        List<ScanError> skipped = new ArrayList<>();
        for (BugInstance bug : reporter.getBugCollection().getCollection()) {
            if (bug.getType().equals(SKIPPED_CLASS_TOO_BIG)) {
                String cls = bug.getPrimaryClass() == null ? "" : bug.getPrimaryClass().getClassName();
                skipped.add(new ScanError(EngineKind.SPOTBUGS, classFile(request, cls), "SpotBugs skipped class " + cls
                        + ": too big (over 1,000,000 bytes or 1,000 methods) or unreadable, no detector analysed it"));
                continue;
            }
            var pattern = factories.lookupBugPattern(bug.getType());
            if (pattern == null) {
                continue;
            }
            for (SourceLineAnnotation line : reportedLines(bug)) {
                findings.add(new RawFinding(bug.getType(), sourceFile(request, line), Math.max(line.getStartLine(), 0),
                        Math.max(line.getEndLine(), 0), bug.getMessageWithoutPrefix(), bug.getPriority()));
            }
        }
        List<ScanError> errors = Stream.concat(skipped.stream(), reporter.getQueuedErrors().stream()
                        .sorted(Comparator.comparingInt(AbstractBugReporter.Error::getSequence))
                        .map(e -> error(request, e.getMessage(), e.getCause())))
                .distinct()
                .toList();
        return new EngineResult(findings, errors, missingClasses(
                reporter.getBugCollection() instanceof SortedBugCollection sorted
                        ? sorted.missingClassIterator() : Collections.emptyIterator()));
    }

    /**
     * What FindBugs2 reports, as a bug, for a class it leaves out of the analysis because it is too big
     * ({@code AnalysisContext.isTooBig}: over 1,000,000 bytes or 1,000 methods, or BCEL cannot read it); a processing
     * error for GenGuard.
     */
    static final String SKIPPED_CLASS_TOO_BIG = "SKIPPED_CLASS_TOO_BIG";

    /** How many classes named in a note on missing classes. */
    static final int MISSING_CLASSES_NAMED = 5;

    /**
     * One note for the classes SpotBugs looked for and did not find: a dependency missing from the class path. Not an
     * error (nothing failed, and an optional dependency of a library is often absent), but what GenGuard's detectors
     * know of those types (a supertype, a constant) is missing, so a finding that depends on them may be too.
     */
    static List<String> missingClasses(Iterator<String> missing) {
        List<String> names = new ArrayList<>();
        missing.forEachRemaining(names::add);
        if (names.isEmpty()) {
            return List.of();
        }
        Collections.sort(names);
        String named = String.join(", ", names.subList(0, Math.min(MISSING_CLASSES_NAMED, names.size())))
                + (names.size() > MISSING_CLASSES_NAMED ? ", ..." : "");
        return List.of("SpotBugs could not find " + names.size() + (names.size() == 1 ? " class" : " classes")
                + " the analysed code refers to (" + named + "): findings that depend on "
                + (names.size() == 1 ? "it" : "them") + " may be missing; is a dependency missing from the class path?");
    }

    /** The OutOfMemoryError among the causes of {@code t}, or null (bounded: a cause chain may be a cycle). */
    static OutOfMemoryError outOfMemoryIn(Throwable t) {
        Throwable c = t;
        for (int depth = 0; depth < 32 && c != null; depth++, c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /** "Exception analyzing CLASS using detector DETECTOR": what FindBugs2 logs when a detector throws. */
    private static final Pattern DETECTOR_FAILURE = Pattern.compile("Exception analyzing (\\S+) using detector (\\S+)");

    /**
     * A queued SpotBugs error as a scan error: for a detector that threw, the class's source file (or the class
     * name when no source root holds it), the detector's simple name and the exception with its innermost
     * frame, on one line. Missing classes are not errors: SpotBugs records them apart, and an incomplete
     * classpath is common.
     */
    static ScanError error(Request request, String message, Throwable cause) {
        String file = "";
        String text = message;
        Matcher m = DETECTOR_FAILURE.matcher(message);
        if (m.matches()) {
            file = classFile(request, m.group(1));
            String detector = m.group(2);
            text = "detector " + detector.substring(detector.lastIndexOf('.') + 1) + " failed";
        }
        if (cause != null) {
            text += ": " + describe(cause);
        }
        // SpotBugs names class files by absolute path: reports carry no machine's paths.
        String base = request.baseDir().toAbsolutePath().normalize() + java.io.File.separator;
        return new ScanError(EngineKind.SPOTBUGS, file, text.replace(base, "").replaceAll("\\s+", " ").strip());
    }

    /** The exception, its message and where it was thrown: enough to find the bug without a stack trace. */
    private static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) {
            text.append(": ").append(t.getMessage());
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length > 0) {
            text.append(" at ").append(trace[0]);
        }
        Throwable root = t;
        // Bounded: a hostile or buggy exception may have a cause cycle.
        for (int depth = 0; depth < 32 && root.getCause() != null && root.getCause() != root; depth++) {
            root = root.getCause();
        }
        if (root != t) {
            text.append(", caused by ").append(describe(root));
        }
        return text.toString();
    }

    /** The source file of a dotted class name under a source root, relative to the base directory, else the class name. */
    private static String classFile(Request request, String dottedClass) {
        String outer = dottedClass.contains("$") ? dottedClass.substring(0, dottedClass.indexOf('$')) : dottedClass;
        String relative = outer.replace('.', '/') + ".java";
        for (Path root : request.sourceRoots()) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return ReportedPaths.relative(request.baseDir(), candidate);
            }
        }
        return dottedClass;
    }

    /**
     * The primary line of a bug plus the lines a {@code BugAccumulator} merged into it (role "another instance"):
     * each is a finding of its own, else repeats of a flaw within one method would vanish.
     */
    private static List<SourceLineAnnotation> reportedLines(BugInstance bug) {
        List<SourceLineAnnotation> lines = new ArrayList<>();
        lines.add(bug.getPrimarySourceLineAnnotation());
        for (var annotation : bug.getAnnotations()) {
            if (annotation instanceof SourceLineAnnotation sl
                    && SourceLineAnnotation.ROLE_ANOTHER_INSTANCE.equals(sl.getDescription())) {
                lines.add(sl);
            }
        }
        return lines;
    }

    /** The source file of a finding relative to the base directory, found under a source root when possible. */
    private static String sourceFile(Request request, SourceLineAnnotation line) {
        String sourcePath = line.getSourcePath();
        for (Path root : request.sourceRoots()) {
            Path candidate = root.resolve(sourcePath);
            if (Files.isRegularFile(candidate)) {
                return ReportedPaths.relative(request.baseDir(), candidate);
            }
        }
        return sourcePath;
    }

    /** Loads a plugin jar once per JVM; SpotBugs keys plugins by URI in static state. */
    private static Plugin load(Path jar) {
        URI uri = jar.toAbsolutePath().normalize().toUri();
        Plugin loaded = Plugin.getAllPluginsMap().get(uri);
        if (loaded != null) {
            return loaded;
        }
        try {
            return Plugin.addCustomPlugin(uri, SpotBugsRunner.class.getClassLoader());
        } catch (PluginException e) {
            throw new IllegalStateException("Cannot load SpotBugs plugin " + jar + ": " + e.getMessage(), e);
        }
    }
}
