import dev.genguard.engine.dependencies.Coordinate;
import dev.genguard.engine.dependencies.LookalikeMatcher;
import dev.genguard.engine.dependencies.PopularArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * False positives and recall of the lookalike-dependency matcher, for bench/lookalike-fp.sh.
 * <ul>
 * <li>False positives: every groupId:artifactId in the resolved dependency trees of the corpus projects is a real
 * artifact that a popular project pulls in, so each one the matcher flags is a false positive.</li>
 * <li>Leave-one-out over the shipped list (informative, not a gate): each popular artifact matched against the list
 * without it, i.e. how often a real sibling the list happens not to contain would be flagged.</li>
 * <li>Recall over hand-written typosquats, and the matcher's speed.</li>
 * </ul>
 * Usage: java -cp engine/target/classes:rulesets/target/classes bench/LookalikeBench.java CORPUS TREES_DIR TYPOSQUATS
 */
public class LookalikeBench {

    /** A node of dependency:tree's text output: "|  +- g:a:type[:classifier]:version:scope" or the root "g:a:...". */
    private static final Pattern NODE = Pattern.compile("^[|+\\\\\\- ]*([A-Za-z0-9_.\\-]+):([A-Za-z0-9_.\\-]+):.*");

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path trees = Path.of(args[1]);
        Path squats = Path.of(args[2]);
        PopularArtifacts popular = PopularArtifacts.load();
        LookalikeMatcher matcher = new LookalikeMatcher(popular);

