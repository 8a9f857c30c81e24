package dev.genguard.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The build policy: fail when a finding is at or above a severity threshold. */
public final class Gate {

    /**
     * @param failed   whether the build should fail
     * @param blocking how many findings are at or above the threshold
     * @param counts   findings per severity (all severities, zeros included)
     * @param summary  one line for the build log
     */
    public record Decision(boolean failed, long blocking, Map<Severity, Long> counts, String summary) {
    }

    private Gate() {
    }

    public static Decision evaluate(List<Finding> findings, Severity threshold) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        long blocking = findings.stream().filter(f -> f.severity().atLeast(threshold)).count();
        String perSeverity = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        String summary;
        if (findings.isEmpty()) {
            summary = "GenGuard: no findings";
        } else if (blocking == 0) {
            summary = "GenGuard: " + findings.size() + " finding(s) (" + perSeverity + "), none at or above " + threshold;
        } else {
            summary = "GenGuard: " + blocking + " finding(s) at or above " + threshold + " (" + perSeverity + ")";
        }
        return new Decision(blocking > 0, blocking, counts, summary);
    }
}
