import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleInfo;
import edu.umd.cs.findbugs.BugCollectionBugReporter;
import edu.umd.cs.findbugs.BugInstance;
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
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * GenGuard's SpotBugs plugin and FindSecBugs 1.14.0 scored side by side on the OWASP Benchmark for Java v1.2, with
 * the Benchmark's own scoring method, and their cost against SpotBugs' own cost of parsing the Benchmark.
 *
 * <p><b>What is replicated, and from where</b> (OWASP-Benchmark/BenchmarkUtils, module {@code plugin}, package
 * {@code org.owasp.benchmarkutils.score}):
 * <ul>
 *   <li>{@code parsers/FindbugsReader.java} (the reader of SpotBugs/FindBugs XML, FindSecBugs included): a
 *       BugInstance counts only if its {@code category} is {@code SECURITY}; it belongs to the test case named by
 *       its first {@code Class} element (the primary class); its CWE is the bug pattern's {@code cweid}, with
 *       {@code figureCWE}'s normalisation: 23 and 36 (relative/absolute path traversal) become 22, 326 (inadequate
 *       encryption strength) becomes 327. The same reading is applied to both tools: GenGuard's CWE is the
 *       {@code cweid} its {@code findbugs.xml} sets (checked against the rule catalog's CWE). {@code figureCWE}'s
 *       fallback table by {@code abbrev}, for patterns without a {@code cweid}, is not replicated: the FindSecBugs
 *       1.14.0 patterns without one (SECHTTPCLIENT, SECSSL, SECSTR1, SECSTR2, SECSC, SECSAMLC, LDAPA, RPCEXT, SECXML)
 *       map there to 0 or fall to its default (0), and every GenGuard pattern has a {@code cweid}; the run counts
 *       such findings in test cases and prints their number. (The reader sees a {@code cweid} only in XML written
 *       with messages, as spotbugs-maven-plugin writes it; here it is read from the bug pattern directly.)</li>
 *   <li>{@code BenchmarkScore.java}, {@code compare}: a test case is "passed" when a finding in it has exactly the
 *       expected CWE of {@code expectedresults-1.2.csv} (its {@code cwe} column; the 564/89 exception concerns
 *       hqli, not in v1.2; the 328/327 exception is for AppScan, Veracode and CodeQL only) and the case is a real
 *       vulnerability, or when no finding has that CWE and the case is not one. Findings of other CWEs are
 *       ignored. {@code calculateScores}: real and passed = TP, real and not passed = FN, fake and passed = TN,
 *       fake and not passed = FP, per category.</li>
 *   <li>{@code BenchmarkScore.java}, {@code calculateMetrics}, and {@code CategoryResults.java}: per category
 *       TPR = TP/(TP+FN), FPR = FP/(FP+TN) (0 when the denominator is 0), score = TPR - FPR (Youden's index);
 *       the tool's score is the mean TPR over the categories minus the mean FPR ({@code ToolResults.java}), i.e.
 *       the mean of the category scores.</li>
 * </ul>
 * One deliberate difference: the test case of a finding is its class's outer class ({@code BenchmarkTest01526$1}
 * belongs to {@code BenchmarkTest01526}). {@code parsers/Reader.java}'s {@code testNumber} strips every non-digit
 * from the class name before it looks for a {@code $}, so a finding in an anonymous class ({@code $1}) becomes test
 * 15261, which does not exist, and is dropped; a named inner class ({@code $Test}) resolves correctly. The run
 * prints, per tool, the average the Benchmark's own reader would give too ("official reader").
 *
 * <p><b>Runs</b>, in this one JVM, each a SpotBugs {@code FindBugs2} analysis of the whole {@code target/classes}
 * of the Benchmark (test cases and helpers, as a user would analyse it) with its dependency classpath as aux
 * classpath, every priority and rank reported:
 * <ol>
 *   <li>parse baseline: a do-nothing detector and nothing else, effort default: SpotBugs' own cost of building
 *       the class hierarchy and parsing every class;</li>
 *   <li>GenGuard: every detector of the GenGuard plugin jar and nothing else, effort default (what
 *       {@code genguard:check} uses); scored for the profiles {@code default} and {@code all} by dropping the bug
 *       types the catalog leaves out of the profile;</li>
 *   <li>FindSecBugs: every detector of the FindSecBugs 1.14.0 plugin and nothing else, effort max (the
 *       Benchmark's own {@code findsecbugs} Maven profile: effort Max, threshold Low, only category SECURITY).
 *       The Benchmark's profile runs SpotBugs' own detectors too, and keeps their SECURITY findings (SQL,
 *       XSS, path traversal, HTTP response splitting patterns of the core plugin); here they are off, so the
 *       score is FindSecBugs' alone. One more run, scored but not timed, is configured as that profile (SpotBugs'
 *       default-on detectors added): the configuration behind the Benchmark's published FindSecBugs score.</li>
 * </ol>
 * With ROUNDS &gt; 1 a warm-up round (the one scored) is followed by ROUNDS alternating timed rounds; with
 * ROUNDS = 1 the single round is both scored and timed. Medians of the JVM's CPU time and of wall time, ratios
 * to the parse baseline, and the peak used heap of each variant: the largest heap occupancy seen before any
 * garbage collection during the variant or at its end (GC notifications), and the sum of the heap pools' peak
 * usages (reset before each variant; an upper bound, the pools peak at different times). Both depend on when the
 * collector chooses to run; the largest heap left after a collection (what the analysis still held) is closer
 * to what it needs. Run with -Xmx2g by default, so an analysis needing more fails the run.
 *
 * <p>Writes to OUT_DIR, per tool ({@code genguard-default}, {@code genguard-all}, {@code findsecbugs}) and
 * category, the false positives and false negatives ({@code TOOL-CATEGORY-fp.txt}, {@code -fn.txt}), and every
 * finding of each tool ({@code genguard-findings.tsv}, {@code findsecbugs-findings.tsv}).
 *
 * <p>Usage: {@code java -cp ENGINE_CLASSPATH bench/OwaspBenchmark.java ROUNDS BENCHMARK_DIR BENCHMARK_CLASSPATH_FILE
 * GENGUARD_JAR FINDSECBUGS_JAR OUT_DIR}
 */
public class OwaspBenchmark {

    /** The baseline's only detector: SpotBugs parses each class for it, and it looks at nothing. */
    public static class NothingDetector implements Detector {
        public NothingDetector(BugReporter reporter) {
        }

        @Override
        public void visitClassContext(ClassContext classContext) {
        }

        @Override
        public void report() {
        }
    }

    static final List<String> CATEGORIES = List.of("cmdi", "crypto", "hash", "ldapi", "pathtraver", "securecookie",
            "sqli", "trustbound", "weakrand", "xpathi", "xss");

    static final Pattern TEST_CLASS = Pattern.compile("org\\.owasp\\.benchmark\\.testcode\\.(BenchmarkTest\\d{5})(\\$.*)?");

    /** One row of expectedresults-1.2.csv. */
    record Expected(String test, String category, boolean real, int cwe) {
    }

    /** A reported bug, reduced to what scoring and review need. */
    record Bug(String type, String category, int cwe, String className, String method, int line, int priority) {
        /** The test case this bug is in (outer class of an inner class), or null for a class outside the tests. */
        String test() {
            Matcher m = TEST_CLASS.matcher(className);
            return m.matches() ? m.group(1) : null;
        }

        /** The test case BenchmarkUtils' Reader.testNumber resolves the class to: every digit after "BenchmarkTest0". */
        String officialTest() {
            if (test() == null) {
                return null;
            }
            String digits = className.substring(className.lastIndexOf('.') + 1 + "BenchmarkTest0".length()).replaceAll("[^0-9]", "");
            return digits.length() > 9 ? null : "BenchmarkTest" + String.format("%05d", Integer.parseInt(digits));
        }
    }

    /** A scored tool: per category, the test cases of each outcome (tp, fn, tn, fp). */
    record Score(String name, Map<String, Map<String, List<String>>> outcomes) {
        int count(String category, String outcome) {
            return outcomes.get(category).get(outcome).size();
        }

        double tpr(String c) {
            return rate(count(c, "tp"), count(c, "fn"));
        }

        double fpr(String c) {
            return rate(count(c, "fp"), count(c, "tn"));
        }

        double average() {
            return CATEGORIES.stream().mapToDouble(c -> tpr(c) - fpr(c)).average().orElse(0);
        }

        private static double rate(int hits, int misses) {
            return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        if (rounds < 1) {
            throw new IllegalArgumentException("ROUNDS must be at least 1");
        }
        Path bench = Path.of(args[1]).toAbsolutePath();
        List<Path> aux = new ArrayList<>();
        for (String entry : Files.readString(Path.of(args[2])).trim().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                aux.add(Path.of(entry));
            }
        }
        Path classes = bench.resolve("target/classes");
        Plugin genguard = load(Path.of(args[3]));
        Plugin findsecbugs = load(Path.of(args[4]));
        Plugin baseline = load(nothingPlugin());
        Path out = Path.of(args[5]);
        Files.createDirectories(out);
        try (var old = Files.list(out)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".tsv")).toList()) {
                Files.delete(p);
            }
        }
        List<Expected> expected = expected(bench.resolve("expectedresults-1.2.csv"));
        long classCount;
        try (var walk = Files.walk(classes)) {
            classCount = walk.filter(p -> p.toString().endsWith(".class")).count();
        }

        record Variant(String name, Predicate<DetectorFactory> detectors, String effort) {
        }
        List<Variant> variants = List.of(
                new Variant("parse baseline", ofPlugin(baseline), UserPreferences.EFFORT_DEFAULT),
                new Variant("GenGuard", ofPlugin(genguard), UserPreferences.EFFORT_DEFAULT),
                // The taint detector alone (issue 5's cost target): the injection categories' whole analysis.
                new Variant("GenGuard taint only", ofPlugin(genguard).and(f -> "TaintDetector".equals(f.getShortName())),
                        UserPreferences.EFFORT_DEFAULT),
                new Variant("FindSecBugs", ofPlugin(findsecbugs), UserPreferences.EFFORT_MAX));
        Map<String, List<Bug>> bugs = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        Map<String, List<Long>> wall = new LinkedHashMap<>();
        Map<String, long[]> heap = new LinkedHashMap<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        HeapWatch watch = new HeapWatch();
        for (int round = rounds > 1 ? 0 : 1; round <= rounds; round++) {
            for (Variant v : variants) {
                watch.reset();
                long startCpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                List<Bug> found = analyse(classes, aux, v.detectors(), v.effort());
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                long elapsedCpu = (os.getProcessCpuTime() - startCpu) / 1_000_000;
                long[] peak = watch.peak();
                heap.merge(v.name(), peak, (a, b) -> new long[] {Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2])});
                bugs.putIfAbsent(v.name(), found);
                if (round > 0) {
                    cpu.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(elapsedCpu);
                    wall.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(elapsed);
                }
                System.err.printf("round %d %s: %d bugs, %d ms%n", round, v.name(), found.size(), elapsed);
            }
        }

        // Scored, not timed: FindSecBugs as the Benchmark's findsecbugs Maven profile runs it, with SpotBugs' own
        // default-on detectors (their SECURITY findings count too): the configuration of the published scores.
        Predicate<DetectorFactory> asPublished = ofPlugin(findsecbugs).or(f -> f.getPlugin().isCorePlugin() && f.isDefaultEnabled());
        List<Bug> published = analyse(classes, aux, asPublished, UserPreferences.EFFORT_MAX);

        Catalog catalog = Catalog.load();
        checkCwes(catalog, bugs.get("GenGuard"));
        List<Score> scores = List.of(
                score("genguard-default", expected, bugs.get("GenGuard"), inProfile(catalog, Profile.DEFAULT), false),
                score("genguard-all", expected, bugs.get("GenGuard"), inProfile(catalog, Profile.ALL), false),
                score("findsecbugs", expected, bugs.get("FindSecBugs"), b -> true, false));
        List<Score> official = List.of(
                score("genguard-default", expected, bugs.get("GenGuard"), inProfile(catalog, Profile.DEFAULT), true),
                score("genguard-all", expected, bugs.get("GenGuard"), inProfile(catalog, Profile.ALL), true),
                score("findsecbugs", expected, bugs.get("FindSecBugs"), b -> true, true));

        System.out.printf("## OWASP Benchmark v1.2 (%,d test cases, %,d classes analysed): GenGuard %s, FindSecBugs 1.14.0%n%n",
                expected.size(), classCount, args[3].replaceAll(".*/", ""));
        System.out.println("| category (CWE) | real / fake | GenGuard default TP/FN/TN/FP | TPR | FPR | Youden | GenGuard all TP/FN/TN/FP | Youden "
                + "| FindSecBugs TP/FN/TN/FP | TPR | FPR | Youden |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        Score def = scores.get(0);
        Score all = scores.get(1);
        Score fsb = scores.get(2);
        for (String c : CATEGORIES) {
            long real = expected.stream().filter(e -> e.category().equals(c) && e.real()).count();
            long fake = expected.stream().filter(e -> e.category().equals(c) && !e.real()).count();
            int cwe = expected.stream().filter(e -> e.category().equals(c)).findFirst().orElseThrow().cwe();
            System.out.printf("| %s (%d) | %d / %d | %s | %.2f | %.2f | %.2f | %s | %.2f | %s | %.2f | %.2f | %.2f |%n", c, cwe, real, fake,
                    counts(def, c), def.tpr(c), def.fpr(c), def.tpr(c) - def.fpr(c), counts(all, c), all.tpr(c) - all.fpr(c),
                    counts(fsb, c), fsb.tpr(c), fsb.fpr(c), fsb.tpr(c) - fsb.fpr(c));
        }
        System.out.printf("| **average** | | | %.2f | %.2f | **%.2f** | | **%.2f** | | %.2f | %.2f | **%.2f** |%n",
                meanTpr(def), meanFpr(def), def.average(), all.average(), meanTpr(fsb), meanFpr(fsb), fsb.average());
        System.out.printf("%nWith the Benchmark's own reader (findings in anonymous classes dropped): GenGuard default %.4f, all %.4f, "
                        + "FindSecBugs %.4f (outer-class resolution: %.4f, %.4f, %.4f)%n",
                official.get(0).average(), official.get(1).average(), official.get(2).average(), def.average(), all.average(),
                fsb.average());
        Score withCore = score("findsecbugs-with-spotbugs", expected, published, b -> true, false);
        System.out.printf("FindSecBugs with SpotBugs' default detectors (the Benchmark's findsecbugs profile, the published scores' "
                + "configuration): average %.4f, Benchmark's own reader %.4f%s%n", withCore.average(),
                score("", expected, published, b -> true, true).average(), CATEGORIES.stream()
                        .filter(c -> !counts(withCore, c).equals(counts(fsb, c)))
                        .map(c -> "; " + c + " " + counts(withCore, c) + String.format(" Youden %.2f", withCore.tpr(c) - withCore.fpr(c)))
                        .reduce("", String::concat));
        for (var e : bugs.entrySet()) {
            if (e.getKey().equals("parse baseline")) {
                continue;
            }
            List<Bug> list = e.getValue();
            long security = list.stream().filter(b -> b.category().equals("SECURITY")).count();
            System.out.printf("%s: %d bugs reported, %d of category SECURITY, %d of them in test cases, %d of those without a cweid%n",
                    e.getKey(), list.size(), security,
                    list.stream().filter(b -> b.category().equals("SECURITY") && b.test() != null).count(),
                    list.stream().filter(b -> b.category().equals("SECURITY") && b.test() != null && b.cwe() <= 0).count());
        }

        System.out.printf("%n## cost: %s, %,d classes, single-threaded, %s; medians%n%n",
                rounds > 1 ? rounds + " alternating rounds after a warm-up" : "one round, no warm-up", classCount,
                "max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        System.out.println("| run | effort | CPU ms | CPU vs parse baseline | wall ms | wall vs parse baseline | peak heap used MiB | sum of heap pool peaks MiB | largest heap after a GC MiB | all rounds CPU ms | all rounds wall ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        long baseCpu = median(cpu.get("parse baseline"));
        long baseWall = median(wall.get("parse baseline"));
        for (Variant v : variants) {
            long c = median(cpu.get(v.name()));
            long w = median(wall.get(v.name()));
            long[] h = heap.get(v.name());
            System.out.printf("| %s | %s | %d | %.2f | %d | %.2f | %d | %d | %s | %s | %s |%n", v.name(), v.effort(), c, (double) c / baseCpu, w,
                    (double) w / baseWall, h[0] >> 20, h[1] >> 20, h[2] == 0 ? "(no GC)" : String.valueOf(h[2] >> 20), cpu.get(v.name()),
                    wall.get(v.name()));
        }

        for (Score s : scores) {
            for (String c : CATEGORIES) {
                for (String outcome : List.of("fp", "fn")) {
                    Files.write(out.resolve(s.name() + "-" + c + "-" + outcome + ".txt"), s.outcomes().get(c).get(outcome));
                }
            }
        }
        Map<String, Expected> byTest = new TreeMap<>();
        expected.forEach(e -> byTest.put(e.test(), e));
        tsv(out.resolve("genguard-findings.tsv"), bugs.get("GenGuard"), byTest, catalog);
        tsv(out.resolve("findsecbugs-findings.tsv"), bugs.get("FindSecBugs"), byTest, null);
        System.out.printf("%nFalse positives and negatives per tool and category, and every finding: %s%n", out);
    }

    /** Scores the bugs {@code counted} accepts as BenchmarkScore.compare and calculateScores do. */
    static Score score(String name, List<Expected> expected, List<Bug> bugs, Predicate<Bug> counted, boolean officialReader) {
        Map<String, Set<Integer>> cwes = new TreeMap<>();
        for (Bug b : bugs) {
            String test = officialReader ? b.officialTest() : b.test();
            if (test != null && b.category().equals("SECURITY") && counted.test(b)) {
                cwes.computeIfAbsent(test, k -> new TreeSet<>()).add(normalised(b.cwe()));
            }
        }
        Map<String, Map<String, List<String>>> outcomes = new LinkedHashMap<>();
        for (String c : CATEGORIES) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            List.of("tp", "fn", "tn", "fp").forEach(o -> m.put(o, new ArrayList<>()));
            outcomes.put(c, m);
        }
        for (Expected e : expected) {
            boolean reported = cwes.getOrDefault(e.test(), Set.of()).contains(e.cwe());
            String outcome = e.real() ? (reported ? "tp" : "fn") : (reported ? "fp" : "tn");
            outcomes.get(e.category()).get(outcome).add(e.test());
        }
        return new Score(name, outcomes);
    }

    /** FindbugsReader.figureCWE's normalisation of a cweid. */
    static int normalised(int cwe) {
        return cwe == 23 || cwe == 36 ? 22 : cwe == 326 ? 327 : cwe;
    }

    static Predicate<Bug> inProfile(Catalog catalog, Profile profile) {
        return b -> catalog.rule(b.type()).map(r -> r.isIn(profile)).orElse(false);
    }

    /** GenGuard's CWE is read from its findbugs.xml; the catalog must say the same. */
    static void checkCwes(Catalog catalog, List<Bug> bugs) {
        bugs.stream().map(b -> b.type() + "=" + b.cwe()).distinct().forEach(t -> {
            String[] typeCwe = t.split("=");
            String catalogCwe = catalog.rule(typeCwe[0]).map(RuleInfo::cwe).orElse("(not in catalog)");
            if (!catalogCwe.equals(typeCwe[1])) {
                System.out.println("WARNING: " + typeCwe[0] + " has cweid " + typeCwe[1] + " in findbugs.xml, " + catalogCwe + " in the catalog");
            }
        });
    }

    static List<Expected> expected(Path csv) throws IOException {
        List<Expected> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (line.startsWith("BenchmarkTest")) {
                String[] cols = line.split(",");
                rows.add(new Expected(cols[0].trim(), cols[1].trim(), Boolean.parseBoolean(cols[2].trim()), Integer.parseInt(cols[3].trim())));
            }
        }
        return rows;
    }

    /**
     * One SpotBugs analysis of the classes with exactly the detectors {@code enabled} accepts, every priority and
     * visible rank reported, similar warnings not merged.
     */
    static List<Bug> analyse(Path classes, List<Path> aux, Predicate<DetectorFactory> enabled, String effort) throws Exception {
        DetectorFactoryCollection.resetInstance(new DetectorFactoryCollection());
        DetectorFactoryCollection factories = DetectorFactoryCollection.instance();
        try (FindBugs2 engine = new FindBugs2(); Project project = new Project()) {
            project.addFile(classes.toString());
            aux.stream().filter(Files::exists).forEach(p -> project.addAuxClasspathEntry(p.toString()));
            Plugin.getAllPlugins().stream().filter(p -> !p.isCorePlugin())
                    .forEach(p -> project.setPluginStatusTrinary(p.getPluginId(), Boolean.TRUE));
            BugCollectionBugReporter reporter = new BugCollectionBugReporter(project, new PrintWriter(new StringWriter()));
            reporter.setPriorityThreshold(Priorities.LOW_PRIORITY);
            reporter.setRankThreshold(BugRanker.VISIBLE_RANK_MAX);
            UserPreferences prefs = UserPreferences.createDefaultUserPreferences();
            prefs.getFilterSettings().clearAllCategories();
            prefs.setEffort(effort);
            factories.getFactories().forEach(f -> prefs.enableDetector(f, enabled.test(f)));
            engine.setProject(project);
            engine.setDetectorFactoryCollection(factories);
            engine.setBugReporter(reporter);
            engine.setUserPreferences(prefs);
            engine.setNoClassOk(true);
            engine.setMergeSimilarWarnings(false);
            engine.finishSettings();
            engine.execute();
            int errors = reporter.getQueuedErrors().size();
            if (errors > 0) {
                System.err.println(errors + " analysis errors, first: " + reporter.getQueuedErrors().iterator().next().getMessage());
            }
            List<Bug> bugs = new ArrayList<>();
            for (BugInstance b : reporter.getBugCollection().getCollection()) {
                var method = b.getPrimaryMethod();
                var line = b.getPrimarySourceLineAnnotation();
                bugs.add(new Bug(b.getType(), b.getBugPattern().getCategory(), b.getBugPattern().getCWEid(),
                        b.getPrimaryClass().getClassName(), method == null ? "" : method.getMethodName(),
                        Math.max(line.getStartLine(), 0), b.getPriority()));
            }
            return bugs;
        }
    }

    static Predicate<DetectorFactory> ofPlugin(Plugin plugin) {
        String id = plugin.getPluginId();
        return f -> f.getPlugin().getPluginId().equals(id);
    }

    static void tsv(Path file, List<Bug> bugs, Map<String, Expected> byTest, Catalog catalog) throws IOException {
        List<String> rows = new ArrayList<>();
        for (Bug b : bugs) {
            Expected e = b.test() == null ? null : byTest.get(b.test());
            String profiles = catalog == null ? "" : "\t" + catalog.rule(b.type()).map(r -> r.isIn(Profile.DEFAULT) ? "default,all" : "all").orElse("-");
            rows.add(String.join("\t", e == null ? "-" : e.test(), e == null ? "-" : e.category(),
                    e == null ? "-" : e.real() ? "vulnerable" : "safe", b.type(), b.className(), b.method(),
                    String.valueOf(b.line()), b.category(), String.valueOf(normalised(b.cwe())),
                    e == null ? "-" : normalised(b.cwe()) == e.cwe() ? "yes" : "no") + profiles);
        }
        rows.sort(null);
        rows.add(0, "test\tcategory\texpected\tbug type\tclass\tmethod\tline\tbug category\tcwe\tcwe matches" + (catalog == null ? "" : "\tprofiles"));
        Files.write(file, rows);
    }

    static String counts(Score s, String c) {
        return s.count(c, "tp") + "/" + s.count(c, "fn") + "/" + s.count(c, "tn") + "/" + s.count(c, "fp");
    }

    static double meanTpr(Score s) {
        return CATEGORIES.stream().mapToDouble(s::tpr).average().orElse(0);
    }

    static double meanFpr(Score s) {
        return CATEGORIES.stream().mapToDouble(s::fpr).average().orElse(0);
    }

    static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /**
     * The heap of one variant: the largest total occupancy any garbage collection saw before it collected (GC
     * notifications) or at the end, the sum of the heap pools' own peaks, and the largest occupancy after a collection.
     */
    static final class HeapWatch {
        private final AtomicLong beforeGc = new AtomicLong();
        private final AtomicLong afterGc = new AtomicLong();
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final Set<String> poolNames = new TreeSet<>(pools.stream().map(MemoryPoolMXBean::getName).toList());

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    beforeGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                    afterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                }, n -> n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION), null);
            }
        }

        private long heapUsed(Map<String, java.lang.management.MemoryUsage> usage) {
            return usage.entrySet().stream().filter(e -> poolNames.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        }

        void reset() throws InterruptedException {
            System.gc();
            Thread.sleep(200); // let the notification of that collection arrive before the reset
            beforeGc.set(0);
            afterGc.set(0);
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        long[] peak() {
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new long[] {Math.max(beforeGc.get(), now), pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum(),
                    afterGc.get()};
        }
    }

    /** A plugin jar that declares {@link NothingDetector} (loaded from this program's class loader) and nothing else. */
    static Path nothingPlugin() throws IOException {
        Path jar = Files.createTempFile("genguard-owasp-nothing", ".jar");
        jar.toFile().deleteOnExit();
        String type = "GENGUARD_OWASP_NOTHING";
        Map<String, String> entries = Map.of(
                "findbugs.xml", "<FindbugsPlugin pluginid='dev.genguard.bench.owasp.nothing' provider='bench' defaultenabled='true'>"
                        + "<Detector class='" + NothingDetector.class.getName() + "' reports='" + type + "' speed='fast'/>"
                        + "<BugPattern type='" + type + "' abbrev='GGNOTHING' category='CORRECTNESS'/></FindbugsPlugin>",
                "messages.xml", "<MessageCollection><Plugin><ShortDescription>nothing</ShortDescription><Details>nothing</Details></Plugin>"
                        + "<Detector class='" + NothingDetector.class.getName() + "'><Details>nothing</Details></Detector>"
                        + "<BugPattern type='" + type + "'><ShortDescription>-</ShortDescription><LongDescription>-</LongDescription>"
                        + "<Details>-</Details></BugPattern><BugCode abbrev='GGNOTHING'>-</BugCode></MessageCollection>");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    static Plugin load(Path jar) throws Exception {
        var uri = jar.toAbsolutePath().normalize().toUri();
        Plugin plugin = Plugin.getAllPluginsMap().get(uri);
        if (plugin == null) {
            plugin = Plugin.addCustomPlugin(uri, OwaspBenchmark.class.getClassLoader());
        }
        plugin.setGloballyEnabled(true);
        return plugin;
    }
}
