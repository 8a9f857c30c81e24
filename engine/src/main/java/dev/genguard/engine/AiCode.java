package dev.genguard.engine;

import java.util.Set;

/** Where AI-written code lies, as far as provenance found it; the engines evaluate it under the AI policy. */
public interface AiCode {

    /** No AI-tagged code. */
    AiCode NONE = new AiCode() {
        @Override
        public boolean contains(String file, int line) {
            return false;
        }

        @Override
        public Set<String> files() {
            return Set.of();
        }
    };

    /** True when the line of the file (relative to the base directory, '/'-separated) is AI-tagged. */
    boolean contains(String file, int line);

    /** The files with AI-tagged lines. */
    Set<String> files();

    default boolean isEmpty() {
        return files().isEmpty();
    }
}
