import dev.genguard.engine.EngineResult;
import dev.genguard.engine.RawFinding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.spotbugs.SpotBugsRunner;
import java.io.File;
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

/**
 * GenGuard's SpotBugs detectors side by side with FindSecBugs on the same classes: the compiled fixtures (with
 * their library classpath) and the binary jars of bench/corpus.sh.
 *
 * <p>Both plugins run through {@link SpotBugsRunner}, i.e. the way {@code genguard:check} runs SpotBugs, one plugin
 * per run, every priority kept. GenGuard runs at effort "default" (what genguard:check uses); FindSecBugs at
 * effort "max", as its documentation recommends, and with all of SpotBugs' default infrastructure detectors, as
 * spotbugs-maven-plugin runs it (genguard:check keeps only what GenGuard's detectors read). Findings are compared per overlapping pattern ({@link #PATTERNS}: a
 * GenGuard bug type and the FindSecBugs bug types that report the same flaw) and per source line: a line one tool
 * reports under a pattern and the other does not is a difference, listed with the source line and, in the
 * fixtures, the line's inline expectation. GenGuard bug types that are not in the plugin jar yet still get their
 * row, so that the table shows what FindSecBugs finds that GenGuard has no detector for; re-run after detectors
 * land.
 *
 * <p>Usage: {@code java -cp ENGINE_CLASSPATH bench/FindSecBugsComparison.java GENGUARD_JAR FINDSECBUGS_JAR
 * FIXTURES_MODULE_DIR NAME=SRC=JAR ...}
 */
public class FindSecBugsComparison {

