package dev.genguard.engine.report;

import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.FileRisk;
import java.util.Comparator;

/**
 * Total orders for the model's lists. Reports sort with them so that their output does not depend on the order
 * the engines happened to produce: ties under {@link Finding#ORDER} (same file, line, severity, rule and message)
 * are broken on every remaining field.
 */
final class ReportOrder {

    static final Comparator<AssessedFinding> FINDINGS = Comparator.comparing(AssessedFinding::finding)
            .thenComparing(f -> f.finding().engine())
            .thenComparingInt(f -> f.finding().endLine())
            .thenComparing(f -> f.finding().cwe())
            .thenComparing(AssessedFinding::fingerprint)
            .thenComparing(AssessedFinding::member)
            .thenComparing(AssessedFinding::state);

    static final Comparator<AiRegion> REGIONS = Comparator.comparing(AiRegion::file)
            .thenComparingInt(AiRegion::beginLine)
            .thenComparingInt(AiRegion::endLine)
            .thenComparing(AiRegion::member)
            .thenComparing(AiRegion::source, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AiRegion::commit);

    static final Comparator<FileRisk> FILES = Comparator.comparing(FileRisk::file)
            .thenComparingInt(FileRisk::score);

    /** ScanError does not normalise null to empty as the governance records do. */
    static final Comparator<ScanError> ERRORS = Comparator.comparing((ScanError e) -> orEmpty(e.file()))
            .thenComparing(ScanError::engine)
            .thenComparing(e -> orEmpty(e.message()));

    private ReportOrder() {
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
