package dev.genguard.engine;

import java.util.List;

/**
 * The merged, deduplicated, sorted findings of all engines, the problems met on the way, and notes on what the
 * engines could not see (see {@link EngineResult#notes()}).
 */
public record ScanResult(List<Finding> findings, List<ScanError> errors, List<String> notes) {

    public ScanResult {
        findings = findings.stream().sorted().toList();
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
    }

    public ScanResult(List<Finding> findings, List<ScanError> errors) {
        this(findings, errors, List.of());
    }
}
