package dev.genguard.engine.governance;

import java.util.Locale;

/** Where a finding stands after suppressions and the baseline. */
public enum FindingState {
    /** Not in the baseline, not suppressed: the gate counts it. */
    NEW,
    /** Recorded in the baseline: reported, never fails the build. */
    BASELINE,
    /** Suppressed in the code with a reason: listed, never fails the build. */
    SUPPRESSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
