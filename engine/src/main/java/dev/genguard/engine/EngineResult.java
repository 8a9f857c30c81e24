package dev.genguard.engine;

import java.util.List;

/**
 * What one engine run produced: findings, the problems that kept parts of the input from being analysed, and notes
 * on what the analysis could not see without failing (classes missing from the class path).
 */
public record EngineResult(List<RawFinding> findings, List<ScanError> errors, List<String> notes) {

    public EngineResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
    }

    public EngineResult(List<RawFinding> findings, List<ScanError> errors) {
        this(findings, errors, List.of());
    }
}
