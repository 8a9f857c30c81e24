package dev.genguard.engine.report;

import dev.genguard.engine.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings as build-log lines, grouped by file: a header per file, then one greppable line per finding,
 * {@code path:line RuleId [SEVERITY] CWE-n message} (as maven-pmd-plugin prints violations).
 */
public final class ConsoleReport {

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
}
