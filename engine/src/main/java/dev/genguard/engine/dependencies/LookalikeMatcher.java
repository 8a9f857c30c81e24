package dev.genguard.engine.dependencies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the popular artifact a dependency imitates (CWE-1357, a typosquat or a model's near-miss):
 * {@code com.fasterxml.jackson.core:jackson-databinds}, {@code org.apache.commons:common-lang3},
 * {@code com.google.gauva:guava}. Immutable and deterministic; build one per list and reuse it.
 *
 * <h2>What is compared</h2>
 * A coordinate resembles a popular one when one half is equal and the other is <em>close</em>:
 * <ul>
 * <li>the same groupId and a close artifactId ({@code com.google.guava:gauva}): a misspelt or hallucinated artifact
 * of a popular project;</li>
 * <li>the same artifactId and a close groupId ({@code com.google.gauva:guava}): the shape a real attack on Maven
 * Central takes, since Central verifies who owns a namespace, so an attacker must publish under a groupId of their
 * own.</li>
 * </ul>
 * Nothing is reported when both halves differ, nor for a coordinate that is itself in the list. Letter case is
 * ignored for closeness, and a case-only difference is itself a resemblance ({@code com.zaxxer:hikaricp}).
 *
 * <h2>Close</h2>
 * The two ids are split into words at {@code - . _}. They are close when (the best kind wins):
 * <ol>
 * <li><b>separators changed</b>: the same letters once the separators are removed ({@code commons_io},
 * {@code joda.time}, {@code bytebuddy} for {@code byte-buddy});</li>
 * <li><b>words reordered</b>: the same words in another order ({@code databind-jackson});</li>
 * <li><b>plural or singular</b>: one word gained or lost a final s ({@code jackson-databinds},
 * {@code common-lang3}, {@code redis.client});</li>
 * <li><b>a look-alike digit</b>: one word reads the same with 0 as o and 1 as l ({@code s1f4j});</li>
 * <li><b>one edit</b>: one word is one insertion, deletion, substitution or swap of adjacent letters away
 * (Damerau-Levenshtein 1: {@code lombock}, {@code log4j-cor}, {@code gauva}, {@code awsdk}).</li>
 * </ol>
 * All other words must be equal, in the same places. Distance 2 is not used: tried on words of eight letters or
 * more, it caught none of the hand-written typosquats that distance 1 missed and added real siblings
 * ({@code google-cloud-beyondcorp-appconnections} / {@code -appconnectors}).
 *
 * <h2>Not close: the families of real artifacts</h2>
 * Each rule below is general (no artifact is named in code), and each was added for real artifacts that a looser
 * version flagged; docs/quality.md, "Dependency guard" lists them.
 * <ul>
 * <li><b>A different number of words is a sibling</b>, not a typo: {@code asm} / {@code asm-tree},
 * {@code guava} / {@code guava-testlib}, {@code org.ow2.asm} / {@code asm}, relocations such as
 * {@code mysql:mysql-connector-java} / {@code com.mysql:mysql-connector-j}, {@code -kotlin} and {@code -jdk8}
 * variants.</li>
 * <li><b>A difference in digits is a version or generation marker</b>: when the two words' digits differ, nothing
 * is reported ({@code antlr-runtime} / {@code antlr4-runtime}, {@code apache-client} / {@code apache5-client},
 * {@code commons-lang} / {@code commons-lang3}, {@code httpclient} / {@code httpclient5}, {@code log4j-slf4j-impl} /
 * {@code log4j-slf4j2-impl}, {@code bcprov-jdk15on} / {@code bcprov-jdk18on}, {@code kafka_2.12} /
 * {@code kafka_2.13}, {@code rxjava2} / {@code rxjava3}). Only 0-for-o and 1-for-l are read as letters.</li>
 * <li><b>Words of three letters or fewer are acronyms</b>: one substituted letter makes another acronym
 * ({@code log4j-jcl} / {@code log4j-jul}, {@code maven-resolver-api} / {@code -spi}, {@code sns} / {@code sqs},
 * {@code spring-orm} / {@code spring-oxm}, {@code jms} / {@code jmx}); a letter added to or dropped from a word of
 * one or two letters makes another word ({@code ip} / {@code zip}, {@code ra} / {@code rar}). Swaps still count:
 * {@code spring-boot-starter-wbe} is a typo of {@code web}.</li>
 * <li><b>A different first letter is a different word</b>: {@code jetty} / {@code netty}, {@code gson} /
 * {@code json}, {@code rpc} / {@code grpc}, {@code ftp} / {@code sftp}, {@code imap} / {@code gimap}. People
 * rarely mistype the first letter; names that differ there are chosen.</li>
 * <li><b>A word the list already uses is a sibling</b>: when the candidate's differing word is a word of any
 * popular artifactId (for artifactIds) or groupId (for groupIds), it names something real ({@code jsonb} /
 * {@code jsonp}, {@code mysql} / {@code mssql}, {@code jaxb-xjc} / {@code jaxb-jxc}, {@code ssl} / {@code sasl},
 * {@code bson-kotlin} / {@code bson-kotlinx}, {@code org.jetbrains.kotlin} / {@code org.jetbrains.kotlinx}).
 * Plurals are exempt, since {@code common} and {@code client} are words too and {@code common-lang3} and
 * {@code kafka-client} are exactly the squats to catch.</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * Popular artifacts are indexed by groupId and by artifactId, so a query compares against one group's artifacts
 * and the handful sharing its artifactId, each with a linear one-edit test instead of a distance matrix: about
 * 2 µs a query against the shipped list of ~4,000 (docs/quality.md, "Dependency guard").
 */
public final class LookalikeMatcher {

    /**
     * A popular artifact that a coordinate imitates. {@code how} is a short phrase that reads before the popular
     * coordinate: "two letters swapped in com.google.guava:guava".
     */
    public record Match(Coordinate popular, String how) {

        @Override
        public String toString() {
            return how + " " + popular;
        }
    }

    /** The kinds of resemblance, best first: when several popular artifacts match, the best kind wins. */
    private enum Kind {
        CASE("letter case changed from"),
        SEPARATORS("separators changed from"),
        REORDERED("words reordered from"),
        PLURAL("a plural of"),
        SINGULAR("a singular of"),
        LOOKALIKE_DIGIT("a look-alike digit in"),
        SWAPPED("two letters swapped in"),
        ONE_CHARACTER("one character from");

        final String how;

        Kind(String how) {
            this.how = how;
        }
    }

    private enum Edit { SUBSTITUTION, TRANSPOSITION, INSERTION, DELETION }

    private final PopularArtifacts popular;
    /** Popular artifacts by lowercased groupId, for "same group, artifactId close". */
    private final Map<String, List<Coordinate>> byGroup = new HashMap<>();
    /** Popular artifacts by lowercased artifactId, for "same artifactId, groupId close". */
    private final Map<String, List<Coordinate>> byArtifact = new HashMap<>();
    /** Every word of every popular artifactId, lowercased. */
    private final Set<String> artifactWords = new HashSet<>();
    /** Every word of every popular groupId, lowercased. */
    private final Set<String> groupWords = new HashSet<>();

    public LookalikeMatcher(PopularArtifacts popular) {
        this.popular = popular;
        for (Coordinate c : popular.all()) { // sorted, so each index list is too: ties resolve deterministically
            byGroup.computeIfAbsent(lower(c.groupId()), k -> new ArrayList<>()).add(c);
            byArtifact.computeIfAbsent(lower(c.artifactId()), k -> new ArrayList<>()).add(c);
            artifactWords.addAll(Arrays.asList(words(lower(c.artifactId()))));
            groupWords.addAll(Arrays.asList(words(lower(c.groupId()))));
        }
    }

    /** The popular artifact {@code c} imitates, if any; never one for a coordinate that is itself popular. */
    public Optional<Match> match(Coordinate c) {
        if (popular.contains(c)) {
            return Optional.empty();
        }
        Coordinate best = null;
        Kind bestKind = null;
        // Same groupId (up to case): the artifactId must be close, or equal when only the group's case differs.
        for (Coordinate p : byGroup.getOrDefault(lower(c.groupId()), List.of())) {
            Kind k = c.groupId().equals(p.groupId()) ? resemblance(c.artifactId(), p.artifactId(), artifactWords)
                    : c.artifactId().equals(p.artifactId()) ? Kind.CASE : null;
            if (k != null && (bestKind == null || k.ordinal() < bestKind.ordinal())) {
                best = p;
                bestKind = k;
            }
        }
        // Same artifactId in another group: the groupId must be close. (Same artifactId up to case in the same
        // group was handled above.)
        for (Coordinate p : byArtifact.getOrDefault(lower(c.artifactId()), List.of())) {
            if (c.artifactId().equals(p.artifactId()) && !lower(c.groupId()).equals(lower(p.groupId()))) {
                Kind k = resemblance(c.groupId(), p.groupId(), groupWords);
                if (k != null && (bestKind == null || k.ordinal() < bestKind.ordinal())) {
                    best = p;
                    bestKind = k;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Match(best, bestKind.how));
    }

    /**
     * How {@code candidate} resembles {@code popular}, two ids of the same kind, or null when it does not (see the
     * class comment for the rules). {@code known} holds the words the popular list uses for this kind of id.
     */
    private static Kind resemblance(String candidate, String popular, Set<String> known) {
        if (candidate.equals(popular)) {
            return null;
        }
        if (candidate.equalsIgnoreCase(popular)) {
            return Kind.CASE;
        }
        String[] cw = words(lower(candidate));
        String[] pw = words(lower(popular));
        if (String.join("", cw).equals(String.join("", pw))) {
            return Kind.SEPARATORS;
        }
        if (cw.length != pw.length) {
            return null; // a sibling with a word more or less: asm / asm-tree, org.ow2.asm / asm
        }
        if (cw.length > 1 && sorted(cw).equals(sorted(pw))) {
            return Kind.REORDERED;
        }
        int differing = -1;
        for (int i = 0; i < cw.length; i++) {
            if (!cw[i].equals(pw[i])) {
                if (differing >= 0) {
                    return null; // two words differ: another artifact, not one slip
                }
                differing = i;
            }
        }
        String q = cw[differing];
        String p = pw[differing];
        if (q.equals(p + "s")) {
            return Kind.PLURAL;
        }
        if (p.equals(q + "s")) {
            return Kind.SINGULAR;
        }
        if (known.contains(q)) {
            return null; // a word popular artifacts use: jsonb / jsonp, mysql / mssql, kotlin / kotlinx
        }
        if (lookalikeDigits(q).equals(p)) {
            return Kind.LOOKALIKE_DIGIT;
        }
        if (!digits(q).equals(digits(p))) {
            return null; // a version or generation marker: httpclient5, log4j2, jdk18on, _2.13, rxjava3
        }
        Edit edit = oneEdit(q, p);
        if (edit == null) {
            return null;
        }
        if (edit == Edit.SUBSTITUTION && q.length() <= 3) {
            return null; // acronyms a letter apart: jcl / jul, api / spi, sns / sqs, orm / oxm
        }
        if ((edit == Edit.INSERTION || edit == Edit.DELETION) && Math.min(q.length(), p.length()) <= 2) {
            return null; // too short to be a slip: ip / zip, ra / rar
        }
        if (edit != Edit.TRANSPOSITION && q.charAt(0) != p.charAt(0)) {
            return null; // another word: jetty / netty, gson / json, rpc / grpc, ftp / sftp
        }
        return edit == Edit.TRANSPOSITION ? Kind.SWAPPED : Kind.ONE_CHARACTER;
    }

    /**
     * The single edit that turns {@code q} into {@code p}, or null when they are equal or more than one edit
     * apart. Linear: only the first difference needs looking at, since everything after it must then match.
     */
    private static Edit oneEdit(String q, String p) {
        int n = q.length();
        int m = p.length();
        int i = 0;
        while (i < Math.min(n, m) && q.charAt(i) == p.charAt(i)) {
            i++;
        }
        if (n == m) {
            if (i == n) {
                return null;
            }
            if (q.regionMatches(i + 1, p, i + 1, n - i - 1)) {
                return Edit.SUBSTITUTION;
            }
            if (i + 1 < n && q.charAt(i) == p.charAt(i + 1) && q.charAt(i + 1) == p.charAt(i)
                    && q.regionMatches(i + 2, p, i + 2, n - i - 2)) {
                return Edit.TRANSPOSITION;
            }
            return null;
        }
        if (n == m + 1 && q.regionMatches(i + 1, p, i, m - i)) {
            return Edit.INSERTION; // q has a character more
        }
        if (m == n + 1 && p.regionMatches(i + 1, q, i, n - i)) {
            return Edit.DELETION; // q has a character less
        }
        return null;
    }

    /** The digits of {@code s} in order: what must agree for a difference to be a typo rather than a version. */
    private static String digits(String s) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                d.append(s.charAt(i));
            }
        }
        return d.toString();
    }

    /** {@code s} read the way a glance reads it: 0 as o, 1 as l. */
    private static String lookalikeDigits(String s) {
        return s.replace('0', 'o').replace('1', 'l');
    }

    private static String sorted(String[] words) {
        String[] s = words.clone();
        Arrays.sort(s);
        return String.join(" ", s);
    }

    private static String[] words(String id) {
        return id.split("[-._]+");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
