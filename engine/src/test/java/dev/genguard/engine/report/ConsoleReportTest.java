package dev.genguard.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.Severity;
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
    void textFromAnalysedCodeCannotInjectLinesOrTerminalEscapes() {
        String line = ConsoleReport.line(new Finding("A", EngineKind.PMD, Severity.MINOR, "", "a/A.java", 1, 1,
                "value \"x\nFAKE:1 [BLOCKER]\u001b[2J\""));
        assertThat(line).doesNotContain("\n").doesNotContain("\u001b").contains("\\u001b");
    }
}
