package dev.genguard.harness;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The harness every engine's rule tests share: one {@link DynamicTest} per fixture file comparing markers and
 * findings, plus coverage checks. Engines are run once per JVM by the caller; this class only compares.
 */
public final class InlineExpectations {

    private final List<FixtureFile> files;
    private final Set<String> engineIds;
    private final Set<String> allIds;

    /**
     * @param files     the fixture files
     * @param engineIds the ids of the engine under test (PMD rule names or SpotBugs bug types)
     * @param allIds    the ids of every engine, so that markers for the other engine are recognized
     */
    public InlineExpectations(List<FixtureFile> files, Set<String> engineIds, Set<String> allIds) {
        this.files = List.copyOf(files);
        this.engineIds = Set.copyOf(engineIds);
        this.allIds = Set.copyOf(allIds);
    }

    /** One test per fixture file, plus one for findings in files that are not fixtures. */
    public Stream<DynamicTest> tests(Collection<Reported> reported) {
        Map<String, List<Reported>> byFile = ExpectationDiff.byFile(reported);
        Set<String> known = new TreeSet<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (FixtureFile file : files) {
            known.add(file.relativePath());
            List<Reported> here = byFile.getOrDefault(file.relativePath(), List.of());
            tests.add(DynamicTest.dynamicTest(file.relativePath(),
                    () -> assertNoProblems(ExpectationDiff.compare(file, here, engineIds, allIds))));
        }
        List<String> strays = new ArrayList<>();
        byFile.forEach((file, list) -> {
            if (!known.contains(file)) {
                list.stream().filter(r -> engineIds.contains(r.ruleId()))
                        .forEach(r -> strays.add(r + " reported in a file that is not a fixture"));
            }
        });
        tests.add(DynamicTest.dynamicTest("findings outside fixture files", () -> assertNoProblems(strays)));
        return tests.stream();
    }

    /**
     * Coverage: every id of the engine has at least one {@code expect:} marker, and every fixture category
     * (the folder below {@code fixtures/}) that exercises this engine has a marker-free file (a negative case).
     */
    public List<String> coverageProblems() {
        List<String> problems = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        Set<String> categories = new TreeSet<>();
        Set<String> categoriesWithCleanFile = new TreeSet<>();
        for (FixtureFile file : files) {
            String category = category(file.relativePath());
            boolean engineMarker = false;
            for (Marker m : file.markers()) {
                if (engineIds.contains(m.ruleId())) {
                    engineMarker = true;
                    if (m.kind() == Marker.Kind.EXPECT) {
                        expected.add(m.ruleId());
                    }
                }
            }
            if (engineMarker) {
                categories.add(category);
            }
            if (file.markers().isEmpty()) {
                categoriesWithCleanFile.add(category);
            }
        }
        for (String id : new TreeSet<>(engineIds)) {
            if (!expected.contains(id)) {
                problems.add("rule " + id + " has no '// expect: " + id + "' line in the fixtures");
            }
        }
        for (String category : categories) {
            if (!categoriesWithCleanFile.contains(category)) {
                problems.add("fixture category " + category + " has no marker-free file (a negative case)");
            }
        }
        return problems;
    }

    private static String category(String relativePath) {
        String[] parts = relativePath.split("/");
        return parts.length > 2 ? parts[0] + "/" + parts[1] : parts[0];
    }

    public static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " expectation problem(s):\n  " + String.join("\n  ", problems));
        }
    }
}
