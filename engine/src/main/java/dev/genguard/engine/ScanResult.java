package dev.genguard.engine;

import java.util.List;

/** The merged, deduplicated, sorted findings of all engines and the problems met on the way. */
public record ScanResult(List<Finding> findings, List<ScanError> errors) {

    public ScanResult {
        findings = findings.stream().sorted().toList();
        errors = List.copyOf(errors);
    }
}
