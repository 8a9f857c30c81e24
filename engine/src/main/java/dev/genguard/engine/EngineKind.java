package dev.genguard.engine;

import java.util.Locale;

/** The analysers GenGuard drives. */
public enum EngineKind {
    PMD,
    SPOTBUGS,
    /** GenGuard's own checks after the engines: the approval gate, suppressions, the dependency guard. */
    GOVERNANCE;

    /** The name used in the catalog's engine column. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
