package dev.genguard.spotbugs;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.EngineResult;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.spotbugs.SpotBugsRunner;
import dev.genguard.harness.FixtureSuite;
import dev.genguard.harness.Fixtures;
import dev.genguard.harness.Reported;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Loads the packaged GenGuard plugin jar into SpotBugs, as spotbugs-maven-plugin does, runs it once over the
 * compiled fixtures with only GenGuard's detectors reporting, and checks the findings against the inline
 * expectations. Findings of every priority count: priority is confidence, the profile decides what to show.
 */
class SpotBugsFixturesIT extends FixtureSuite {

    private static final Catalog CATALOG = Catalog.load();
    private static final EngineResult RESULT = analyse(fixtures());

    private static EngineResult analyse(Fixtures fixtures) {
        return SpotBugsRunner.run(new SpotBugsRunner.Request(List.of(fixtures.classesDir()), fixtures.libraries(),
                List.of(fixtures.sourceRoot()), fixtures.sourceRoot(),
                List.of(Path.of(System.getProperty("genguard.plugin.jar"))), "default"));
    }

    @Override
    protected Set<String> engineIds() {
        return CATALOG.ids(EngineKind.SPOTBUGS);
    }

    @Override
    protected Set<String> allIds() {
        return CATALOG.ids();
    }

    @Override
    protected List<Reported> reported() {
        return RESULT.findings().stream().map(f -> new Reported(f.file(), f.line(), f.ruleId())).toList();
    }

    @Override
    protected List<String> analysisErrors() {
        return RESULT.errors().stream().map(ScanError::toString).toList();
    }
}
