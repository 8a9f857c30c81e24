package dev.genguard.pmd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.EngineResult;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.pmd.PmdRunner;
import dev.genguard.harness.Fixtures;
import dev.genguard.harness.InlineExpectations;
import dev.genguard.harness.Reported;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every GenGuard PMD rule (the {@code all} profile) once over all fixtures, in-process and with the
 * fixtures' libraries on the aux classpath, and checks the findings against the inline expectations.
 */
class PmdFixturesTest {

    private static final Fixtures FIXTURES = Fixtures.fromSystemProperty();
    private static final Catalog CATALOG = Catalog.load();
    private static final EngineResult RESULT = analyse();

    private static EngineResult analyse() {
        List<java.nio.file.Path> aux = new ArrayList<>(FIXTURES.libraries());
        aux.add(0, FIXTURES.classesDir());
        return PmdRunner.run(new PmdRunner.Request(List.of(FIXTURES.sourceRoot()), FIXTURES.sourceRoot(), aux,
                List.of(Profile.ALL.pmdRuleset()), 0, StandardCharsets.UTF_8, null));
    }

    private static InlineExpectations harness() {
        return new InlineExpectations(FIXTURES.files(), CATALOG.ids(EngineKind.PMD), CATALOG.ids());
    }

    @TestFactory
    Stream<DynamicTest> findingsMatchInlineExpectations() {
        return harness().tests(RESULT.findings().stream().map(f -> new Reported(f.file(), f.line(), f.ruleId())).toList());
    }

    @Test
    void analysisHasNoErrors() {
        assertThat(RESULT.errors()).isEmpty();
    }

    @Test
    void everyRuleIsCoveredAndEveryCategoryHasANegativeCase() {
        assertThat(harness().coverageProblems()).isEmpty();
    }
}
