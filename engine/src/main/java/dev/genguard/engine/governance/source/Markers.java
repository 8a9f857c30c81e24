package dev.genguard.engine.governance.source;

import dev.genguard.engine.governance.AiTag;
import dev.genguard.engine.governance.Review;
import dev.genguard.engine.governance.Suppression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GenGuard markers people write in comments, parsed from a comment's text:
 * <ul>
 *   <li>{@code @ai-generated [tool=X] [model=Y] [prompt="..."]}: the code after the comment is AI-written;</li>
 *   <li>{@code genguard:reviewed-by NAME [TICKET]}: a person reviewed its security;</li>
 *   <li>{@code genguard:ignore RuleId[, RuleId] -- reason}: findings of those rules on this line are accepted.</li>
 * </ul>
 * Values may be quoted with {@code "} when they contain spaces.
 */
public final class Markers {

    private static final Pattern AI_TAG = Pattern.compile("(?<![\\w-])@ai-generated\\b(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w-]*)\\s*=\\s*(\"([^\"]*)\"|[^\\s,;*]+)");
    private static final Pattern REVIEWED_BY = Pattern.compile("genguard:reviewed-by\\s+(\"[^\"]+\"|[^\\s*]+)(?:\\s+([^\\s*]+))?");
    private static final Pattern IGNORE = Pattern.compile("genguard:ignore\\s+([\\w$]+(?:\\s*,\\s*[\\w$]+)*)\\s*(?:--\\s*(.*))?");

    private Markers() {
    }

    /** The {@code @ai-generated} tag of a comment, with its attributes; empty when the comment has none. */
    public static Optional<AiTag> aiTag(String comment) {
        Matcher m = AI_TAG.matcher(comment);
        if (!m.find()) {
            return Optional.empty();
        }
        // Attributes run to the end of the tag's line.
        String rest = m.group(1);
        int nl = rest.indexOf('\n');
        Map<String, String> attributes = attributes(nl < 0 ? rest : rest.substring(0, nl));
        return Optional.of(new AiTag(attributes.get("tool"), attributes.get("model"), attributes.get("prompt"),
                attributes.get("prompt-log")));
    }

    /** The {@code genguard:reviewed-by NAME [TICKET]} marker of a comment. */
    public static Optional<Review> review(String comment, int line) {
        Matcher m = REVIEWED_BY.matcher(comment);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Review(unquote(m.group(1)), "", m.group(2), "comment", line));
    }

    /** The {@code genguard:ignore} suppressions of a comment on {@code line}. */
    public static List<Suppression> ignores(String comment, int line) {
        Matcher m = IGNORE.matcher(comment);
        List<Suppression> found = new ArrayList<>();
        if (m.find()) {
            String reason = m.group(2) == null ? "" : stripCommentEnd(m.group(2));
            for (String id : m.group(1).split("\\s*,\\s*")) {
                found.add(new Suppression(id, reason, "comment", line));
            }
        }
        return found;
    }

    /**
     * A {@code @SuppressWarnings} value naming a GenGuard rule: {@code genguard:RuleId}, optionally followed by
     * {@code -- reason}; empty for other values ("unchecked", "PMD.X").
     */
    public static Optional<Suppression> suppressWarnings(String value, String commentReason, int line) {
        String v = value.strip();
        if (!v.toLowerCase(Locale.ROOT).startsWith("genguard:")) {
            return Optional.empty();
        }
        String rest = v.substring("genguard:".length());
        int dash = rest.indexOf("--");
        String id = (dash < 0 ? rest : rest.substring(0, dash)).strip();
        String reason = dash < 0 ? commentReason : rest.substring(dash + 2);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Suppression(id, reason, "annotation", line));
    }

    /** The text of a comment usable as a suppression reason: without its delimiters and a leading "--". */
    static String reasonText(String comment) {
        String s = stripCommentEnd(comment).strip();
        return s.startsWith("--") ? s.substring(2).strip() : s;
    }

    private static String stripCommentEnd(String s) {
        String t = s.strip();
        if (t.endsWith("*/")) {
            t = t.substring(0, t.length() - 2);
        }
        return t.strip();
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(2);
            result.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        return result;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
