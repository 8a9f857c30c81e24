package dev.genguard.spotbugs;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.EngineResult;
import dev.genguard.engine.spotbugs.SpotBugsRunner;
import dev.genguard.harness.FixtureSuite;
import dev.genguard.harness.Fixtures;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the packaged GenGuard plugin jar into SpotBugs, as spotbugs-maven-plugin does, runs it once over the
 * compiled fixtures with only GenGuard's detectors reporting, and checks the findings against the inline
 * expectations. Findings of every priority count: priority is confidence, the profile decides what to show.
 */
class SpotBugsFixturesIT extends FixtureSuite {

    private static final EngineResult RESULT = analyse(fixtures());

    private static EngineResult analyse(Fixtures fixtures) {
        return SpotBugsRunner.run(new SpotBugsRunner.Request(List.of(fixtures.classesDir()), fixtures.libraries(),
                List.of(fixtures.sourceRoot()), fixtures.sourceRoot(),
                List.of(Path.of(System.getProperty("genguard.plugin.jar"))), "default"));
    }

    @Override
    protected EngineKind engine() {
        return EngineKind.SPOTBUGS;
    }

    @Override
    protected EngineResult result() {
        return RESULT;
    }
}
