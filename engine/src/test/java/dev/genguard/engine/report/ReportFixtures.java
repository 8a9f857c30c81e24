package dev.genguard.engine.report;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AiTag;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FileRisk;
import dev.genguard.engine.governance.FindingState;
import dev.genguard.engine.governance.ProvenanceSource;
import dev.genguard.engine.governance.Review;
import dev.genguard.engine.governance.Suppression;
import java.util.List;

/** Assessments for the report tests, built from scratch each time so that "equal" never means "same object". */
final class ReportFixtures {

    static final String A = "src/main/java/a/A.java";
    static final String B = "src/main/java/a/B.java";
    static final String BROKEN = "src/main/java/c/Broken.java";

    private ReportFixtures() {
    }

    /** An annotated, reviewed region in A. */
    static AiRegion reviewedRegion() {
        return new AiRegion(A, "a.A#connect()", 2, 10, ProvenanceSource.ANNOTATION,
                new AiTag("Copilot", "gpt-4o", "connect to the db", "https://prompts.example/1"), "", "@team-sec",
                new Review("alice", "2024-05-01", "SEC-12", "annotation", 1));
    }

    /** Lines of B from an AI commit, unreviewed. */
    static AiRegion trailerRegion() {
        return new AiRegion(B, "a.B#log(String)", 11, 14, ProvenanceSource.TRAILER, new AiTag("Claude", "", "", ""),
                "abc123", "bob", null);
    }

    /**
     * Every state, AI and not, a suppression, a governance rule the catalog does not know, an engine error and a
     * note; 13 AI lines of 48.
     */
    static Assessment rich() {
        AiRegion reviewed = reviewedRegion();
        AiRegion trailer = trailerRegion();
        List<AssessedFinding> findings = List.of(
                new AssessedFinding(new Finding("RetiredGovernanceCheck", EngineKind.GOVERNANCE, Severity.MAJOR, "",
                        A, 2, 10, "AI-written code touches authentication without a review"), "fp-gov", "a.A#connect()",
                        FindingState.NEW, null, reviewed),
                new AssessedFinding(new Finding("HardcodedCredential", EngineKind.PMD, Severity.CRITICAL, "798", A, 3, 3,
                        "Read the password from configuration"), "fp-a3", "a.A#connect()", FindingState.NEW, null, reviewed),
                new AssessedFinding(new Finding("GENGUARD_WEAK_CIPHER", EngineKind.SPOTBUGS, Severity.CRITICAL, "327", B,
                        7, 7, "Use AES/GCM/NoPadding, not \"DES\""), "fp-b7", "a.B#encrypt(byte[])", FindingState.BASELINE,
                        null, null),
                new AssessedFinding(new Finding("SensitiveDataLogged", EngineKind.PMD, Severity.MAJOR, "532", B, 12, 12,
                        "Do not log password"), "fp-b12", "a.B#log(String)", FindingState.SUPPRESSED,
                        new Suppression("SensitiveDataLogged", "the value is masked by the layout", "comment", 12), trailer));
        List<FileRisk> files = List.of(
                new FileRisk(A, 60, 13, 20, 9, List.of("auth", "sql"), 0),
                new FileRisk(B, 25, 8, 28, 4, List.of("logging"), 1));
        return new Assessment("shop-api", Profile.DEFAULT, findings, List.of(reviewed, trailer), files, 42, 48, 3,
                List.of("shallow clone: commits before HEAD~50 are not read"),
                List.of(new ScanError(EngineKind.PMD, BROKEN, "parse error at 3:1")));
    }

    static Assessment empty() {
        return new Assessment("empty", Profile.DEFAULT, List.of(), List.of(), List.of(), 0, 0, 0, List.of(), List.of());
    }
}
