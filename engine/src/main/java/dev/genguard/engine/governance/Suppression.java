package dev.genguard.engine.governance;

/**
 * A suppression written in the code: {@code @SuppressWarnings("genguard:RuleId")} on a type or member, or a
 * {@code // genguard:ignore RuleId -- reason} comment on the flagged line.
 *
 * @param ruleId the suppressed rule
 * @param reason why, as written after {@code --} (empty: the suppression itself becomes a finding)
 * @param kind   "annotation" or "comment"
 * @param line   the line of the annotation or comment
 */
public record Suppression(String ruleId, String reason, String kind, int line) {

    public Suppression {
        reason = reason == null ? "" : reason.strip();
    }

    public boolean hasReason() {
        return !reason.isEmpty();
    }
}
