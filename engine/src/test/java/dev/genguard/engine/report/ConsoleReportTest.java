package dev.genguard.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.Severity;
import dev.genguard.engine.Gate;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AiTag;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FileRisk;
import dev.genguard.engine.governance.FindingState;
import dev.genguard.engine.governance.ProvenanceSource;
import dev.genguard.engine.governance.Suppression;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    @Test
    void groupsByFileWithOneGreppableLinePerFinding() {
        List<String> lines = ConsoleReport.lines(List.of(
                new Finding("B", EngineKind.PMD, Severity.MAJOR, "1", "z/Z.java", 2, 2, "fix z"),
                new Finding("A", EngineKind.PMD, Severity.BLOCKER, "798", "a/A.java", 9, 9, "fix a9"),
                new Finding("A", EngineKind.SPOTBUGS, Severity.CRITICAL, "327", "a/A.java", 3, 3, "fix a3")));
        assertThat(lines).containsExactly(
                "a/A.java",
                "  a/A.java:3 A [CRITICAL] CWE-327 fix a3",
                "  a/A.java:9 A [BLOCKER] CWE-798 fix a9",
                "z/Z.java",
                "  z/Z.java:2 B [MAJOR] CWE-1 fix z");
    }

    @Test
    void aSuppressedFindingWithoutItsSuppressionRecordIsPrintedAsTheOtherReportsShowIt() {
        // The model allows SUPPRESSED without the record (SARIF and HTML handle it, e.g. from a read JSON report).
        Assessment a = new Assessment("m", Profile.DEFAULT, List.of(new AssessedFinding(new Finding("A", EngineKind.PMD,
                Severity.MAJOR, "1", "a/A.java", 2, 2, "fix"), "fp", "", FindingState.SUPPRESSED, null, null)),
                List.of(), List.of(), 0, 10, 0, List.of(), List.of());
        assertThat(ConsoleReport.lines(a, ConsoleReport.Style.PLAIN)).containsExactly("a/A.java",
                "  a/A.java:2 A [MAJOR] CWE-1 fix (suppressed)");
    }

    @Test
    void textFromAnalysedCodeCannotInjectLinesOrTerminalEscapes() {
        String line = ConsoleReport.line(new Finding("A", EngineKind.PMD, Severity.MINOR, "", "a/A.java", 1, 1,
                "value \"x\nFAKE:1 [BLOCKER]\u001b[2J\""));
        assertThat(line).doesNotContain("\n").doesNotContain("\u001b").contains("\\u001b");
    }

    @Test
    void assessedFindingsShowTheirStateAndTheSummaryCountsNewBaselineSuppressedAiShareAndRisk() {
        AiRegion region = new AiRegion("a/A.java", "A#m()", 5, 9, ProvenanceSource.TRAILER, new AiTag("Copilot", "", "", ""),
                "c1", "@team", null);
        Finding sql = new Finding("SqlQueryConcatenation", EngineKind.PMD, Severity.BLOCKER, "89", "a/A.java", 7, 7, "bind it");
        Finding old = new Finding("HardcodedCredential", EngineKind.PMD, Severity.CRITICAL, "798", "a/A.java", 2, 2, "read it");
        Finding hidden = new Finding("HardcodedCredential", EngineKind.PMD, Severity.CRITICAL, "798", "b/B.java", 3, 3, "read it");
        Assessment a = new Assessment("shop", Profile.DEFAULT, List.of(
                new AssessedFinding(old, "f1", "A#KEY", FindingState.BASELINE, null, null),
                new AssessedFinding(sql, "f2", "A#m()", FindingState.NEW, null, region),
                new AssessedFinding(hidden, "f3", "B#KEY", FindingState.SUPPRESSED,
                        new Suppression("HardcodedCredential", "test key", "comment", 3), null)),
                List.of(region), List.of(new FileRisk("a/A.java", 40, 15, 20, 5, List.of("sql"), 1)), 40, 100, 2,
                List.of(), List.of());
        assertThat(ConsoleReport.lines(a, ConsoleReport.Style.PLAIN)).containsExactly(
                "a/A.java",
                "  a/A.java:2 HardcodedCredential [CRITICAL] CWE-798 read it (baseline)",
                "  a/A.java:7 SqlQueryConcatenation [BLOCKER] CWE-89 bind it (AI-generated, trailer, Copilot)",
                "b/B.java",
                "  b/B.java:3 HardcodedCredential [CRITICAL] CWE-798 read it (suppressed: test key)");
        Gate.Decision decision = Gate.evaluate(List.of(sql), Severity.CRITICAL);
        assertThat(ConsoleReport.summary(a, Severity.CRITICAL, decision)).isEqualTo("GenGuard shop: 1 new finding(s) at "
                + "or above CRITICAL | 1 BLOCKER, 1 CRITICAL | 1 new, 1 baseline, 1 suppressed | 2 baseline finding(s) "
                + "fixed | AI-tagged: 5% of 100 lines, 1 finding(s) in it | risk 40/100");
        // A style colours the severity and the file, nothing else.
        ConsoleReport.Style brackets = new ConsoleReport.Style() {
            @Override
            public String severity(Severity severity, String text) {
                return "<" + text + ">";
            }
        };
        assertThat(ConsoleReport.lines(a, brackets).get(2)).startsWith("  a/A.java:7 SqlQueryConcatenation <[BLOCKER]> CWE-89");
    }
}
