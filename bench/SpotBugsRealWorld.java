import dev.genguard.engine.EngineResult;
import dev.genguard.engine.RawFinding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleInfo;
import dev.genguard.engine.spotbugs.SpotBugsRunner;
import edu.umd.cs.findbugs.AbstractBugReporter;
import edu.umd.cs.findbugs.BugCollectionBugReporter;
import edu.umd.cs.findbugs.BugRanker;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Detector;
import edu.umd.cs.findbugs.DetectorFactory;
import edu.umd.cs.findbugs.DetectorFactoryCollection;
import edu.umd.cs.findbugs.FindBugs2;
import edu.umd.cs.findbugs.Plugin;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.Project;
import edu.umd.cs.findbugs.ba.ClassContext;
import edu.umd.cs.findbugs.config.UserPreferences;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipFile;

/**
 * The GenGuard SpotBugs detectors on mature code (issue 4's evidence): precision per profile and cost against
 * SpotBugs' own baseline, over the binary jars of bench/corpus.sh.
 *
 * <p>Precision: one run of the plugin per library through {@link SpotBugsRunner}, configured as
 * {@code genguard:check} configures it (the other corpus jars on the aux classpath, the unpacked sources as source
 * root), then each profile applied as the Maven plugin applies it: the catalog's severity for the profile, one
 * level lower for a LOW-priority (low-confidence) finding, rules outside the profile dropped. Prints findings per
 * rule per 1,000 classes and every finding for review. Whatever detectors the plugin jar holds are run.
 *
 * <p>Speed: in the same JVM, after a warm-up, alternating rounds of
 * <ol>
 *   <li>parse baseline: one do-nothing {@code Detector} and nothing else. SpotBugs builds the classpath and class
 *       hierarchy and parses every class into a {@code ClassContext} for it: the cost of SpotBugs itself. (With no
 *       detector at all SpotBugs refuses to run: its execution plan needs a pass.)</li>
 *   <li>GenGuard only: the GenGuard detectors and nothing else.</li>
 *   <li>SpotBugs infrastructure: the do-nothing detector plus the SpotBugs infrastructure detectors that
 *       {@link SpotBugsRunner} keeps on ({@link SpotBugsRunner#INFRASTRUCTURE}: the field summary and
 *       {@code @SuppressFBWarnings}).</li>
 *   <li>genguard:check: {@link SpotBugsRunner} with the plugin, i.e. infrastructure plus GenGuard.</li>
 * </ol>
 * Medians of the JVM's CPU time (analysis, GC and JIT; stable on a shared machine) and of wall time; the ratios GenGuard
 * only / parse baseline (the target: at most 1.30) and genguard:check / infrastructure; the lines each variant
 * reports, compared between GenGuard with and without the infrastructure. Single-threaded (SpotBugs' default), so the numbers do not depend on cores.
 *
 * <p>Usage: {@code java -cp ENGINE_CLASSPATH bench/SpotBugsRealWorld.java ROUNDS PROFILE,PROFILE PLUGIN_JAR NAME=SRC=JAR ...}
 */
public class SpotBugsRealWorld {

    /** The parse baseline's detector: SpotBugs builds the class's ClassContext for it, the detector looks at nothing. */
    public static class ParseOnlyDetector implements Detector {
        public ParseOnlyDetector(BugReporter reporter) {
        }

        @Override
        public void visitClassContext(ClassContext classContext) {
            classContext.getJavaClass();
        }

        @Override
        public void report() {
        }
    }

    record Library(String name, Path sources, Path jar, long classes) {
    }

    private static final String PREFIX = "GENGUARD_";

