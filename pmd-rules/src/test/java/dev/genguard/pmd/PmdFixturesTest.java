package dev.genguard.pmd;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.EngineResult;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.pmd.PmdRunner;
import dev.genguard.harness.FixtureSuite;
import dev.genguard.harness.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every GenGuard PMD rule (the {@code all} profile) once over all fixtures, in-process and with the
 * fixtures' libraries on the aux classpath, and checks the findings against the inline expectations.
 */
class PmdFixturesTest extends FixtureSuite {

    private static final EngineResult RESULT = analyse(fixtures());

    private static EngineResult analyse(Fixtures fixtures) {
        List<Path> aux = new ArrayList<>(fixtures.libraries());
        aux.add(0, fixtures.classesDir());
        return PmdRunner.run(new PmdRunner.Request(List.of(fixtures.sourceRoot()), fixtures.sourceRoot(), aux,
                List.of(Profile.ALL.pmdRuleset()), 0, StandardCharsets.UTF_8, null));
    }

    @Override
    protected EngineKind engine() {
        return EngineKind.PMD;
    }

    @Override
    protected EngineResult result() {
        return RESULT;
    }
}
