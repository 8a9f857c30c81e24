package dev.genguard.pmd.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineResult;
import dev.genguard.engine.RawFinding;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.pmd.PmdRunner;
import dev.genguard.harness.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fixtures test runs the all profile, where CsrfProtectionDisabled reports stateless APIs and
 * PermissiveCors reports wildcards without credentials. This test runs the default profile (both properties
 * off) over the auth fixtures: it reports exactly the session-based and credentialed cases, and nothing of the
 * files that hold only stateless or credential-free cases.
 */
class DefaultProfileSeverityDesignTest {

    private static final EngineResult DEFAULT = analyse();

    private static EngineResult analyse() {
        Fixtures fixtures = Fixtures.fromSystemProperty();
        List<Path> aux = new ArrayList<>(fixtures.libraries());
        aux.add(0, fixtures.classesDir());
        return PmdRunner.run(new PmdRunner.Request(List.of(fixtures.sourceRoot().resolve("fixtures/auth")),
                fixtures.sourceRoot(), aux, List.of(Profile.DEFAULT.pmdRuleset()), 0, StandardCharsets.UTF_8, null));
    }

    @Test
    void noErrors() {
        assertThat(DEFAULT.errors()).isEmpty();
    }

    @Test
    void csrfDefaultReportsSessionBasedConfigurationsOnly() throws IOException {
        assertThat(lines("CsrfProtectionDisabled", "CsrfProtectionDisabledBad.java"))
                .isEqualTo(expectedLines("CsrfProtectionDisabled", "CsrfProtectionDisabledBad.java"))
                .isNotEmpty();
        assertThat(lines("CsrfProtectionDisabled", "CsrfProtectionDisabledStateless.java")).isEmpty();
    }

    @Test
    void corsDefaultReportsCredentialedWildcardsOnly() throws IOException {
        assertThat(lines("PermissiveCors", "PermissiveCorsBad.java"))
                .isEqualTo(expectedLines("PermissiveCors", "PermissiveCorsBad.java"))
                .isNotEmpty();
        assertThat(lines("PermissiveCors", "PermissiveCorsWildcard.java")).isEmpty();
    }

    @Test
    void unprotectedSensitiveEndpointIsNotInTheDefaultProfile() {
        assertThat(DEFAULT.findings()).noneMatch(f -> f.ruleId().equals("UnprotectedSensitiveEndpoint"));
    }

    @Test
    void messagesNameTheCase() {
        assertThat(DEFAULT.findings()).filteredOn(f -> f.ruleId().equals("PermissiveCors"))
                .allSatisfy(f -> assertThat(f.message()).contains("credentials are allowed"));
        assertThat(DEFAULT.findings()).filteredOn(f -> f.ruleId().equals("CsrfProtectionDisabled"))
                .allSatisfy(f -> assertThat(f.message()).startsWith("Keep CSRF protection on"));
    }

    private static Set<Integer> lines(String rule, String file) {
        return DEFAULT.findings().stream()
                .filter(f -> f.ruleId().equals(rule) && f.file().endsWith("/" + file))
                .map(RawFinding::line)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> expectedLines(String rule, String file) throws IOException {
        Path path = Fixtures.fromSystemProperty().sourceRoot().resolve("fixtures/auth").resolve(file);
        List<String> source = Files.readAllLines(path, StandardCharsets.UTF_8);
        Set<Integer> lines = new TreeSet<>();
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains("// expect: " + rule)) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}
