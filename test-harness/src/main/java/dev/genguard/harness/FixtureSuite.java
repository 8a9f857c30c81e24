package dev.genguard.harness;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rule tests of one engine: extend it, run the engine once per JVM over {@link #fixtures()} (a static
 * field), and return its findings and errors. Gives one test per fixture file, a check that the analysis had no
 * errors, and the coverage check.
 */
public abstract class FixtureSuite {

    /** The fixtures, from the {@value Fixtures#PROPERTY} system property. */
    protected static Fixtures fixtures() {
        return Fixtures.fromSystemProperty();
    }

    /** The rule ids of the engine under test. */
    protected abstract Set<String> engineIds();

    /** The rule ids of every engine (the catalog), so that markers for the other engine are recognized. */
    protected abstract Set<String> allIds();

    /** What the engine reported over the fixtures. */
    protected abstract List<Reported> reported();

    /** The analysis errors of the run, one line each; any error fails (a fixture the engine could not read). */
    protected abstract List<String> analysisErrors();

    private InlineExpectations harness() {
        return new InlineExpectations(fixtures().files(), engineIds(), allIds());
    }

    @TestFactory
    public Stream<DynamicTest> findingsMatchInlineExpectations() {
        return harness().tests(reported());
    }

    @Test
    public void analysisHasNoErrors() {
        InlineExpectations.assertNoProblems(analysisErrors());
    }

    @Test
    public void everyRuleIsCoveredAndEveryCategoryHasANegativeCase() {
        InlineExpectations.assertNoProblems(harness().coverageProblems());
    }
}
