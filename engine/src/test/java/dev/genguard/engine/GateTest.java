package dev.genguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {

    private static Finding f(Severity s) {
        return new Finding("R", EngineKind.PMD, s, "1", "A.java", 1, 1, "m");
    }

    @Test
    void failsAtOrAboveThreshold() {
        Gate.Decision d = Gate.evaluate(List.of(f(Severity.CRITICAL), f(Severity.MAJOR), f(Severity.BLOCKER)), Severity.CRITICAL);
        assertThat(d.failed()).isTrue();
        assertThat(d.blocking()).isEqualTo(2);
        assertThat(d.summary()).isEqualTo("GenGuard: 2 finding(s) at or above CRITICAL (1 BLOCKER, 1 CRITICAL, 1 MAJOR)");
    }

    @Test
    void passesBelowThreshold() {
        Gate.Decision d = Gate.evaluate(List.of(f(Severity.MAJOR)), Severity.CRITICAL);
        assertThat(d.failed()).isFalse();
        assertThat(d.summary()).isEqualTo("GenGuard: 1 finding(s) (1 MAJOR), none at or above CRITICAL");
        assertThat(Gate.evaluate(List.of(), Severity.MINOR).failed()).isFalse();
    }

    @Test
    void severityParsingIsLenientOnCaseAndClearOnTypos() {
        assertThat(Severity.parse(" critical ")).isEqualTo(Severity.CRITICAL);
        assertThatThrownBy(() -> Severity.parse("HIGH")).hasMessageContaining("BLOCKER, CRITICAL, MAJOR, MINOR");
    }

    @Test
    void scannerKeepsTheMostSevereFindingPerCweAndLine() {
        Finding a = new Finding("A", EngineKind.PMD, Severity.MAJOR, "327", "X.java", 5, 5, "a");
        Finding b = new Finding("B", EngineKind.SPOTBUGS, Severity.CRITICAL, "327", "X.java", 5, 5, "b");
        Finding c = new Finding("C", EngineKind.SPOTBUGS, Severity.MINOR, "330", "X.java", 5, 5, "c");
        assertThat(Scanner.deduplicate(List.of(a, b, c))).containsExactly(b, c);
    }
}
