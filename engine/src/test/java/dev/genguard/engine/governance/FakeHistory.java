package dev.genguard.engine.governance;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** A version history for tests: AI lines per file from a function, no owners, no notes. */
final class FakeHistory implements LineHistory {

    private final Function<String, SortedMap<Integer, Origin>> aiLines;

    private FakeHistory(Function<String, SortedMap<Integer, Origin>> aiLines) {
        this.aiLines = aiLines;
    }

    static LineHistory of(Function<String, SortedMap<Integer, Origin>> aiLines) {
        return new FakeHistory(aiLines);
    }

    /** Lines {@code from..to} of {@code file} written by one AI commit. */
    static LineHistory lines(String file, int from, int to, String commit, AiTag tag) {
        return of(f -> {
            SortedMap<Integer, Origin> lines = new TreeMap<>();
            if (f.equals(file)) {
                for (int i = from; i <= to; i++) {
                    lines.put(i, new Origin(commit, tag));
                }
            }
            return lines;
        });
    }

    @Override
    public SortedMap<Integer, Origin> aiLines(String file) {
        return aiLines.apply(file);
    }

    @Override
    public Optional<String> owner(String file, int beginLine, int endLine) {
        return Optional.empty();
    }

    @Override
    public List<String> notes() {
        return List.of();
    }
}
