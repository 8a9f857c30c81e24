package dev.genguard.engine.governance;

import dev.genguard.engine.Severity;
import java.util.List;
import java.util.Map;

/**
 * The risk score, 0 to 100, of a file and of a module. The formula is part of GenGuard's contract (README, "Risk
 * score") and does not change between releases without a new major version:
 * <pre>
 *   points(file) = sum of severity weights of its open findings (new or baseline; suppressed ones excluded)
 *                  BLOCKER 10, CRITICAL 5, MAJOR 2, MINOR 1
 *   raw(file)    = points × (1 + aiShare) + 10 × unreviewed sensitive areas + 2 × reviewed sensitive areas
 *   file score   = min(100, round(raw))
 *   module score = min(100, max(highest file score, round(sum of raw × 1000 / max(1000, lines))))
 * </pre>
 * {@code aiShare} is the file's AI-tagged lines over its lines; a sensitive area (crypto, auth, ...) counts once
 * per file when AI-tagged code there calls one of its APIs, as unreviewed when some such region lacks a review.
 * A module is never less risky than its riskiest file, and more when risk is spread over it.
 */
public final class RiskScore {

    private static final Map<Severity, Integer> WEIGHTS = Map.of(
            Severity.BLOCKER, 10, Severity.CRITICAL, 5, Severity.MAJOR, 2, Severity.MINOR, 1);
    static final int UNREVIEWED_AREA = 10;
    static final int REVIEWED_AREA = 2;

    private RiskScore() {
    }

    public static int weight(Severity severity) {
        return WEIGHTS.get(severity);
    }

    /** The unrounded score of a file. */
    public static double raw(int points, double aiShare, int unreviewedAreas, int reviewedAreas) {
        return points * (1 + aiShare) + UNREVIEWED_AREA * unreviewedAreas + REVIEWED_AREA * reviewedAreas;
    }

    public static int fileScore(double raw) {
        return (int) Math.min(100, Math.round(raw));
    }

    /** The module score from its files' raw scores and its analysed lines. */
    public static int moduleScore(List<Double> raws, int lines) {
        int highest = raws.stream().mapToInt(RiskScore::fileScore).max().orElse(0);
        double sum = raws.stream().mapToDouble(Double::doubleValue).sum();
        long density = Math.round(sum * 1000 / Math.max(1000, lines));
        return (int) Math.min(100, Math.max(highest, density));
    }
}
