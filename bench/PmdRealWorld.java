import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.java.ast.ASTCompilationUnit;
import net.sourceforge.pmd.lang.java.ast.TypeNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * The GenGuard PMD rules on mature code: precision per profile and cost against PMD's own baseline.
 *
 * <p>Precision: runs each profile over every library's sources (with its binary jar on the aux classpath, as a
 * build would) and prints findings per rule per 1,000 non-blank lines, then every finding for review.
 *
 * <p>Speed: in the same JVM, after a warm-up, times alternating rounds of (a) a baseline ruleset whose one rule
 * does nothing (PMD parses, builds the symbol table and runs its AST processing on every file: the cost of PMD
 * itself), (b) a baseline whose one rule asks every typed node for its type (full type resolution, more than any
 * rule needs) and (c) the GenGuard default profile; reports the median of each and the ratios c/a and c/b.
 * Single-threaded so that the numbers do not depend on the machine's cores.
 *
 * <p>Usage: {@code java -cp PMD_AND_GENGUARD_CLASSPATH bench/PmdRealWorld.java ROUNDS PROFILE,PROFILE NAME=SRC=JAR ...}
 */
public class PmdRealWorld {

    /** Parse and AST processing only: the rule visits the compilation unit and does nothing. */
    public static class ParseOnly extends AbstractJavaRulechainRule {
        public ParseOnly() {
            super(ASTCompilationUnit.class);
            setName("ParseOnly");
            setMessage("none");
            setLanguage(net.sourceforge.pmd.lang.LanguageRegistry.PMD.getLanguageById("java"));
        }

        @Override
        public Object visit(ASTCompilationUnit node, Object data) {
            return data;
        }
    }

    static final java.util.concurrent.atomic.AtomicLong RESOLVED = new java.util.concurrent.atomic.AtomicLong();

    /** Parse plus type resolution of every typed node (expressions, types, declarations). */
    public static class ResolveAllTypes extends ParseOnly {
        public ResolveAllTypes() {
            setName("ResolveAllTypes");
        }

        @Override
        public Object visit(ASTCompilationUnit node, Object data) {
            RESOLVED.addAndGet(node.descendants(TypeNode.class).crossFindBoundaries()
                    .filter(n -> n.getTypeMirror() != null).count());
            return data;
        }
    }

    record Library(String name, Path sources, Path jar, long lines) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        List<String> profiles = Arrays.asList(args[1].split(","));
        List<Library> libs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] spec = args[i].split("=", 3);
            libs.add(new Library(spec[0], Path.of(spec[1]).toAbsolutePath(), Path.of(spec[2]), nonBlankLines(Path.of(spec[1]))));
        }
        long totalLines = libs.stream().mapToLong(Library::lines).sum();

        for (String profile : profiles) {
            precision(profile, libs, totalLines);
        }
        if (rounds > 0) {
            speed(rounds, libs, totalLines);
        }
    }

    private static void precision(String profile, List<Library> libs, long totalLines) {
        Map<String, Integer> perRule = new TreeMap<>();
        StringBuilder review = new StringBuilder();
        System.out.printf("%n## profile %s%n%n| library | non-blank lines | findings | errors |%n|---|---|---|---|%n", profile);
        for (Library lib : libs) {
            Report report = analyse(lib, () -> null, "genguard/pmd/" + profile + ".xml");
            for (RuleViolation v : report.getViolations()) {
                perRule.merge(v.getRule().getName(), 1, Integer::sum);
                review.append("- ").append(lib.name()).append(": ")
                        .append(lib.sources().relativize(Path.of(v.getFileId().getAbsolutePath()))).append(':')
                        .append(v.getBeginLine()).append(' ').append(v.getRule().getName()).append(' ')
                        .append(v.getDescription()).append('\n');
            }
            System.out.printf("| %s | %,d | %d | %d |%n", lib.name(), lib.lines(), report.getViolations().size(),
                    report.getProcessingErrors().size());
            report.getProcessingErrors().stream().limit(3)
                    .forEach(e -> System.out.println("    error: " + e.getFileId() + ": " + e.getMsg().lines().findFirst().orElse("")));
        }
        System.out.printf("%nprofile %s over %,d non-blank lines%n%n| rule | findings | per 1,000 lines |%n|---|---|---|%n",
                profile, totalLines);
        int total = 0;
        for (var e : perRule.entrySet()) {
            total += e.getValue();
            System.out.printf("| %s | %d | %.3f |%n", e.getKey(), e.getValue(), 1000.0 * e.getValue() / totalLines);
        }
        System.out.printf("| **all** | **%d** | **%.3f** |%n%n%s", total, 1000.0 * total / totalLines, review);
    }

    private static void speed(int rounds, List<Library> libs, long totalLines) {
        Map<String, Supplier<RuleSet>> variants = new java.util.LinkedHashMap<>();
        variants.put("parse-only baseline", () -> RuleSet.forSingleRule(new ParseOnly()));
        variants.put("full type resolution baseline", () -> RuleSet.forSingleRule(new ResolveAllTypes()));
        variants.put("GenGuard default", () -> null);
        // Warm-up: every variant once, untimed, so that JIT and class loading do not count against the first.
        variants.forEach((name, rules) -> timeAll(libs, rules));
        Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            variants.forEach((name, rules) -> times.computeIfAbsent(name, k -> new ArrayList<>()).add(timeAll(libs, rules)));
        }
        System.out.printf("%n## speed: %d rounds over %,d non-blank lines, single-threaded, median wall time%n%n", rounds, totalLines);
        System.out.printf("(the type resolution baseline resolved %,d typed nodes per round)%n%n", RESOLVED.get() / (rounds + 1));
        System.out.println("| run | median ms | all rounds ms | vs parse-only | vs full type resolution |");
        System.out.println("|---|---|---|---|---|");
        long parse = median(times.get("parse-only baseline"));
        long typed = median(times.get("full type resolution baseline"));
        times.forEach((name, list) -> System.out.printf("| %s | %d | %s | %.2f | %.2f |%n", name, median(list), list,
                (double) median(list) / parse, (double) median(list) / typed));
    }

    private static long timeAll(List<Library> libs, Supplier<RuleSet> rules) {
        long start = System.nanoTime();
        for (Library lib : libs) {
            analyse(lib, rules, "genguard/pmd/default.xml");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** One PMD analysis of a library, configured as {@code genguard:check} configures it; {@code rules} overrides the ruleset. */
    private static Report analyse(Library lib, Supplier<RuleSet> rules, String ruleset) {
        PMDConfiguration config = new PMDConfiguration();
        config.setThreads(0);
        config.setSourceEncoding(StandardCharsets.UTF_8);
        config.setIgnoreIncrementalAnalysis(true);
        config.prependAuxClasspath(lib.jar() + File.pathSeparator
                + Path.of(System.getProperty("java.home"), "lib", "jrt-fs.jar"));
        config.addInputPath(lib.sources());
        RuleSet custom = rules.get();
        if (custom == null) {
            config.setRuleSets(List.of(ruleset));
        }
        try (PmdAnalysis analysis = PmdAnalysis.create(config)) {
            if (custom != null) {
                analysis.addRuleSet(custom);
            }
            return analysis.performAnalysisAndCollectReport();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long nonBlankLines(Path dir) throws Exception {
        long n = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                n += Files.readAllLines(p, StandardCharsets.ISO_8859_1).stream().filter(l -> !l.isBlank()).count();
            }
        }
        return n;
    }
}
