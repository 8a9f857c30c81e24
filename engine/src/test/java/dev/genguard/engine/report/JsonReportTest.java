package dev.genguard.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FileRisk;
import dev.genguard.engine.governance.FindingState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    @TempDir
    Path dir;

    @Test
    void readReturnsTheAssessmentThatWasWritten() throws Exception {
        Assessment rich = ReportFixtures.rich();
        Path file = dir.resolve("genguard.json");
        JsonReport.write(rich, file);

        Assessment read = JsonReport.read(file);
        assertThat(read).isEqualTo(rich);
        // The parts a lenient reader would lose: absent records, empty strings, nested review and suppression.
        assertThat(read.findings().get(0).suppression()).isNull();
        assertThat(read.findings().get(2).ai()).isNull();
        assertThat(read.inventory().get(1).review()).isNull();
        assertThat(read.findings().get(3).suppression().reason()).isEqualTo("the value is masked by the layout");
        assertThat(read.findings().get(0).ai().review().ticket()).isEqualTo("SEC-12");

        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n  \"schemaVersion\" : 1,\n  \"module\" : \"shop-api\",\n  \"profile\" : \"DEFAULT\",")
                .contains("\"suppression\" : null")
                .endsWith("}\n")
                .doesNotContain("\r")
                // Derived values are not fields: the record's accessors alone make the document.
                .doesNotContain("\"aiShare\"", "\"aiGenerated\"", "\"hasReason\"");
    }

    @Test
    void emptyAssessmentRoundTrips() throws Exception {
        Path file = dir.resolve("empty.json");
        JsonReport.write(ReportFixtures.empty(), file);
        assertThat(JsonReport.read(file)).isEqualTo(ReportFixtures.empty());
    }

    @Test
    void equalAssessmentsGiveByteIdenticalFilesAndNoTemporaryFileIsLeft() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        JsonReport.write(ReportFixtures.rich(), a);
        JsonReport.write(ReportFixtures.rich(), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        // Writing again replaces the file in place.
        JsonReport.write(ReportFixtures.empty(), b);
        assertThat(JsonReport.read(b)).isEqualTo(ReportFixtures.empty());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.json", "b.json");
        }
    }

    @Test
    void readRejectsAnotherSchemaVersionAndUnknownFields() throws Exception {
        Path file = dir.resolve("genguard.json");
        JsonReport.write(ReportFixtures.rich(), file);
        String json = Files.readString(file, StandardCharsets.UTF_8);

        Files.writeString(file, json.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));
        assertThatThrownBy(() -> JsonReport.read(file)).isInstanceOf(IOException.class).hasMessageContaining("schemaVersion 2");

        Files.writeString(file, json.replace("\"schemaVersion\" : 1,", ""));
        assertThatThrownBy(() -> JsonReport.read(file)).isInstanceOf(IOException.class).hasMessageContaining("(missing)");

        Files.writeString(file, json.replace("\"risk\" : 42,", "\"risk\" : 42, \"riskTrend\" : 3,"));
        assertThatThrownBy(() -> JsonReport.read(file)).isInstanceOf(IOException.class).hasMessageContaining("riskTrend");

        Files.writeString(file, json.replace("\"risk\" : 42,", ""));
        assertThatThrownBy(() -> JsonReport.read(file)).isInstanceOf(IOException.class).hasMessageContaining("risk");

        Files.writeString(file, "[]");
        assertThatThrownBy(() -> JsonReport.read(file)).isInstanceOf(IOException.class);
    }

    @Test
    void aggregatePrefixesEveryPathWithTheModuleDirectory() throws Exception {
        Assessment root = ReportFixtures.rich();
        Assessment sub = new Assessment("billing", Profile.STRICT,
                List.of(new AssessedFinding(new Finding("HardcodedCredential", EngineKind.PMD, Severity.BLOCKER, "798",
                        "src/main/java/b/Pay.java", 5, 5, "key"), "fp-pay", "b.Pay#key()", FindingState.NEW, null,
                        new AiRegion("src/main/java/b/Pay.java", "b.Pay#key()", 4, 6, null, null, null, null, null))),
                List.of(new AiRegion("src/main/java/b/Pay.java", "b.Pay#key()", 4, 6, null, null, null, null, null)),
                List.of(new FileRisk("src/main/java/b/Pay.java", 80, 20, 30, 3, List.of("secrets"), 1)),
                77, 30, 2,
                List.of("shallow clone: commits before HEAD~50 are not read", "no CODEOWNERS"),
                List.of(new ScanError(EngineKind.SPOTBUGS, "target/classes/b/Broken.class", "bad class file"),
                        new ScanError(EngineKind.SPOTBUGS, "", "detector crashed")));

        // The sub-module comes first and with a Windows separator and trailing slash: order and form do not matter.
        Assessment all = JsonReport.aggregate("reactor", List.of(Map.entry("modules\\billing/", sub), Map.entry("", root)));

        assertThat(all.module()).isEqualTo("reactor");
        assertThat(all.profile()).isEqualTo(Profile.STRICT);
        assertThat(all.findings()).extracting(f -> f.finding().file() + ":" + f.finding().line()).containsExactly(
                "modules/billing/src/main/java/b/Pay.java:5",
                ReportFixtures.A + ":2", ReportFixtures.A + ":3", ReportFixtures.B + ":7", ReportFixtures.B + ":12");
        assertThat(all.findings().get(0).ai().file()).isEqualTo("modules/billing/src/main/java/b/Pay.java");
        assertThat(all.findings().get(0).fingerprint()).as("baselines are per module").isEqualTo("fp-pay");
        assertThat(all.findings().get(4).suppression()).isEqualTo(root.findings().get(3).suppression());
        assertThat(all.inventory()).extracting(AiRegion::file).containsExactly(
                "modules/billing/src/main/java/b/Pay.java", ReportFixtures.A, ReportFixtures.B);
        assertThat(all.files()).extracting(FileRisk::file).containsExactly(
                "modules/billing/src/main/java/b/Pay.java", ReportFixtures.A, ReportFixtures.B);
        assertThat(all.errors()).extracting(ScanError::file).containsExactly(
                "", "modules/billing/target/classes/b/Broken.class", ReportFixtures.BROKEN);
        assertThat(all.notes()).containsExactly("shallow clone: commits before HEAD~50 are not read", "no CODEOWNERS");
        assertThat(all.risk()).isEqualTo(77);
        assertThat(all.totalLines()).isEqualTo(78);
        assertThat(all.fixedBaseline()).isEqualTo(5);
        assertThat(all.aiLines()).isEqualTo(16);

        // The aggregate is itself a report the plugin can write and read back.
        Path file = dir.resolve("aggregate.json");
        JsonReport.write(all, file);
        assertThat(JsonReport.read(file)).isEqualTo(all);
    }

    @Test
    void aggregateOfNothingIsEmpty() {
        Assessment none = JsonReport.aggregate("reactor", List.of());
        assertThat(none.findings()).isEmpty();
        assertThat(none.profile()).isEqualTo(Profile.DEFAULT);
        assertThat(none.risk()).isZero();
    }
}
