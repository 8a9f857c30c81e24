package dev.genguard.engine.governance;

import dev.genguard.engine.Finding;
import java.util.Objects;

/**
 * A finding with what governance knows about it.
 *
 * @param finding     the finding, with the severity its policy gives it
 * @param fingerprint the line-independent fingerprint (see {@code Fingerprints})
 * @param member      the enclosing type or member, or empty
 * @param state       new, in the baseline, or suppressed
 * @param suppression the suppression when suppressed, else null
 * @param ai          the AI region the finding lies in, else null
 */
public record AssessedFinding(Finding finding, String fingerprint, String member, FindingState state,
                              Suppression suppression, AiRegion ai) {

    public AssessedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(state, "state");
        fingerprint = fingerprint == null ? "" : fingerprint;
        member = member == null ? "" : member;
    }

    public boolean aiGenerated() {
        return ai != null;
    }
}