    private static final String BASELINE_PLUGIN_ID = "dev.genguard.bench.parseonly";

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        List<Profile> profiles = java.util.Arrays.stream(args[1].split(",")).map(Profile::parse).toList();
        Path plugin = Path.of(args[2]).toAbsolutePath();
        List<Library> libs = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] spec = args[i].split("=", 3);
            libs.add(new Library(spec[0], Path.of(spec[1]).toAbsolutePath(), Path.of(spec[2]).toAbsolutePath(),
                    classes(Path.of(spec[2]))));
        }
        long totalClasses = libs.stream().mapToLong(Library::classes).sum();

        Map<Library, EngineResult> results = new LinkedHashMap<>();
        System.out.printf("## runs%n%n| library | classes | GenGuard findings (any priority) | errors | ms |%n|---|---|---|---|---|%n");
        for (Library lib : libs) {
            long start = System.nanoTime();
            EngineResult result = SpotBugsRunner.run(runnerRequest(lib, libs, plugin));
            results.put(lib, result);
            System.out.printf("| %s | %,d | %d | %d | %d |%n", lib.name(), lib.classes(),
                    result.findings().stream().filter(f -> f.ruleId().startsWith(PREFIX)).count(),
                    result.errors().size(), (System.nanoTime() - start) / 1_000_000);
            for (ScanError e : result.errors()) {
                System.out.println("    error: " + e);
            }
        }
        Catalog catalog = Catalog.load();
        for (Profile profile : profiles) {
            precision(catalog, profile, results, totalClasses);
        }
        if (rounds > 0) {
            speed(rounds, libs, plugin, totalClasses);
        }
    }

    private static SpotBugsRunner.Request runnerRequest(Library lib, List<Library> libs, Path plugin) {
        List<Path> aux = libs.stream().filter(l -> l != lib).map(Library::jar).toList();
        return new SpotBugsRunner.Request(List.of(lib.jar()), aux, List.of(lib.sources()), lib.sources(),
                List.of(plugin), "default");
    }

    private static void precision(Catalog catalog, Profile profile, Map<Library, EngineResult> results, long totalClasses) {
        Map<String, Integer> perRule = new TreeMap<>();
        catalog.rules(dev.genguard.engine.EngineKind.SPOTBUGS, profile).forEach(r -> perRule.put(r.id(), 0));
        StringBuilder review = new StringBuilder();
        for (var entry : results.entrySet()) {
            for (RawFinding f : entry.getValue().findings()) {
                RuleInfo rule = catalog.rule(f.ruleId()).orElse(null);
                // The profile as genguard:check applies it (severity, confidence, taint sources).
                Severity severity = rule == null ? null
                        : dev.genguard.engine.Scanner.finding(rule, f, profile).map(dev.genguard.engine.Finding::severity).orElse(null);
                if (severity == null) {
                    continue;
                }
                perRule.merge(f.ruleId(), 1, Integer::sum);
                review.append("- ").append(entry.getKey().name()).append(": ").append(f.file()).append(':')
                        .append(f.line()).append(' ').append(f.ruleId()).append(" [").append(priority(f.confidence()))
                        .append(", ").append(severity).append("] ").append(f.message()).append('\n');
            }
        }
        System.out.printf("%n## profile %s over %,d classes%n%n| detector (bug type) | findings | per 1,000 classes |%n|---|---|---|%n",
                profile.id(), totalClasses);
        int total = 0;
        for (var e : perRule.entrySet()) {
            total += e.getValue();
            System.out.printf("| %s | %d | %.2f |%n", e.getKey(), e.getValue(), 1000.0 * e.getValue() / totalClasses);
        }
        System.out.printf("| **all** | **%d** | **%.2f** |%n%n%s", total, 1000.0 * total / totalClasses, review);
    }

    private static String priority(int p) {
        return p <= Priorities.HIGH_PRIORITY ? "HIGH" : p == Priorities.NORMAL_PRIORITY ? "NORMAL" : "LOW";
    }

    private static void speed(int rounds, List<Library> libs, Path plugin, long totalClasses) throws Exception {
        Plugin genguard = load(plugin, SpotBugsRunner.class.getClassLoader());
        Plugin baseline = load(baselinePlugin(), SpotBugsRealWorld.class.getClassLoader());
        String ours = genguard.getPluginId();
        Predicate<DetectorFactory> parseOnly = f -> f.getPlugin().getPluginId().equals(BASELINE_PLUGIN_ID);
        Predicate<DetectorFactory> infrastructure = f -> parseOnly.test(f)
                || SpotBugsRunner.INFRASTRUCTURE.contains(f.getShortName());
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("parse baseline", lib -> analyse(lib, libs, parseOnly));
        variants.put("GenGuard only", lib -> analyse(lib, libs, f -> f.getPlugin().getPluginId().equals(ours)));
        variants.put("SpotBugs infrastructure", lib -> analyse(lib, libs, infrastructure));
        variants.put("genguard:check (infrastructure + GenGuard)",
                lib -> SpotBugsRunner.run(runnerRequest(lib, libs, plugin)).findings().stream()
                        .filter(f -> f.ruleId().startsWith(PREFIX))
                        .map(f -> lib.name() + ": " + f.file() + ":" + f.line() + " " + f.ruleId()).toList());
        // Warm-up, untimed: also records what each variant finds.
        Map<String, java.util.Set<String>> findings = new LinkedHashMap<>();
        variants.forEach((name, v) -> findings.put(name, new java.util.TreeSet<>(runAll(libs, v))));
        // Wall time, and CPU time of this JVM (analysis, garbage collection and JIT): on a shared machine the CPU time
        // is what stays stable when other processes compete for the cores.
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<Long>> wall = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            variants.forEach((name, v) -> {
                long start = System.nanoTime();
                long startCpu = os.getProcessCpuTime();
                runAll(libs, v);
                cpu.computeIfAbsent(name, k -> new ArrayList<>()).add((os.getProcessCpuTime() - startCpu) / 1_000_000);
                wall.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000_000);
            });
        }
        System.out.printf("%n## speed: %d rounds after a warm-up over %,d classes in %d jars, single-threaded, medians%n%n",
                rounds, totalClasses, libs.size());
        System.out.println("| run | CPU ms | vs parse baseline | vs infrastructure | wall ms | wall vs parse baseline | all rounds CPU ms | all rounds wall ms | GenGuard findings |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        long parse = median(cpu.get("parse baseline"));
        long infra = median(cpu.get("SpotBugs infrastructure"));
        long parseWall = median(wall.get("parse baseline"));
        cpu.forEach((name, list) -> System.out.printf("| %s | %d | %.2f | %.2f | %d | %.2f | %s | %s | %d |%n", name, median(list),
                (double) median(list) / parse, (double) median(list) / infra, median(wall.get(name)),
                (double) median(wall.get(name)) / parseWall, list, wall.get(name), findings.get(name).size()));
        long alone = median(cpu.get("GenGuard only"));
        System.out.printf("%nCPU: GenGuard only / parse baseline = %.2f (target <= 1.30); genguard:check / infrastructure = %.2f; "
                        + "GenGuard's own CPU time: %d ms per round, %.1f ms per 1,000 classes%n",
                (double) alone / parse, (double) median(cpu.get("genguard:check (infrastructure + GenGuard)")) / infra,
                alone - parse, 1000.0 * (alone - parse) / totalClasses);
        java.util.Set<String> without = findings.get("GenGuard only");
        java.util.Set<String> check = findings.get("genguard:check (infrastructure + GenGuard)");
        check.stream().filter(f -> !without.contains(f)).forEach(f -> System.out.println("  only with the infrastructure: " + f));
        without.stream().filter(f -> !check.contains(f)).forEach(f -> System.out.println("  only without the infrastructure: " + f));
        if (!baseline.isGloballyEnabled()) {
            throw new IllegalStateException("baseline plugin disabled");
        }
    }

    interface Variant {
        List<String> run(Library lib) throws Exception;
    }

    /** The GenGuard findings of one variant over all libraries. */
    private static List<String> runAll(List<Library> libs, Variant variant) {
        List<String> findings = new ArrayList<>();
        try {
            for (Library lib : libs) {
                findings.addAll(variant.run(lib));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return findings;
    }

    /**
     * One SpotBugs analysis of a library with exactly the detectors {@code enabled} accepts, set up as
     * {@link SpotBugsRunner} sets it up otherwise (same project, aux classpath, reporter, effort); returns the
     * GenGuard bugs reported, as "library: file:line TYPE" of their primary line.
     */
    private static List<String> analyse(Library lib, List<Library> libs, Predicate<DetectorFactory> enabled) throws Exception {
        DetectorFactoryCollection.resetInstance(new DetectorFactoryCollection());
        DetectorFactoryCollection factories = DetectorFactoryCollection.instance();
        try (FindBugs2 engine = new FindBugs2(); Project project = new Project()) {
            project.setProjectName("bench");
            project.addFile(lib.jar().toString());
            libs.stream().filter(l -> l != lib).forEach(l -> project.addAuxClasspathEntry(l.jar().toString()));
            project.addSourceDirs(List.of(lib.sources().toString()));
            for (Plugin p : Plugin.getAllPlugins()) {
                if (p.isGloballyEnabled() && !p.isCorePlugin()) {
                    project.setPluginStatusTrinary(p.getPluginId(), Boolean.TRUE);
                }
            }
            BugCollectionBugReporter reporter = new BugCollectionBugReporter(project, new PrintWriter(new StringWriter()));
            reporter.setPriorityThreshold(Priorities.LOW_PRIORITY);
            reporter.setRankThreshold(BugRanker.VISIBLE_RANK_MAX);
            reporter.setErrorVerbosity(AbstractBugReporter.NORMAL);
            UserPreferences prefs = UserPreferences.createDefaultUserPreferences();
            prefs.getFilterSettings().clearAllCategories();
            prefs.setEffort(UserPreferences.EFFORT_DEFAULT);
            for (DetectorFactory f : factories.getFactories()) {
                prefs.enableDetector(f, enabled.test(f));
            }
            engine.setProject(project);
            engine.setDetectorFactoryCollection(factories);
            engine.setBugReporter(reporter);
            engine.setUserPreferences(prefs);
            engine.setNoClassOk(true);
            engine.setMergeSimilarWarnings(false);
            engine.finishSettings();
            engine.execute();
            List<String> bugs = new ArrayList<>();
            for (var bug : reporter.getBugCollection().getCollection()) {
                if (!bug.getType().startsWith(PREFIX)) {
                    continue;
                }
                // The primary line and those a BugAccumulator merged into it, as SpotBugsRunner counts them.
                List<edu.umd.cs.findbugs.SourceLineAnnotation> lines = new ArrayList<>(List.of(bug.getPrimarySourceLineAnnotation()));
                bug.getAnnotations().stream().filter(a -> a instanceof edu.umd.cs.findbugs.SourceLineAnnotation sl
                                && edu.umd.cs.findbugs.SourceLineAnnotation.ROLE_ANOTHER_INSTANCE.equals(sl.getDescription()))
                        .forEach(a -> lines.add((edu.umd.cs.findbugs.SourceLineAnnotation) a));
                for (var line : lines) {
                    bugs.add(lib.name() + ": " + line.getSourcePath() + ":" + Math.max(line.getStartLine(), 0) + " " + bug.getType());
                }
            }
            return bugs;
        }
    }

    /** A plugin jar declaring {@link ParseOnlyDetector}; the class itself comes from this program's class loader. */
    private static Path baselinePlugin() throws Exception {
        Path jar = Files.createTempFile("genguard-bench-parseonly", ".jar");
        jar.toFile().deleteOnExit();
        String detector = ParseOnlyDetector.class.getName();
        // The detector names a bug type so that it counts as a reporting detector: SpotBugsRunner then leaves it off.
        String findbugs = """
                <FindbugsPlugin pluginid="%s" provider="GenGuard bench" defaultenabled="true">
                  <Detector class="%s" reports="GENGUARD_BENCH_NEVER" speed="fast"/>
                  <BugPattern type="GENGUARD_BENCH_NEVER" abbrev="GGBENCH" category="CORRECTNESS"/>
                </FindbugsPlugin>
                """.formatted(BASELINE_PLUGIN_ID, detector);
        String messages = """
                <MessageCollection>
                  <Plugin><ShortDescription>parse-only baseline</ShortDescription><Details>bench</Details></Plugin>
                  <Detector class="%s"><Details>does nothing</Details></Detector>
                  <BugPattern type="GENGUARD_BENCH_NEVER"><ShortDescription>never</ShortDescription>
                    <LongDescription>never</LongDescription><Details>never</Details></BugPattern>
                  <BugCode abbrev="GGBENCH">bench</BugCode>
                </MessageCollection>
                """.formatted(detector);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (var e : Map.of("findbugs.xml", findbugs, "messages.xml", messages).entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Plugin load(Path jar, ClassLoader parent) throws Exception {
        var uri = jar.toAbsolutePath().normalize().toUri();
        Plugin plugin = Plugin.getAllPluginsMap().get(uri);
        if (plugin == null) {
            plugin = Plugin.addCustomPlugin(uri, parent);
        }
        plugin.setGloballyEnabled(true);
        return plugin;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long classes(Path jar) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().filter(e -> e.getName().endsWith(".class")).count();
        }
    }
}
