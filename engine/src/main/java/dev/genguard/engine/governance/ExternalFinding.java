package dev.genguard.engine.governance;

import dev.genguard.engine.Finding;
import java.util.List;
import java.util.Objects;

/**
 * A finding of a check outside the Java sources (the dependency guard, in a pom), with what the source index gives
 * a Java finding: the member it is about (a dependency's {@code groupId:artifactId}), the code its fingerprint
 * hashes, and the suppressions written around it.
 */
public record ExternalFinding(Finding finding, String member, String code, List<Suppression> suppressions) {

    public ExternalFinding {
        Objects.requireNonNull(finding, "finding");
        member = member == null ? "" : member;
        code = code == null ? "" : code;
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
    }
}
