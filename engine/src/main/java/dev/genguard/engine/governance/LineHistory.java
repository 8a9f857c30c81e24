package dev.genguard.engine.governance;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** What version control says about a module's files; implemented over git, or absent. */
public interface LineHistory {

    /**
     * The commit that last changed an AI-written line.
     *
     * @param commit the commit id
     * @param tag    the assistant, model and prompt log its trailers name
     */
    record Origin(String commit, AiTag tag) {
    }

    /** No version control: no AI lines, no owners. */
    LineHistory NONE = new LineHistory() {
        @Override
        public SortedMap<Integer, Origin> aiLines(String file) {
            return new TreeMap<>();
        }

        @Override
        public Optional<String> owner(String file, int beginLine, int endLine) {
            return Optional.empty();
        }

        @Override
        public List<String> notes() {
            return List.of();
        }
    };

    /** Lines of the file (relative to the module) whose last change carries an AI trailer, by line. */
    SortedMap<Integer, Origin> aiLines(String file);

    /** Who owns these lines: the CODEOWNERS entry of the file, else the last author of the lines. */
    Optional<String> owner(String file, int beginLine, int endLine);

    /** What could not be read, once each. */
    List<String> notes();
}