    /** GenGuard bug type → the FindSecBugs bug types (1.14.0) that report the same flaw. */
    static final Map<String, Set<String>> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("GENGUARD_WEAK_CIPHER", Set.of("DES_USAGE", "TDES_USAGE", "ECB_MODE", "RSA_NO_PADDING"));
        PATTERNS.put("GENGUARD_PREDICTABLE_RANDOM_SECRET", Set.of("PREDICTABLE_RANDOM", "PREDICTABLE_RANDOM_SCALA"));
        PATTERNS.put("GENGUARD_STATIC_IV", Set.of("STATIC_IV"));
        PATTERNS.put("GENGUARD_WEAK_HASH", Set.of("WEAK_MESSAGE_DIGEST_MD5", "WEAK_MESSAGE_DIGEST_SHA1"));
        PATTERNS.put("GENGUARD_WEAK_KDF", Set.of());
        PATTERNS.put("GENGUARD_WEAK_KEY", Set.of("RSA_KEY_SIZE", "BLOWFISH_KEY_SIZE", "HARD_CODE_KEY"));
        PATTERNS.put("GENGUARD_INSECURE_TLS", Set.of("SSL_CONTEXT", "WEAK_TRUST_MANAGER", "WEAK_HOSTNAME_VERIFIER",
                "DEFAULT_HTTP_CLIENT", "INSECURE_SMTP_SSL"));
        PATTERNS.put("GENGUARD_XXE", Set.of("XXE_SAXPARSER", "XXE_XMLREADER", "XXE_DOCUMENT", "XXE_DTD_TRANSFORM_FACTORY",
                "XXE_XSLT_TRANSFORM_FACTORY", "XXE_SCHEMA_FACTORY", "XXE_XMLSTREAMREADER", "XXE_XPATH", "XXE_VALIDATOR"));
        PATTERNS.put("GENGUARD_UNSAFE_DESERIALIZATION", Set.of("OBJECT_DESERIALIZATION", "JACKSON_UNSAFE_DESERIALIZATION",
                "XML_DECODER"));
        PATTERNS.put("GENGUARD_INSECURE_COOKIE", Set.of("INSECURE_COOKIE", "HTTPONLY_COOKIE"));
        PATTERNS.put("GENGUARD_NULL_CIPHER_OR_NO_INTEGRITY", Set.of("NULL_CIPHER", "CIPHER_INTEGRITY", "PADDING_ORACLE"));
    }

    /** One compared input: classes, their libraries, and the sources findings are reported against. */
    record Input(String name, List<Path> classes, List<Path> aux, Path sources) {
    }

    /** A reported line under one pattern: the bug types each tool reported there, with their priorities. */
    record Line(String file, int line) implements Comparable<Line> {
        @Override
        public int compareTo(Line o) {
            int c = file.compareTo(o.file);
            return c != 0 ? c : Integer.compare(line, o.line);
        }
    }

    public static void main(String[] args) throws Exception {
        Path genguard = Path.of(args[0]).toAbsolutePath();
        Path findsecbugs = Path.of(args[1]).toAbsolutePath();
        List<Input> inputs = new ArrayList<>();
        Path fixtures = Path.of(args[2]).toAbsolutePath();
        List<Path> fixtureLibs = new ArrayList<>();
        for (String entry : Files.readString(fixtures.resolve("target/fixtures.classpath")).trim().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                fixtureLibs.add(Path.of(entry));
            }
        }
        inputs.add(new Input("fixtures", List.of(fixtures.resolve("target/classes")), fixtureLibs, fixtures.resolve("src/main/java")));
        List<Path> jars = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            jars.add(Path.of(args[i].split("=", 3)[2]).toAbsolutePath());
        }
        for (int i = 3; i < args.length; i++) {
            String[] spec = args[i].split("=", 3);
            Path jar = Path.of(spec[2]).toAbsolutePath();
            inputs.add(new Input(spec[0], List.of(jar), jars.stream().filter(j -> !j.equals(jar)).toList(),
                    Path.of(spec[1]).toAbsolutePath()));
        }

        System.out.println("## pattern mapping (GenGuard bug type: FindSecBugs 1.14.0 bug types)\n");
        PATTERNS.forEach((g, f) -> System.out.println("- " + g + ": " + (f.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(f)))));

        // GenGuard first on every input, then FindSecBugs: a plugin loaded later cannot change GenGuard's runs.
        Map<Input, EngineResult> ours = new LinkedHashMap<>();
        Map<Input, EngineResult> theirs = new LinkedHashMap<>();
        System.out.printf("%n## runs%n%n| input | GenGuard ms | GenGuard errors | FindSecBugs ms | FindSecBugs errors |%n|---|---|---|---|---|%n");
        Map<Input, Long> ourMillis = new LinkedHashMap<>();
        for (Input in : inputs) {
            long start = System.nanoTime();
            ours.put(in, run(in, genguard, "default", false));
            ourMillis.put(in, (System.nanoTime() - start) / 1_000_000);
        }
        for (Input in : inputs) {
            long start = System.nanoTime();
            theirs.put(in, run(in, findsecbugs, "max", true));
            System.out.printf("| %s | %d | %d | %d | %d |%n", in.name(), ourMillis.get(in), ours.get(in).errors().size(),
                    (System.nanoTime() - start) / 1_000_000, theirs.get(in).errors().size());
            for (ScanError e : ours.get(in).errors()) {
                System.out.println("    GenGuard error: " + e);
            }
            theirs.get(in).errors().stream().limit(5).forEach(e -> System.out.println("    FindSecBugs error: " + e));
        }

        Set<String> ourTypes = new TreeSet<>();
        ours.values().forEach(r -> r.findings().forEach(f -> ourTypes.add(f.ruleId())));
        System.out.printf("%n## summary: lines reported per pattern (fixtures | corpus)%n%n");
        System.out.println("| GenGuard type | fixtures: both | GenGuard only | FindSecBugs only | corpus: both | GenGuard only | FindSecBugs only |");
        System.out.println("|---|---|---|---|---|---|---|");
        StringBuilder details = new StringBuilder();
        for (var pattern : PATTERNS.entrySet()) {
            int[] fixtureCounts = new int[3];
            int[] corpusCounts = new int[3];
            for (Input in : inputs) {
                Map<Line, Set<String>> g = lines(ours.get(in), Set.of(pattern.getKey()));
                Map<Line, Set<String>> f = lines(theirs.get(in), pattern.getValue());
                int[] counts = in.name().equals("fixtures") ? fixtureCounts : corpusCounts;
                Set<Line> all = new TreeSet<>(g.keySet());
                all.addAll(f.keySet());
                for (Line l : all) {
                    boolean inG = g.containsKey(l);
                    boolean inF = f.containsKey(l);
                    counts[inG && inF ? 0 : inG ? 1 : 2]++;
                    if (inG != inF) {
                        details.append("- ").append(pattern.getKey().substring("GENGUARD_".length())).append(' ')
                                .append(inG ? "GenGuard only" : "FindSecBugs only").append(": ").append(in.name()).append(": ")
                                .append(l.file()).append(':').append(l.line()).append(' ')
                                .append(inG ? g.get(l) : f.get(l)).append("  | ").append(sourceLine(in, l)).append('\n');
                    }
                }
            }
            String name = pattern.getKey() + (ourTypes.contains(pattern.getKey()) || pattern.getKey().equals("GENGUARD_WEAK_KDF")
                    ? "" : " (no findings: detector absent?)");
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", name, fixtureCounts[0], fixtureCounts[1],
                    fixtureCounts[2], corpusCounts[0], corpusCounts[1], corpusCounts[2]);
        }
        System.out.printf("%n## differences (pattern, tool, input: file:line [types and priorities] | source line)%n%n%s", details);
    }

    private static EngineResult run(Input in, Path plugin, String effort, boolean fullInfrastructure) {
        return SpotBugsRunner.run(new SpotBugsRunner.Request(in.classes(), in.aux(), List.of(in.sources()), in.sources(),
                List.of(plugin), effort, fullInfrastructure));
    }

    /** The lines reported under the given bug types, each with "TYPE/priority" of what was reported there. */
    private static Map<Line, Set<String>> lines(EngineResult result, Set<String> types) {
        Map<Line, Set<String>> lines = new TreeMap<>();
        for (RawFinding f : result.findings()) {
            if (types.contains(f.ruleId())) {
                lines.computeIfAbsent(new Line(f.file(), f.line()), k -> new TreeSet<>())
                        .add(f.ruleId() + "/" + (f.confidence() <= 1 ? "H" : f.confidence() == 2 ? "N" : "L"));
            }
        }
        return lines;
    }

    private static String sourceLine(Input in, Line l) {
        Path file = in.sources().resolve(l.file());
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return l.line() >= 1 && l.line() <= lines.size() ? lines.get(l.line() - 1).strip() : "(no such line)";
        } catch (Exception e) {
            return "(no source)";
        }
    }
}
