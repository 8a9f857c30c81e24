package dev.genguard.spotbugs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.EngineResult;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.spotbugs.SpotBugsRunner;
import dev.genguard.harness.Fixtures;
import dev.genguard.harness.InlineExpectations;
import dev.genguard.harness.Reported;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Loads the packaged GenGuard plugin jar into SpotBugs, as spotbugs-maven-plugin does, runs it once over the
 * compiled fixtures with only GenGuard's detectors reporting, and checks the findings against the inline
 * expectations. Findings of every priority count: priority is confidence, the profile decides what to show.
 */
class SpotBugsFixturesIT {

    private static final Fixtures FIXTURES = Fixtures.fromSystemProperty();
    private static final Catalog CATALOG = Catalog.load();
    private static final EngineResult RESULT = SpotBugsRunner.run(new SpotBugsRunner.Request(
            List.of(FIXTURES.classesDir()), FIXTURES.libraries(), List.of(FIXTURES.sourceRoot()),
            FIXTURES.sourceRoot(), List.of(Path.of(System.getProperty("genguard.plugin.jar"))), "default"));

    private static InlineExpectations harness() {
        return new InlineExpectations(FIXTURES.files(), CATALOG.ids(EngineKind.SPOTBUGS), CATALOG.ids());
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
    void everyBugTypeIsCoveredAndEveryCategoryHasANegativeCase() {
        assertThat(harness().coverageProblems()).isEmpty();
    }
}
