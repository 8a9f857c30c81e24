package dev.genguard.engine.governance;

import java.util.Locale;

/** How a region of code was found to be AI-written. */
public enum ProvenanceSource {
    /** An annotation whose simple name is {@code AiGenerated}. */
    ANNOTATION,
    /** A {@code @ai-generated} tag in a comment or Javadoc directly before a type or member. */
    COMMENT,
    /** Lines whose last change comes from a commit with an AI trailer. */
    TRAILER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
