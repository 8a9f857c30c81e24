package dev.genguard.engine.report;

import dev.genguard.engine.Finding;
import dev.genguard.engine.Gate;
import dev.genguard.engine.Severity;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FindingState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The findings as build-log lines, grouped by file: a header per file, then one greppable line per finding,
 * {@code path:line RuleId [SEVERITY] CWE-n message} (as maven-pmd-plugin prints violations), then its governance
 * state; and one summary line for the end of the build.
 */
public final class ConsoleReport {

    /** How to colour parts of a line; the Maven plugin colours when the terminal supports it. */
    public interface Style {
        /** No colours: for logs, files and tests. */
        Style PLAIN = new Style() {
        };

        default String severity(Severity severity, String text) {
            return text;
        }

        default String file(String text) {
            return text;
        }

        default String quiet(String text) {
            return text;
        }
    }

    private ConsoleReport() {
    }

    public static List<String> lines(List<Finding> findings) {
        List<String> lines = new ArrayList<>();
        String currentFile = null;
        for (Finding f : findings.stream().sorted().toList()) {
            if (!f.file().equals(currentFile)) {
                currentFile = f.file();
                lines.add(Text.oneLine(currentFile));
            }
            lines.add("  " + line(f));
        }
        return lines;
    }

    /** One finding on one line. */
    public static String line(Finding f) {
        String cwe = f.cwe().isEmpty() ? "" : " CWE-" + f.cwe();
        return Text.oneLine(f.file() + ":" + f.line() + " " + f.ruleId() + " [" + f.severity() + "]" + cwe + " " + f.message());
    }

    /** The assessed findings, grouped by file, with their state: AI provenance, baseline, suppression. */
    public static List<String> lines(Assessment assessment, Style style) {
        List<String> lines = new ArrayList<>();
        String currentFile = null;
        for (AssessedFinding a : assessment.findings()) {
            Finding f = a.finding();
            if (!f.file().equals(currentFile)) {
                currentFile = f.file();
                lines.add(style.file(Text.oneLine(currentFile)));
            }
            String text = line(f);
            String head = Text.oneLine(f.file() + ":" + f.line() + " " + f.ruleId() + " ");
            String severity = "[" + f.severity() + "]";
            String rest = text.substring(Math.min(text.length(), head.length() + severity.length()));
            String suffix = state(a);
            lines.add("  " + head + style.severity(f.severity(), severity) + rest
                    + (suffix.isEmpty() ? "" : " " + style.quiet(suffix)));
        }
        return lines;
    }

    private static String state(AssessedFinding a) {
        List<String> parts = new ArrayList<>();
        if (a.ai() != null) {
            parts.add("AI-generated, " + a.ai().source().id() + (a.ai().tag().tool().isEmpty() ? "" : ", " + a.ai().tag().tool()));
        }
        if (a.state() == FindingState.BASELINE) {
            parts.add("baseline");
        } else if (a.state() == FindingState.SUPPRESSED) {
            parts.add(a.suppression() == null || !a.suppression().hasReason() ? "suppressed"
                    : "suppressed: " + a.suppression().reason());
        }
        return parts.isEmpty() ? "" : Text.oneLine("(" + String.join("; ", parts) + ")");
    }

    /**
     * The summary line: the gate's verdict on new findings, counts per severity, new vs baseline vs suppressed,
     * fixed baseline entries, the AI-tagged share and the risk score.
     */
    public static String summary(Assessment a, Severity threshold, Gate.Decision decision) {
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        Map<FindingState, Long> byState = new EnumMap<>(FindingState.class);
        for (AssessedFinding f : a.findings()) {
            if (f.state() != FindingState.SUPPRESSED) {
                bySeverity.merge(f.finding().severity(), 1L, Long::sum);
            }
            byState.merge(f.state(), 1L, Long::sum);
        }
        StringBuilder s = new StringBuilder("GenGuard ").append(Text.oneLine(a.module())).append(": ");
        if (a.findings().isEmpty()) {
            s.append("no findings");
        } else {
            s.append(decision.failed() ? decision.blocking() + " new finding(s) at or above " + threshold
                    : "none new at or above " + threshold);
            s.append(" | ").append(bySeverity.isEmpty() ? "0 open" : bySeverity.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
            s.append(" | ").append(byState.getOrDefault(FindingState.NEW, 0L)).append(" new, ")
                    .append(byState.getOrDefault(FindingState.BASELINE, 0L)).append(" baseline, ")
                    .append(byState.getOrDefault(FindingState.SUPPRESSED, 0L)).append(" suppressed");
        }
        if (a.fixedBaseline() > 0) {
            s.append(" | ").append(a.fixedBaseline()).append(" baseline finding(s) fixed");
        }
        long aiFindings = a.findings().stream().filter(AssessedFinding::aiGenerated).count();
        s.append(" | AI-tagged: ").append(percent(a.aiShare())).append(" of ").append(a.totalLines()).append(" lines");
        if (aiFindings > 0) {
            s.append(", ").append(aiFindings).append(" finding(s) in it");
        }
        s.append(" | risk ").append(a.risk()).append("/100");
        return s.toString();
    }

    /** The AI inventory as a table: one row per region. */
    public static List<String> inventory(Assessment a) {
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%-50s %-10s %-10s %-18s %-20s %-10s %s", "file:lines / member", "source",
                "tool", "owner", "review", "findings", "risk"));
        Map<AiRegion, Long> counts = new HashMap<>();
        a.findings().stream().filter(f -> f.ai() != null).forEach(f -> counts.merge(f.ai(), 1L, Long::sum));
        Map<String, Integer> risks = new HashMap<>();
        a.files().forEach(f -> risks.putIfAbsent(f.file(), f.score()));
        for (AiRegion r : a.inventory()) {
            long findings = counts.getOrDefault(r, 0L);
            int risk = risks.getOrDefault(r.file(), 0);
            String where = r.file() + ":" + r.beginLine() + "-" + r.endLine();
            String review = r.review() == null ? "UNREVIEWED"
                    : "by " + r.review().by() + (r.review().ticket().isEmpty() ? "" : " " + r.review().ticket());
            rows.add(Text.oneLine(String.format(Locale.ROOT, "%-50s %-10s %-10s %-18s %-20s %-10d %d", where,
                    r.source().id(), dash(r.tag().tool()), dash(r.owner()), review, findings, risk)));
            if (!r.member().isEmpty()) {
                rows.add(Text.oneLine("    " + r.member() + (r.tag().promptLog().isEmpty() ? "" : "  prompt log: " + r.tag().promptLog())));
            }
        }
        return rows;
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
