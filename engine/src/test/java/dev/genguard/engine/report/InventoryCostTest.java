package dev.genguard.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AiTag;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FileRisk;
import dev.genguard.engine.governance.FindingState;
import dev.genguard.engine.governance.ProvenanceSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inventory tables of a module with many AI regions and findings (the cost is a benchmark matter, not a test). */
class InventoryCostTest {

    @Test
    void aLargeInventoryCountsEachRegionsFindingsAndFileRisk() {
        int n = 20_000;
        List<AiRegion> regions = new ArrayList<>();
        List<AssessedFinding> findings = new ArrayList<>();
        List<FileRisk> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String file = "src/F" + (i / 10) + ".java";
            int begin = 4 * (i % 10) + 3;
            AiRegion r = new AiRegion(file, "C#m" + i + "()", begin, begin + 2, ProvenanceSource.TRAILER, AiTag.UNKNOWN,
                    "c", "", null);
            regions.add(r);
            findings.add(new AssessedFinding(new Finding("HardcodedCredential", EngineKind.PMD, Severity.CRITICAL, "798",
                    file, begin + 1, begin + 1, "m"), "fp" + i, r.member(), FindingState.NEW, null, r));
            if (i % 10 == 0) {
                files.add(new FileRisk(file, 10 + i % 7, 5, 40, 30, List.of(), 0));
            }
        }
        Assessment a = new Assessment("m", Profile.DEFAULT, findings, regions, files, 50, n * 4, 0, List.of(), List.of());
        Catalog catalog = Catalog.load();
        var json = InventoryReport.build(a);
        List<String> table = ConsoleReport.inventory(a);
        String html = HtmlReport.render(a, catalog, Path.of("no-such-dir"));
        // Every region counts its one finding and shows its file's risk.
        assertThat(json.get("regions").get(n - 1).get("findings")).hasSize(1);
        assertThat(json.get("regions").get(n - 1).get("fileRisk").asInt()).isEqualTo(10 + (n - 10) % 7);
        assertThat(table.get(1)).contains(" 1 ");
        assertThat(html).contains("<td class=\"num\">1</td></tr>");
    }
}
