package dev.genguard.harness;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.EngineResult;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.catalog.Catalog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rule tests of one engine: extend it, run the engine once per JVM over {@link #fixtures()} (keep the
 * result in a static field) and return it from {@link #result()}. Gives one test per fixture file, a check that
 * the analysis had no errors, and the coverage check. Rule ids come from the catalog: the engine's own are
 * compared, the other engine's markers are recognized and skipped.
 */
public abstract class FixtureSuite {

    private static final Catalog CATALOG = Catalog.load();

    /** The fixtures, from the {@value Fixtures#PROPERTY} system property. */
    protected static Fixtures fixtures() {
        return Fixtures.fromSystemProperty();
    }

    /** The engine under test. */
    protected abstract EngineKind engine();

    /** What the engine produced over the fixtures (computed once). */
    protected abstract EngineResult result();

    private InlineExpectations harness() {
        return new InlineExpectations(fixtures().files(), CATALOG.ids(engine()), CATALOG.ids());
    }

    @TestFactory
    public Stream<DynamicTest> findingsMatchInlineExpectations() {
        return harness().tests(result().findings().stream().map(f -> new Reported(f.file(), f.line(), f.ruleId())).toList());
    }

    @Test
    public void analysisHasNoErrors() {
        InlineExpectations.assertNoProblems(result().errors().stream().map(ScanError::toString).toList());
    }

    @Test
    public void everyRuleIsCoveredAndEveryCategoryHasANegativeCase() {
        InlineExpectations.assertNoProblems(harness().coverageProblems());
    }
}
