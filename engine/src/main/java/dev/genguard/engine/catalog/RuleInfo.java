package dev.genguard.engine.catalog;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One row of the rule catalog. */
public record RuleInfo(String id, EngineKind engine, String category, String cwe,
                       Map<Profile, Severity> severities, List<String> tags, String title) {

    public RuleInfo {
        severities = severities.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(severities));
        tags = List.copyOf(tags);
    }

    /** The severity of this rule in {@code profile}, or empty when the profile leaves the rule out. */
    public Optional<Severity> severityIn(Profile profile) {
        return Optional.ofNullable(severities.get(profile));
    }

    public boolean isIn(Profile profile) {
        return severities.containsKey(profile);
    }
}
