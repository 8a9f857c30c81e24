package dev.genguard.engine.dependencies;

import dev.genguard.engine.governance.Review;
import dev.genguard.engine.governance.Suppression;
import dev.genguard.engine.governance.source.Markers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a pom, for what Maven's model does not keep: where a declaration ends, and the GenGuard comments
 * around it ({@code <!-- genguard:reviewed-by NAME TICKET -->}, {@code <!-- genguard:ignore RuleId -- reason -->}).
 * A comment counts for a declaration when it is inside the element or in the run of comment lines directly before
 * it.
 */
public final class PomText {

    private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);

    private final List<String> lines;
    /** For each line (1-based), the comments that start on it. */
    private final List<List<String>> comments = new ArrayList<>();
    /** Lines that hold nothing but comments and whitespace. */
    private final boolean[] commentOnly;

    public PomText(String text) {
        this.lines = List.of(text.split("\r\n|\r|\n", -1));
        for (int i = 0; i <= lines.size(); i++) {
            comments.add(new ArrayList<>());
        }
        commentOnly = new boolean[lines.size() + 2];
        int[] lineStarts = lineStarts(text);
        StringBuilder outside = new StringBuilder(text);
        Matcher m = COMMENT.matcher(text);
        while (m.find()) {
            int line = lineOf(lineStarts, m.start());
            comments.get(line).add(m.group(1));
            for (int i = m.start(); i < m.end(); i++) {
                if (outside.charAt(i) != '\n' && outside.charAt(i) != '\r') {
                    outside.setCharAt(i, ' ');
                }
            }
        }
        String[] stripped = outside.toString().split("\r\n|\r|\n", -1);
        for (int i = 0; i < stripped.length; i++) {
            commentOnly[i + 1] = stripped[i].isBlank() && !lines.get(i).isBlank();
        }
    }

    /** The line of the first {@code </element>} at or after {@code line}, or {@code line} when there is none. */
    public int endOf(int line, String element) {
        String close = "</" + element + ">";
        for (int i = Math.max(1, line); i <= lines.size(); i++) {
            if (lines.get(i - 1).contains(close)) {
                return i;
            }
        }
        return line;
    }

    /** The review marker in or directly before the element on {@code begin..end}. */
    public Optional<Review> review(int begin, int end) {
        for (int line : commentLines(begin, end)) {
            for (String comment : comments.get(line)) {
                Optional<Review> review = Markers.review(comment, line);
                if (review.isPresent()) {
                    return review;
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code genguard:ignore} suppressions in or directly before the element on {@code begin..end}. */
    public List<Suppression> suppressions(int begin, int end) {
        List<Suppression> found = new ArrayList<>();
        for (int line : commentLines(begin, end)) {
            for (String comment : comments.get(line)) {
                found.addAll(Markers.ignores(comment, line));
            }
        }
        return found;
    }

    /** Every {@code genguard:ignore} of the pom, for reasonless-suppression findings. */
    public List<Suppression> allSuppressions() {
        List<Suppression> found = new ArrayList<>();
        for (int line = 1; line < comments.size(); line++) {
            for (String comment : comments.get(line)) {
                found.addAll(Markers.ignores(comment, line));
            }
        }
        return found;
    }

    /** The text of a line, whitespace collapsed: what a finding's fingerprint hashes. */
    public String code(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip().replaceAll("\\s+", " ") : "";
    }

    private List<Integer> commentLines(int begin, int end) {
        List<Integer> result = new ArrayList<>();
        int first = begin;
        while (first > 1 && commentOnly[first - 1]) {
            first--;
        }
        for (int line = Math.max(1, first); line <= Math.min(end, lines.size()); line++) {
            result.add(line);
        }
        return result;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] starts, int offset) {
        int i = java.util.Arrays.binarySearch(starts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
