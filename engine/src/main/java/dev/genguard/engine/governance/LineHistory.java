package dev.genguard.engine.governance;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** What version control says about a module's files; implemented over git, or absent. */
@FunctionalInterface
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
    LineHistory NONE = file -> new TreeMap<>();

    /** Lines of the file (relative to the module) whose last change carries an AI trailer, by line. */
    SortedMap<Integer, Origin> aiLines(String file);

    /** Who owns these lines: the CODEOWNERS entry of the file, else the last author of the lines; none by default. */
    default Optional<String> owner(String file, int beginLine, int endLine) {
        return Optional.empty();
    }

    /** What could not be read, once each; nothing by default. */
    default List<String> notes() {
        return List.of();
    }
}
