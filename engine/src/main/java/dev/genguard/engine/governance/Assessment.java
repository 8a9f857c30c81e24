package dev.genguard.engine.governance;

import dev.genguard.engine.ScanError;
import dev.genguard.engine.catalog.Profile;
import java.util.List;

/**
 * Everything the reports show for one module (or the aggregate of a reactor).
 *
 * @param module         the module's name (artifactId), or the aggregate's
 * @param profile        the profile of code that is not AI-tagged
 * @param findings       all findings, sorted, including baseline and suppressed ones
 * @param inventory      the AI-tagged regions, sorted by file and line
 * @param files          risk per file with findings or AI code, sorted by file
 * @param risk           the module's risk score, 0 to 100
 * @param totalLines     lines of the analysed sources
 * @param fixedBaseline  baseline entries no longer found
 * @param notes          what could not be read (once each), e.g. a shallow clone
 * @param errors         files an engine could not analyse
 */
public record Assessment(String module, Profile profile, List<AssessedFinding> findings, List<AiRegion> inventory,
                         List<FileRisk> files, int risk, int totalLines, int fixedBaseline, List<String> notes,
                         List<ScanError> errors) {

    public Assessment {
        findings = List.copyOf(findings);
        inventory = List.copyOf(inventory);
        files = List.copyOf(files);
        notes = List.copyOf(notes);
        errors = List.copyOf(errors);
    }

    public int aiLines() {
        return files.stream().mapToInt(FileRisk::aiLines).sum();
    }

    /** The share of analysed lines that are AI-tagged, 0 to 1. */
    public double aiShare() {
        return totalLines == 0 ? 0 : Math.min(1.0, (double) aiLines() / totalLines);
    }
}
