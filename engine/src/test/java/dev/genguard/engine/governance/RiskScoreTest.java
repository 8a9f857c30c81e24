package dev.genguard.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented formula (README, "Risk score"), value by value: a change here is a breaking change. */
class RiskScoreTest {

    @Test
    void fileScoreWeighsFindingsByAiShareAndAddsSensitiveAreas() {
        assertThat(RiskScore.weight(Severity.BLOCKER)).isEqualTo(10);
        assertThat(RiskScore.weight(Severity.CRITICAL)).isEqualTo(5);
        assertThat(RiskScore.weight(Severity.MAJOR)).isEqualTo(2);
        assertThat(RiskScore.weight(Severity.MINOR)).isEqualTo(1);
        // one CRITICAL and one MAJOR in a file that is half AI, touching crypto unreviewed and sql reviewed
        double raw = RiskScore.raw(7, 0.5, 1, 1);
        assertThat(raw).isEqualTo(7 * 1.5 + 10 + 2);
        assertThat(RiskScore.fileScore(raw)).isEqualTo(23);
        assertThat(RiskScore.fileScore(RiskScore.raw(30, 1.0, 5, 0))).isEqualTo(100);
    }

    @Test
    void moduleScoreIsNeverBelowItsRiskiestFileAndGrowsWithSpreadRisk() {
        assertThat(RiskScore.moduleScore(List.of(), 0)).isZero();
        // 40,000 lines dilute the density to 1, but the riskiest file still scores 22.5 -> 23
        assertThat(RiskScore.moduleScore(List.of(22.5, 10.0, 2.0), 40_000)).isEqualTo(23);
        // small modules count as 1,000 lines: the sum, 34.5 -> 35
        assertThat(RiskScore.moduleScore(List.of(22.5, 10.0, 2.0), 300)).isEqualTo(35);
        assertThat(RiskScore.moduleScore(List.of(90.0, 90.0), 1000)).isEqualTo(100);
    }
}
