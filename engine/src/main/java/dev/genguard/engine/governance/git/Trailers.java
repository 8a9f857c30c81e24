package dev.genguard.engine.governance.git;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Reads what a commit's trailers (the {@code Key: value} lines of the message's last paragraph, as
 * {@link RevCommit#getFooterLines()} finds them) say about AI assistance.
 *
 * <p>Semantics, keys always compared case-insensitively:
 * <ul>
 *   <li>A trailer marks the commit as AI when its key is one of {@link GitHistory.Options#trailers()} and
 *     <ol type="a">
 *       <li>its value names a known assistant ({@link GitHistory.Options#assistants()}, a case-insensitive match
 *         of whole words, so "Claude 3.5 Sonnet" and "GitHub Copilot &lt;copilot@github.com&gt;" match but
 *         "Claudette" does not): the tool is that assistant's name as the options spell it; or</li>
 *       <li>its key is not {@code Co-authored-by} and its value is not a negative ({@code no, false, none, n/a,
 *         0}, also when a remark follows: "No, written by hand"): the tool is the value as written up to the
 *         first {@code < ( , ;} (so "Generated-by: acme-codegen &lt;bot@acme&gt;" gives "acme-codegen"). A bare affirmative ({@code yes, true, y, 1}) says that an
 *         assistant was used but not which one, so the tool stays empty.</li>
 *     </ol>
 *     {@code Co-authored-by} is how git records human co-authors too, so without an assistant's name it never
 *     marks AI: "Co-authored-by: Jane Doe &lt;jane@x&gt;" is a human.</li>
 *   <li>When several trailers mark AI, one naming a known assistant wins over one that does not; otherwise the
 *     first in the message wins.</li>
 *   <li>{@code Model:} fills the model and {@code Prompt-Log:} the prompt log (the first of each), whether or not
 *     the commit is AI, since they only describe it.</li>
 * </ul>
 *
 * <p>Known limit: the assistant match is by name, so a human co-author whose name is an assistant's
 * ("Co-authored-by: Claude Monet") counts as AI. The defaults therefore leave out names that are common first
 * names on their own ("Cody" is listed only as "Sourcegraph Cody").
 */
final class Trailers {

    /** The trailer git and GitHub use for human co-authors as well as for assistants. */
    static final String CO_AUTHORED_BY = "Co-authored-by";
    static final String MODEL = "Model";
    static final String PROMPT_LOG = "Prompt-Log";

    private static final Set<String> NEGATIVES = Set.of("no", "false", "none", "n/a", "0");
    private static final Set<String> AFFIRMATIVES = Set.of("yes", "true", "y", "1");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    /** What the trailers say; tool, model and promptLog are never null. */
    record Provenance(boolean ai, String tool, String model, String promptLog) {}

    private record Assistant(String name, Pattern pattern) {}

    private final List<String> keys;
    private final List<Assistant> assistants;

    Trailers(GitHistory.Options options) {
        this.keys = options.trailers().stream().map(k -> k.strip().toLowerCase(Locale.ROOT)).toList();
        this.assistants = options.assistants().stream().filter(a -> !a.isBlank())
                .map(a -> new Assistant(a.strip(), wordPattern(a.strip()))).toList();
    }

    /**
     * Whole words only, letters and digits being word characters, and any run of blanks matching the blank of a
     * two-word name ("Amazon  Q"). A '-' or '@' ends a word, so "devin-ai-integration[bot]" names Devin.
     */
    private static Pattern wordPattern(String name) {
        String body = String.join("\\s+", Arrays.stream(name.split("\\s+")).map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The commit as provenance needs it; the commit's body must be parsed. */
    GitHistory.Commit commit(RevCommit commit) {
        Provenance p = read(commit.getFooterLines());
        PersonIdent author = commit.getAuthorIdent();
        String name = author == null ? "" : author.getName();
        String email = author == null ? "" : author.getEmailAddress();
        // Git stores seconds; ISO_INSTANT then prints no fraction, so dates compare as strings.
        String date = author == null ? "" : ISO.format(author.getWhenAsInstant().truncatedTo(ChronoUnit.SECONDS));
        return new GitHistory.Commit(commit.getName(), name, email, date, p.ai(), p.tool(), p.model(), p.promptLog());
    }

    /** Reads a whole commit message (tests, and callers that hold only the text). */
    Provenance read(String message) {
        return read(FooterLine.fromMessage(message));
    }

    Provenance read(List<FooterLine> footers) {
        String named = null;
        String unnamed = null;
        String model = "";
        String promptLog = "";
        for (FooterLine footer : footers) {
            String key = footer.getKey().strip();
            String value = footer.getValue() == null ? "" : footer.getValue().strip();
            if (key.equalsIgnoreCase(MODEL) && model.isEmpty()) {
                model = value;
            } else if (key.equalsIgnoreCase(PROMPT_LOG) && promptLog.isEmpty()) {
                promptLog = value;
            }
            if (!keys.contains(key.toLowerCase(Locale.ROOT)) || value.isEmpty()) {
                continue;
            }
            String assistant = assistant(value);
            if (assistant != null) {
                if (named == null) {
                    named = assistant;
                }
            } else if (!key.equalsIgnoreCase(CO_AUTHORED_BY) && !negative(value) && unnamed == null) {
                unnamed = toolAsWritten(value);
            }
        }
        if (named == null && unnamed == null) {
            return new Provenance(false, "", model, promptLog);
        }
        return new Provenance(true, named != null ? named : unnamed, model, promptLog);
    }

    /** A negative value, also with a remark after it ("No, written by hand", "none."). */
    private static boolean negative(String value) {
        String head = toolAsWritten(value).replaceAll("[.!]+$", "").strip().toLowerCase(Locale.ROOT);
        return NEGATIVES.contains(value.toLowerCase(Locale.ROOT)) || NEGATIVES.contains(head);
    }

    /** The assistant named earliest in the value; at the same position the longer name ("OpenAI Codex"). */
    private String assistant(String value) {
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        int bestLength = 0;
        for (Assistant a : assistants) {
            Matcher m = a.pattern().matcher(value);
            if (m.find() && (m.start() < bestAt || m.start() == bestAt && m.end() - m.start() > bestLength)) {
                best = a.name();
                bestAt = m.start();
                bestLength = m.end() - m.start();
            }
        }
        return best;
    }

    /** The tool part of an unrecognised value: up to an e-mail, a remark or a list separator. */
    private static String toolAsWritten(String value) {
        if (AFFIRMATIVES.contains(value.toLowerCase(Locale.ROOT))) {
            return "";
        }
        int end = value.length();
        for (char c : new char[] {'<', '(', ',', ';'}) {
            int at = value.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String tool = value.substring(0, end).strip();
        return tool.isEmpty() ? value : tool;
    }
}
