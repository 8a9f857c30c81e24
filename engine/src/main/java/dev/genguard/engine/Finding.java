package dev.genguard.engine;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding of any engine, after mapping: what every step after the engines works on.
 *
 * @param ruleId   the rule's stable id (PMD rule name or SpotBugs bug type)
 * @param engine   which engine reported it
 * @param severity the severity under the active profile
 * @param cwe      the CWE number, e.g. "798"
 * @param file     the file, relative to the project base directory, '/'-separated
 * @param line     1-based first line
 * @param endLine  1-based last line (at least {@code line})
 * @param message  what to do, as the rule says it
 */
public record Finding(String ruleId, EngineKind engine, Severity severity, String cwe, String file, int line,
                      int endLine, String message) implements Comparable<Finding> {

    /** Report order: file, line, then the most severe first, then rule id and message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        message = message == null ? "" : message.strip();
        cwe = cwe == null ? "" : cwe;
        file = file.replace('\\', '/');
        endLine = Math.max(line, endLine);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, engine, newSeverity, cwe, file, line, endLine, message);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
