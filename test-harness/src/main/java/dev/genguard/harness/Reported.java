package dev.genguard.harness;

import java.util.Comparator;

/**
 * One finding of an engine, reduced to what an inline expectation states: the fixture file (relative to
 * the fixture source root, '/'-separated), the 1-based line and the tool's own rule id.
 */
public record Reported(String file, int line, String ruleId) implements Comparable<Reported> {

    private static final Comparator<Reported> ORDER = Comparator.comparing(Reported::file)
            .thenComparingInt(Reported::line)
            .thenComparing(Reported::ruleId);

    public Reported {
        file = file.replace('\\', '/');
    }

    @Override
    public int compareTo(Reported other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + ruleId;
    }
}