        // 1. Corpus: which project pulls in which coordinate.
        Map<Coordinate, Set<String>> seenIn = new TreeMap<>();
        int projects = 0;
        System.out.println("== Corpus (" + corpus + ")");
        for (String line : Files.readAllLines(corpus)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] gav = line.strip().split(":");
            Path dir = trees.resolve(gav[0] + "+" + gav[1]);
            Path tree = dir.resolve("tree.txt");
            if (!Files.exists(tree)) {
                System.out.println("  " + line + ": NOT RESOLVED (see " + dir.resolve("mvn.log") + ")");
                continue;
            }
            projects++;
            Set<Coordinate> coordinates = new TreeSet<>();
            for (String node : Files.readAllLines(tree)) {
                Matcher m = NODE.matcher(node);
                if (m.matches() && !m.group(1).equals("genguard.bench")) {
                    coordinates.add(new Coordinate(m.group(1), m.group(2)));
                }
            }
            coordinates.forEach(c -> seenIn.computeIfAbsent(c, k -> new TreeSet<>()).add(gav[0] + ":" + gav[1]));
            Path warnings = dir.resolve("warnings.txt");
            List<String> warned = Files.exists(warnings) ? Files.readAllLines(warnings) : List.of();
            System.out.printf("  %-75s %4d coordinates%s%n", line.strip(), coordinates.size(),
                    warned.isEmpty() ? "" : " (" + warned.size() + " POMs unreadable: " + String.join("; ", warned) + ")");
        }
        long unlisted = seenIn.keySet().stream().filter(c -> !popular.contains(c)).count();
        // The matcher only ever compares a coordinate with popular ones of the same groupId or artifactId (up to
        // case): these unlisted coordinates are the ones that could be flagged at all.
        Set<String> groups = new TreeSet<>();
        Set<String> artifacts = new TreeSet<>();
        popular.all().forEach(c -> {
            groups.add(c.groupId().toLowerCase(Locale.ROOT));
            artifacts.add(c.artifactId().toLowerCase(Locale.ROOT));
        });
        long exposed = seenIn.keySet().stream().filter(c -> !popular.contains(c))
                .filter(c -> groups.contains(c.groupId().toLowerCase(Locale.ROOT))
                        || artifacts.contains(c.artifactId().toLowerCase(Locale.ROOT)))
                .count();
        System.out.println();
        System.out.println("projects: " + projects);
        System.out.println("distinct coordinates: " + seenIn.size());
        System.out.println("not in the popular list (" + popular.size() + " entries): " + unlisted
                + ", of which sharing a groupId or artifactId with a popular one (so compared): " + exposed);

        // 2. False positives on the corpus.
        List<String> flagged = new ArrayList<>();
        for (Map.Entry<Coordinate, Set<String>> e : seenIn.entrySet()) {
            matcher.match(e.getKey()).ifPresent(m -> flagged.add(e.getKey() + " -> " + m + "   (in " + e.getValue() + ")"));
        }
        System.out.println("flagged (false positives): " + flagged.size());
        flagged.forEach(f -> System.out.println("  FP " + f));

        // 2b. Every artifact this machine's local repository holds (the corpus's trees and whatever else was built
        // here): machine-dependent, so informative only.
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository");
        if (Files.isDirectory(local)) {
            Set<Coordinate> inRepo = new TreeSet<>();
            try (var files = Files.walk(local)) {
                files.filter(f -> f.getFileName().toString().endsWith(".pom")).forEach(pom -> {
                    Path versionDir = local.relativize(pom).getParent();
                    if (versionDir != null && versionDir.getNameCount() >= 3) {
                        Path artifactDir = versionDir.getParent();
                        String group = artifactDir.getParent().toString().replace(java.io.File.separatorChar, '.');
                        try {
                            inRepo.add(new Coordinate(group, artifactDir.getFileName().toString()));
                        } catch (IllegalArgumentException e) {
                            // a directory that is no coordinate (odd characters): not an artifact
                        }
                    }
                });
            }
            List<String> localFlagged = new ArrayList<>();
            inRepo.forEach(c -> matcher.match(c).ifPresent(m -> localFlagged.add(c + " -> " + m)));
            System.out.println("local repository " + local + ": " + inRepo.size() + " coordinates, "
                    + inRepo.stream().filter(c -> !popular.contains(c)).count() + " not in the list, flagged: "
                    + localFlagged.size() + " (informative)");
            localFlagged.forEach(f -> System.out.println("  LOCAL " + f));
        }

        // 3. Leave-one-out over the shipped list.
        List<String> loo = new ArrayList<>();
        List<Coordinate> all = new ArrayList<>(popular.all());
        long looNanos = System.nanoTime();
        for (int i = 0; i < all.size(); i++) {
            Coordinate left = all.get(i);
            List<Coordinate> rest = new ArrayList<>(all);
            rest.remove(i);
            new LookalikeMatcher(PopularArtifacts.of(rest)).match(left).ifPresent(m -> loo.add(left + " -> " + m));
        }
        looNanos = System.nanoTime() - looNanos;
        System.out.println();
        System.out.println("leave-one-out over the list: " + loo.size() + " of " + all.size()
                + " entries would be flagged were they missing from it (informative)");
        loo.forEach(f -> System.out.println("  LOO " + f));

        // 4. Recall over hand-written typosquats.
        int total = 0;
        int caught = 0;
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(squats)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("#", 2)[0].strip().split("\\s+");
            Coordinate squat = Coordinate.parse(cols[0]);
            Coordinate target = Coordinate.parse(cols[1]);
            String comment = line.contains("#") ? line.substring(line.indexOf('#') + 1).strip() : "";
            if (!popular.contains(target)) {
                throw new IllegalStateException(target + " (target of " + squat + ") is not in the popular list");
            }
            total++;
            Optional<LookalikeMatcher.Match> m = matcher.match(squat);
            boolean hit = m.isPresent() && m.get().popular().equals(target);
            caught += hit ? 1 : 0;
            lines.add(String.format("  %-6s %-62s %s   [%s]", hit ? "caught" : "MISSED", squat,
                    m.map(Object::toString).orElse("-"), comment));
        }
        System.out.println();
        System.out.printf("recall on hand-written typosquats: %d of %d (%.0f%%)%n", caught, total, 100.0 * caught / total);
        lines.forEach(System.out::println);

        // 5. Speed: every corpus coordinate, many rounds after a warm-up.
        List<Coordinate> queries = new ArrayList<>(seenIn.keySet());
        long t0 = System.nanoTime();
        LookalikeMatcher built = null;
        for (int i = 0; i < 20; i++) {
            built = new LookalikeMatcher(popular);
        }
        long buildNanos = (System.nanoTime() - t0) / 20;
        int sink = 0;
        for (int round = 0; round < 50; round++) {
            for (Coordinate c : queries) {
                sink += built.match(c).isPresent() ? 1 : 0;
            }
        }
        int rounds = 200;
        t0 = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (Coordinate c : queries) {
                sink += built.match(c).isPresent() ? 1 : 0;
            }
        }
        double perQuery = (System.nanoTime() - t0) / (double) (rounds * queries.size());
        System.out.println();
        System.out.printf("speed: building the matcher %.1f ms; %.2f µs per match (%d coordinates x %d rounds, warm); "
                + "leave-one-out %d builds in %.1f s%s%n", buildNanos / 1e6, perQuery / 1e3, queries.size(), rounds,
                all.size(), looNanos / 1e9, sink < 0 ? "" : "");
    }
}
