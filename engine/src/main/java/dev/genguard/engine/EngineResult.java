package dev.genguard.engine;

import java.util.List;

/** What one engine run produced: findings, and the problems that kept parts of the input from being analysed. */
public record EngineResult(List<RawFinding> findings, List<ScanError> errors) {

    public EngineResult {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }
}
