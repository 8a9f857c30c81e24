import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanRequest;
import dev.genguard.engine.ScanResult;
import dev.genguard.engine.Scanner;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs GenGuard (both engines, one profile) over unpacked library sources and their binary jar, and prints
 * findings per rule, per 1,000 non-blank source lines and per 1,000 classes, then every finding for review.
 * Usage: java -cp ENGINE_CLASSPATH bench/RealWorld.java PROFILE SPOTBUGS_PLUGIN_JAR NAME=SRC_DIR=JAR ...
 */
public class RealWorld {

    public static void main(String[] args) throws Exception {
        Profile profile = Profile.parse(args[0]);
        Path plugin = Path.of(args[1]);
        Scanner scanner = new Scanner(Catalog.load());
        long totalLines = 0;
        long totalClasses = 0;
        Map<String, Integer> perRule = new TreeMap<>();
        StringBuilder review = new StringBuilder();
        for (int i = 2; i < args.length; i++) {
            String[] spec = args[i].split("=", 3);
            Path src = Path.of(spec[1]);
            Path jar = Path.of(spec[2]);
            long lines = nonBlankLines(src);
            long classes = classes(jar);
            long start = System.nanoTime();
            ScanResult result = scanner.scan(new ScanRequest(src, List.of(src), List.of(jar), List.of(), profile,
                    List.of(plugin), StandardCharsets.UTF_8, 1));
            long millis = (System.nanoTime() - start) / 1_000_000;
            totalLines += lines;
            totalClasses += classes;
            for (Finding f : result.findings()) {
                perRule.merge(f.ruleId(), 1, Integer::sum);
                review.append(spec[0]).append(": ").append(f.file()).append(':').append(f.line()).append(' ')
                        .append(f.ruleId()).append(' ').append(f.message()).append('\n');
            }
            System.out.printf("%-22s %8d lines %6d classes %4d findings %4d errors %7d ms%n", spec[0], lines, classes,
                    result.findings().size(), result.errors().size(), millis);
            result.errors().stream().limit(5).forEach(e -> System.out.println("    error: " + e));
        }
        System.out.printf("%nprofile %s: %d non-blank lines, %d classes%n", profile.id(), totalLines, totalClasses);
        System.out.println("| rule | findings | per 1,000 lines | per 1,000 classes |");
        System.out.println("|---|---|---|---|");
        int total = 0;
        for (var e : perRule.entrySet()) {
            total += e.getValue();
            System.out.printf("| %s | %d | %.3f | %.2f |%n", e.getKey(), e.getValue(), 1000.0 * e.getValue() / totalLines,
                    1000.0 * e.getValue() / totalClasses);
        }
        System.out.printf("| all | %d | %.3f | %.2f |%n%n", total, 1000.0 * total / totalLines, 1000.0 * total / totalClasses);
        System.out.print(review);
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

    private static long classes(Path jar) throws Exception {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.stream().filter(e -> e.getName().endsWith(".class")).count();
        }
    }
}
