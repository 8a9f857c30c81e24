package dev.genguard.engine.governance;

import java.util.SortedMap;
import java.util.TreeMap;

/** Version histories for tests. */
final class FakeHistory {

    private FakeHistory() {
    }

    /** Lines {@code from..to} of {@code file} written by one AI commit; no owners, no notes. */
    static LineHistory lines(String file, int from, int to, String commit, AiTag tag) {
        return f -> {
            SortedMap<Integer, LineHistory.Origin> lines = new TreeMap<>();
            if (f.equals(file)) {
                for (int i = from; i <= to; i++) {
                    lines.put(i, new LineHistory.Origin(commit, tag));
                }
            }
            return lines;
        };
    }
}
