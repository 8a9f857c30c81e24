package dev.genguard.engine.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.dependencies.DependencyModel.Declared;
import dev.genguard.engine.dependencies.DependencyModel.Location;
import dev.genguard.engine.dependencies.DependencyModel.Repository;
import dev.genguard.engine.dependencies.DependencyModel.Resolved;
import dev.genguard.engine.dependencies.DependencyModel.Unresolved;
import dev.genguard.engine.governance.AiTag;
import dev.genguard.engine.governance.ExternalFinding;
import dev.genguard.engine.governance.LineHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyGuardTest {

    private static final String POM = """
            <project>
              <repositories>
                <repository>
                  <id>vendor</id>
                  <url>http://repo.vendor.example/maven2</url>
                </repository>
              </repositories>
              <dependencies>
                <dependency>
                  <groupId>com.fasterxml.jackson.core</groupId>
                  <artifactId>jackson-databinds</artifactId>
                </dependency>
                <!-- genguard:reviewed-by alice SEC-9 -->
                <dependency>
                  <groupId>com.google.guava</groupId>
                  <artifactId>guava</artifactId>
                </dependency>
                <dependency>
                  <groupId>commons-io</groupId>
                  <artifactId>commons-io</artifactId>
                </dependency>
                <!-- genguard:ignore DependencyNotAllowed -- pending SEC-12 -->
                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>internal-tools</artifactId>
                </dependency>
              </dependencies>
            </project>
            """;

    private final PomText pom = new PomText(POM);
    private final Declared lookalike = declared("com.fasterxml.jackson.core:jackson-databinds", "jackson-databinds");
    private final Declared guava = declared("com.google.guava:guava", "<artifactId>guava<");
    private final Declared io = declared("commons-io:commons-io", "<artifactId>commons-io<");
    private final Declared internal = declared("org.example:internal-tools", "internal-tools");

    @Test
    void reportsEachCheckAtTheDeclarationThatBringsTheDependencyIn() {
        DependencyModel model = new DependencyModel(List.of(lookalike, guava, io, internal),
                List.of(new Resolved(Coordinate.parse("com.google.guava:failureaccess"), "1.0.3", "compile", guava),
                        new Resolved(Coordinate.parse("com.google.guava:guava"), "33", "compile", null)),
                List.of(new Unresolved(lookalike, "not found in central")),
                List.of(new Repository("vendor", "http://repo.vendor.example/maven2", false, new Location("pom.xml", 3)),
                        new Repository("safe", "https://repo.example", true, new Location("pom.xml", 3))),
                List.of(Coordinate.parse("commons-io:commons-io")));
        // Lines 14-17 (guava's declaration) and 10-11 were last changed by an AI-assisted commit; sorted by line,
        // then the most severe first.
        LineHistory history = aiLines(10, 11, 14, 15, 16, 17);
        Allowlist allowlist = Allowlist.parse(List.of("com.fasterxml.*:*", "commons-io:*"), "allowedDependencies");

        List<ExternalFinding> found = guard(model, allowlist, history);
        assertThat(found).extracting(f -> f.finding().ruleId() + "@" + f.finding().line() + " " + f.member()).containsExactly(
                "InsecureRepository@3 vendor",
                "LookalikeDependency@9 com.fasterxml.jackson.core:jackson-databinds",
                "AiIntroducedDependency@9 com.fasterxml.jackson.core:jackson-databinds",
                "UnresolvableDependency@9 com.fasterxml.jackson.core:jackson-databinds",
                "DependencyNotAllowed@14 com.google.guava:failureaccess",
                "DependencyNotAllowed@14 com.google.guava:guava",
                "UnusedDeclaredDependency@18 commons-io:commons-io",
                "DependencyNotAllowed@23 org.example:internal-tools");
        ExternalFinding look = byRule(found, "LookalikeDependency");
        assertThat(look.finding().severity()).isEqualTo(Severity.BLOCKER);
        assertThat(look.finding().cwe()).isEqualTo("1357");
        assertThat(look.finding().message()).contains("com.fasterxml.jackson.core:jackson-databind");
        assertThat(look.finding().endLine()).isEqualTo(12);
        // guava was added by an AI commit but approved: no AiIntroducedDependency; commons-io's lines are human.
        assertThat(found).noneMatch(f -> f.finding().ruleId().equals("AiIntroducedDependency")
                && !f.member().contains("jackson"));
        assertThat(found.stream().filter(f -> f.member().equals("com.google.guava:failureaccess")).findFirst().orElseThrow()
                .finding().message()).contains("(brought in by com.google.guava:guava)");
        // The suppression before internal-tools travels with its finding, for governance to apply.
        assertThat(found.get(found.size() - 1).suppressions()).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("pending SEC-12"));
    }

    @Test
    void withoutAnAllowlistNothingIsUnlistedAndPopularArtifactsAreNotLookalikes() {
        DependencyModel model = new DependencyModel(List.of(guava, io), List.of(), List.of(), List.of(), null);
        assertThat(guard(model, null, LineHistory.NONE)).isEmpty();
    }

    @Test
    void allowlistPatternsAndFile(@TempDir Path dir) throws IOException {
        Allowlist list = Allowlist.parse(List.of("org.springframework.*:*", "com.acme:lib-*", "# comment"), "allowedDependencies");
        assertThat(list.allows(Coordinate.parse("org.springframework.boot:spring-boot"))).isTrue();
        assertThat(list.allows(Coordinate.parse("org.springframework:spring-core"))).isFalse();
        assertThat(list.allows(Coordinate.parse("com.acme:lib-core"))).isTrue();
        assertThat(list.allows(Coordinate.parse("com.acme:tool"))).isFalse();
        assertThat(list.allows(Coordinate.parse("com.acme.lib:lib-core"))).isFalse();
        Path file = Files.writeString(dir.resolve("genguard-dependencies.txt"), "# team list\ncom.google.guava:guava # cache\n\n");
        assertThat(Allowlist.read(file).allows(Coordinate.parse("com.google.guava:guava"))).isTrue();
        Files.writeString(file, "com.google.guava:guava\nguava\n");
        assertThatThrownBy(() -> Allowlist.read(file)).hasMessageContaining("genguard-dependencies.txt:2")
                .hasMessageContaining("\"guava\" is not groupId:artifactId");
    }

    @Test
    void reasonlessSuppressionsInThePomAreFindings() {
        PomText bare = new PomText("<project>\n  <!-- genguard:ignore LookalikeDependency -->\n</project>\n");
        List<ExternalFinding> found = new DependencyGuard(Catalog.load()).check(
                new DependencyModel(List.of(), List.of(), List.of(), List.of(), null),
                new DependencyGuard.Options(null, matcher(), LineHistory.NONE, Map.of("pom.xml", bare), Profile.DEFAULT));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.finding().ruleId()).isEqualTo("SuppressionWithoutReason");
            assertThat(f.finding().line()).isEqualTo(2);
        });
    }

    private List<ExternalFinding> guard(DependencyModel model, Allowlist allowlist, LineHistory history) {
        return new DependencyGuard(Catalog.load()).check(model,
                new DependencyGuard.Options(allowlist, matcher(), history, Map.of("pom.xml", pom), Profile.DEFAULT));
    }

    private static LookalikeMatcher matcher() {
        return new LookalikeMatcher(PopularArtifacts.load());
    }

    private static ExternalFinding byRule(List<ExternalFinding> found, String rule) {
        return found.stream().filter(f -> f.finding().ruleId().equals(rule)).findFirst().orElseThrow();
    }

    private Declared declared(String coordinate, String text) {
        List<String> lines = POM.lines().toList();
        int line = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                line = i; // the <dependency> line above the artifact's first element
                break;
            }
        }
        while (!lines.get(line - 1).contains("<dependency>")) {
            line--;
        }
        return new Declared(Coordinate.parse(coordinate), "1.0", null, new Location("pom.xml", line));
    }

    private static LineHistory aiLines(int... lines) {
        return file -> {
            SortedMap<Integer, LineHistory.Origin> ai = new TreeMap<>();
            for (int line : lines) {
                ai.put(line, new LineHistory.Origin("0123456789abcdef", new AiTag("Copilot", "", "", "")));
            }
            return ai;
        };
    }
}
