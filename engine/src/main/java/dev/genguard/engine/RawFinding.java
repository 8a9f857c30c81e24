package dev.genguard.engine;

/**
 * A finding as an engine reports it, before the catalog gives it a severity and CWE.
 *
 * @param ruleId     PMD rule name or SpotBugs bug type
 * @param file       relative to the scan's base directory, '/'-separated
 * @param line       1-based first line
 * @param endLine    1-based last line
 * @param message    the engine's message
 * @param confidence SpotBugs priority (1 high, 2 normal, 3 low); 1 for PMD, whose rules decide by themselves
 */
public record RawFinding(String ruleId, String file, int line, int endLine, String message, int confidence) {
}
