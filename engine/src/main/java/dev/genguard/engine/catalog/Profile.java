package dev.genguard.engine.catalog;

import java.util.Locale;

/** The curated rule profiles shipped by genguard-rulesets. */
public enum Profile {
    /** Quiet on mature code: the profile for every build. */
    DEFAULT,
    /** Every rule at raised severity: for AI-tagged code and teams that want all shape checks. */
    STRICT,
    /** Every rule at its catalog severity. */
    ALL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The classpath resource of this profile's PMD ruleset. */
    public String pmdRuleset() {
        return "genguard/pmd/" + id() + ".xml";
    }

    /** The classpath resource of this profile's SpotBugs include filter. */
    public String spotbugsIncludeFilter() {
        return "genguard/spotbugs/include-" + id() + ".xml";
    }

    public static Profile parse(String value) {
        for (Profile p : values()) {
            if (p.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown profile '" + value + "': use one of default, strict, all");
    }
}
