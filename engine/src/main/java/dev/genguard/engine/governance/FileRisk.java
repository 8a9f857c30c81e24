package dev.genguard.engine.governance;

import java.util.List;

/**
 * The risk of one file (see {@code RiskScore} for the formula).
 *
 * @param file           the file
 * @param score          0 to 100
 * @param findingPoints  severity-weighted open findings
 * @param lines          lines of the file
 * @param aiLines        AI-tagged lines
 * @param sensitiveAreas the sensitive areas AI-tagged code in the file touches, sorted
 * @param unreviewed     how many of those areas lack a review
 */
public record FileRisk(String file, int score, int findingPoints, int lines, int aiLines, List<String> sensitiveAreas,
                       int unreviewed) {

    public FileRisk {
        sensitiveAreas = List.copyOf(sensitiveAreas);
    }

    public double aiShare() {
        return lines == 0 ? 0 : Math.min(1.0, (double) aiLines / lines);
    }
}
