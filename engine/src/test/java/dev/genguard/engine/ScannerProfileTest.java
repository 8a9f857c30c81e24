package dev.genguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleInfo;
import org.junit.jupiter.api.Test;

/** How a profile turns an engine's raw finding into a finding: severity, confidence, and the taint sources. */
class ScannerProfileTest {

    private final RuleInfo sql = Catalog.load().rule("GENGUARD_SQL_INJECTION").orElseThrow();
    private final RuleInfo hash = Catalog.load().rule("GENGUARD_WEAK_HASH").orElseThrow();

    @Test
    void requestDataFlowsCountInEveryProfile() {
        RawFinding request = new RawFinding("GENGUARD_SQL_INJECTION", "A.java", 3, 3, "m", 2);
        assertThat(Scanner.finding(sql, request, Profile.DEFAULT)).get().extracting(Finding::severity)
                .isEqualTo(Severity.CRITICAL);
        assertThat(Scanner.finding(sql, request, Profile.STRICT)).get().extracting(Finding::severity)
                .isEqualTo(Severity.BLOCKER);
    }

    @Test
    void environmentOnlyFlowsCountInTheStrictProfileOnly() {
        RawFinding environment = new RawFinding("GENGUARD_SQL_INJECTION", "A.java", 3, 3, "m", 3);
        assertThat(Scanner.finding(sql, environment, Profile.DEFAULT)).isEmpty();
        assertThat(Scanner.finding(sql, environment, Profile.STRICT)).get().extracting(Finding::severity)
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void otherRulesKeepLowConfidenceFindingsOneLevelLower() {
        RawFinding low = new RawFinding("GENGUARD_WEAK_HASH", "A.java", 3, 3, "m", 3);
        assertThat(Scanner.finding(hash, low, Profile.DEFAULT)).get().extracting(Finding::severity)
                .isEqualTo(Severity.MINOR);
    }

    @Test
    void aiTaggedCodeUsesTheAiProfilesRulesRaisedFromTheModulesSeverity() {
        RawFinding request = new RawFinding("GENGUARD_SQL_INJECTION", "A.java", 3, 3, "m", 2);
        assertThat(Scanner.aiFinding(sql, request, Profile.DEFAULT, AiPolicy.DEFAULT)).get()
                .extracting(Finding::severity).isEqualTo(Severity.BLOCKER);
        // The environment-only flow the default profile drops counts in AI code: one level lower, then raised.
        RawFinding environment = new RawFinding("GENGUARD_SQL_INJECTION", "A.java", 3, 3, "m", 3);
        assertThat(Scanner.aiFinding(sql, environment, Profile.DEFAULT, AiPolicy.DEFAULT)).get()
                .extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
        // A rule outside the module's profile starts from the all profile: MINOR, raised twice.
        RuleInfo log = Catalog.load().rule("GENGUARD_LOG_INJECTION").orElseThrow();
        RawFinding logged = new RawFinding("GENGUARD_LOG_INJECTION", "A.java", 3, 3, "m", 2);
        assertThat(Scanner.aiFinding(log, logged, Profile.DEFAULT, new AiPolicy(Profile.STRICT, 2, AiCode.NONE))).get()
                .extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
        // Neither profile has the rule: left out. A weaker AI profile never drops a rule of the module's profile.
        assertThat(Scanner.aiFinding(log, logged, Profile.DEFAULT, new AiPolicy(Profile.DEFAULT, 1, AiCode.NONE))).isEmpty();
        assertThat(Scanner.aiFinding(log, logged, Profile.STRICT, new AiPolicy(Profile.DEFAULT, 1, AiCode.NONE))).get()
                .extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
        assertThat(Scanner.aiFinding(sql, request, Profile.DEFAULT, new AiPolicy(Profile.STRICT, 0, AiCode.NONE))).get()
                .extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
    }
}
