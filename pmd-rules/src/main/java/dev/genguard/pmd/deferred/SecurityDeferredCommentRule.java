package dev.genguard.pmd.deferred;

import dev.genguard.pmd.internal.SourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.sourceforge.pmd.lang.java.ast.ASTBodyDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTCompilationUnit;
import net.sourceforge.pmd.lang.java.ast.JavaComment;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.document.FileLocation;
import net.sourceforge.pmd.properties.PropertyDescriptor;
import net.sourceforge.pmd.properties.PropertyFactory;
import net.sourceforge.pmd.reporting.RuleContext;

/**
 * Finds comments in which the code admits that a security control is missing: "for simplicity we skip signature
 * validation", "in production, store the secret in a vault", "TODO: add authentication", "this is not secure",
 * "disables SSL certificate checks". Reports the line where the admitting phrase starts.
 *
 * <p>Precision comes from pairing: a deferral phrase ("for simplicity", "in production", "for demo purposes",
 * "replace with a real ...", "hardcoded") counts only near a security word ("password", "JWT", "certificate",
 * "authentication", ...) in the same comment, since mature code says "for simplicity" about algorithms all the
 * time. Only a few phrases are security admissions on their own. Comments are compared as lower-case words
 * with whitespace, markup and punctuation normalized, and consecutive line comments are read as one comment, so
 * a phrase may span lines.
 */
public class SecurityDeferredCommentRule extends AbstractJavaRulechainRule {

    private static final PropertyDescriptor<List<String>> EXTRA_PHRASES = PropertyFactory.stringListProperty("extraPhrases")
            .desc("Additional phrases that admit a missing control on their own, matched as whole words, case-insensitively,"
                    + " on normalized whitespace (e.g. 'security review pending')")
            .emptyDefaultValue()
            .build();

    /** Words (of the same comment) a deferral phrase may lie from its security word. */
    private static final int WINDOW = 12;
    /** The same for the weak deferral words ("for now", "temporary"), which are everywhere in mature code. */
    private static final int WEAK_WINDOW = 5;
    /** Words of context quoted in the message. */
    private static final int EXCERPT_WORDS = 12;
    /** The word that stands for a paragraph break (a blank comment line): phrases never pair across it. */
    private static final String PARAGRAPH = "#";

    /**
     * Phrases that defer a control to another environment ("in production", "in a real application", "for demo
     * purposes", "replace with a real ..."); they count only near a security word, in any comment.
     */
    private static final Pattern DEFERRAL = words(
            "for (?:demo|demonstration|illustration|illustrative|example|educational|tutorial|testing|test|development|dev)"
                    + " (?:purposes?|only|use)",
            "for (?:demo|demonstration|illustration)",
            "(?:demo|demonstration|example|testing|development|dev) (?:only|purposes)",
            "only for (?:demo|demonstration|testing|development|local)",
            "in (?:a )?(?:production|prod)(?: environments?| code| systems?| deployments?| apps?| applications?| use)?",
            "(?:not|never) (?:production|prod) (?:ready|grade|quality|safe)",
            "(?:not|never) (?:suitable|safe|intended|meant|recommended|ready|appropriate|secure) for production",
            "(?:do not|dont|never) use (?:this |it |that )?in production",
            "in (?:a )?real(?: world)? (?:apps?|applications?|systems?|implementations?|scenarios?|projects?|environments?"
                    + "|deployments?|services?|code)",
            "replace(?: \\w+){0,3} (?:with|by) (?:a |an )?(?:real|proper|secure|production|actual|robust|stronger|persistent)",
            "should be replaced");

    /**
     * Phrases that admit a shortcut; they count only near a security word, and only in code comments: Javadoc
     * uses them for usage tips ("for simplicity use the same password for the key as for the key store").
     */
    private static final Pattern SHORTCUT = words(
            "for (?:the sake of )?(?:simplicity|brevity)",
            "to keep (?:it|this|things|the (?:code|example|demo|sample)) simple",
            "simplified (?:implementation|version|example|check|validation|approach|setup|config|configuration)",
            "(?:use|using) (?:a |an )?(?:proper|real|production grade|production ready|robust|stronger)",
            "hard ?coded",
            "quick and dirty",
            "should be (?:stored|kept|managed|loaded|read|fetched|injected|externali[sz]ed|moved) (?:in|from)"
                    + " (?:an? )?(?:environment|env|config|configuration|properties)");

    /**
     * Words that mark a shortcut only right next to a security word ("skip the auth check for now"), and only in
     * code comments: Javadoc says "a placeholder for other types of authentication".
     */
    private static final Pattern WEAK_SHORTCUT = words(
            // Not "temporary": "creates temporary directories securely" documents a secure choice.
            // Nor "workaround": "disable the TLS 1.0 CBC vulnerability workaround" names a mitigation.
            "for now", "temporarily", "placeholder", "dummy", "quick fix", "hack");

    /** What a deferral must be near to be about security: nouns and verbs that name a control or a secret. */
    private static final Pattern SECURITY_WORD = words(
            "passwords?", "passwd", "passphrases?", "secrets?", "credentials?", "api ?keys?",
            "(?:secret|private|signing|encryption|jwt|hmac) keys?", "hmac", "jwts?", "bearer",
            "(?:access|auth|refresh|session|csrf|api|id|bearer) tokens?", "csrf", "xsrf", "xss", "cors",
            "sql injection", "injection attacks?", "ssl", "tls", "https", "certificates?", "certs?",
            "host ?name verifi(?:cation|er)", "trust ?stores?", "trust ?managers?", "key ?stores?", "trust all",
            "signatures? (?:verification|validation|checks?)", "verify (?:the )?signatures?",
            "authenticat(?:e|ed|ion)", "authori[sz](?:e|ed|ation)", "auth", "login", "access control",
            "role checks?", "permission checks?", "encrypt(?:ed|ion)?", "decrypt(?:ed|ion)?", "plain ?text",
            "clear ?text", "bcrypt", "argon2", "pbkdf2", "scrypt", "salt(?:ed)?", "password hash(?:ing|es)?",
            "sanitiz(?:e|ed|ation|ing)", "sanitis(?:e|ed|ation|ing)", "input validation",
            "validate (?:the )?(?:input|token|jwt|signature|certificate)", "rate limit(?:ing|s|er)?", "brute force",
            "security", "secure(?:ly)?", "insecure", "vulnerab(?:le|ility|ilities)", "attackers?", "admin",
            "administrator", "vault", "secrets? manager", "kms", "oauth", "mfa", "2fa", "otp");

    /** A TODO that names a control as missing work: an admission on its own, in any comment. */
    private static final Pattern TODO = words(
            "(?:todo|fixme)(?: \\w+){0,3}? (?:add|adding|implement|implementing|enable|enabling|missing|needs?|requires?"
                    + "|proper|real|actual|perform|no|without|skip|skipped|skipping|should|must|do)(?: \\w+){0,3}? "
                    + "(?:authenticat(?:e|ion)|auth|authori[sz](?:e|ation)|access control|access checks?|permission checks?"
                    + "|role checks?|csrf|xsrf|rate limit(?:ing|er)?|throttling|encrypt(?:ion)?|sanitiz(?:e|ation)"
                    + "|sanitis(?:e|ation)|validation|input validation|signature (?:verification|validation|checks?)"
                    + "|certificate (?:validation|verification|pinning|checks?)|password hashing|hash(?:ing)? (?:the )?passwords?"
                    + "|security(?: checks?)?)",
            "(?:todo|fixme)(?: \\w+){0,2}? (?:check|verify|validate|secure|sanitize|sanitise|encrypt|authenticate|authorize"
                    + "|authorise|hash) (?:the )?(?:permissions?|roles?|access|authori[sz]ation|ownership|signature|token|jwt"
                    + "|certificates?|input|passwords?|credentials?)");

    /**
     * Phrases that admit a missing control on their own in a code comment. Javadoc that says the same documents
     * a deliberate behaviour ("a trust strategy that accepts all certificates", "rejects '*' since this is
     * insecure"), so these are not read in Javadoc.
     */
    private static final Pattern ADMISSION = words(
            // "this is not secure", "it's insecure": not "not cryptographically secure", which documents a hash, nor
            // a reason for a secure choice ("don't default to NONE since that is not secure").
            "(?<!(?:since|because|as|otherwise|would|could) )(?:this|that|it)(?: is|s| was)? (?:not|isnt|wasnt) secure",
            "(?<!(?:since|because|as|otherwise|would|could) )(?:this|that|it) (?:is |s |was )?(?:insecure"
                    + "|unsafe for production)",
            "not secure for production",
            "should be (?:stored|kept|managed|handled|saved|transmitted|sent) (?:securely|encrypted|hashed|in (?:an? )?"
                    + "(?:vault|secrets? manager|key management|kms|keystore|secure))",
            "(?:disables?|disabled|disabling|skips?|skipped|skipping|bypass(?:es|ed|ing)?|ignores?|ignored|ignoring|turns? off"
                    + "|turned off|turning off|no) (?:the |all )?(?:(?:ssl|tls|https|x509) )?(?:ssl|tls|https|certificate|cert|host ?name"
                    + "|signature)"
                    + " (?:checks?|checking|verification|validation|validations|verifier)",
            "(?:trust|trusts|trusting|accept|accepts|accepting) (?:all|any) (?:ssl |tls |x509 )?(?:certificates?|certs?"
                    + "|host ?names?)",
            "(?:trust|trusts|trusting|accept|accepts|accepting) (?:all |any )?self signed (?:certificates?|certs?)",
            // Not "plaintext password" alone: "@param key the plaintext password" documents a hash function.
            "(?:passwords?|secrets?|credentials?) (?:are |is )?(?:stored|kept|saved|sent|logged|written) (?:in |as )?"
                    + "(?:plain ?text|clear ?text)",
            "(?:stores?|storing|saves?|saving|keeps?|keeping|logs?|logging|sends?|sending) (?:the |all )?(?:passwords?"
                    + "|secrets?|credentials?) (?:in |as )?(?:plain ?text|clear ?text)");

    /** HTML tags, Javadoc inline tags and URLs ("see https://..." is no statement about HTTPS). */
    private static final Pattern INLINE_MARKUP = Pattern.compile(
            "<[^>]*>|\\{@[A-Za-z]+[^}]*}|\\b[A-Za-z][A-Za-z0-9+.-]*://\\S*|\\bwww\\.\\S+");

    /**
     * Every admission holds a word that starts with one of these: the TODO markers, the security words (a
     * deferral counts only near one), and the words of the admissions that name no security word ("unsafe for
     * production", "should be stored hashed"). Words that only count in a pair ("token" in "access token",
     * "validate" in "input validation", "signature" in "signature verification") are left to the other word of
     * the pair, since alone they are everywhere in library docs (tokenizers, validators, method signatures).
     */
    private static final List<String> GATE_PREFIXES = List.of(
            "todo", "fixme", "passw", "passphrase", "secret", "credential", "encrypt", "decrypt", "jwt", "hmac", "csrf",
            "xsrf", "certific", "authent", "authori", "permission", "bcrypt", "argon", "pbkdf", "scrypt", "saniti", "secur",
            "insecur", "vulnerab", "attack", "admin", "vault", "oauth", "plaintext", "cleartext", "hostname", "truststore",
            "keystore", "trustmanager", "apikey", "salt", "unsafe", "login", "signat", "signing", "brute");
    /** ... or is one of these short words, which as prefixes would match half the dictionary. */
    private static final Set<String> GATE_WORDS = Set.of(
            "api", "private", "bearer", "xss", "cors", "sql", "ssl", "tls", "https", "x509", "cert", "certs", "auth", "otp",
            "mfa", "2fa", "kms", "trust", "host", "access", "role", "roles", "rate", "plain", "hashed");

    /** {@link #GATE_PREFIXES} by their first character (ASCII), so a word is tested against a handful. */
    private static final List<List<String>> GATE_PREFIXES_BY_LETTER = IntStream.range(0, 128)
            .mapToObj(c -> GATE_PREFIXES.stream().filter(p -> p.charAt(0) == c).toList()).toList();
    private static final List<List<String>> GATE_WORDS_BY_LETTER = IntStream.range(0, 128)
            .mapToObj(c -> GATE_WORDS.stream().filter(w -> w.charAt(0) == c).sorted().toList()).toList();

    /** Comment markup at the start and end of a comment line. */
    private static final Pattern COMMENT_MARKUP = Pattern.compile("^(?:/\\*+|//+)|\\*+/$");
    private static final Pattern LEADING_STARS = Pattern.compile("^\\*+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
    private static final Pattern INNER_APOSTROPHE = Pattern.compile("(?<=\\p{L})['\u2019](?=\\p{L})");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Words of a license header (a comment before the package declaration that holds one of them). */
    private static final List<String> LICENSE_WORDS = List.of("copyright", "license", "spdx");

    /** {@link #EXTRA_PHRASES} as one pattern (null when empty): derived from the property in {@link #start}. */
    private Pattern extra;

    public SecurityDeferredCommentRule() {
        super(ASTCompilationUnit.class);
        definePropertyDescriptor(EXTRA_PHRASES);
    }

    @Override
    public String dysfunctionReason() {
        for (String phrase : getProperty(EXTRA_PHRASES)) {
            if (normalize(phrase).isEmpty()) {
                return "extraPhrases holds a phrase without letters or digits: '" + phrase + "'";
            }
        }
        return null;
    }

    @Override
    public Object visit(ASTCompilationUnit unit, Object data) {
        if (SourceKind.isTestSource(unit)) {
            return data;
        }
        JavaNode firstDeclaration = unit.getNumChildren() == 0 ? null : unit.getChild(0);
        int codeStart = firstDeclaration == null ? Integer.MAX_VALUE
                : unit.getTextDocument().toLocation(firstDeclaration.getTextRegion()).getStartLine();
        for (List<JavaComment> group : group(unit.getComments())) {
            // Most comments name no control at all: skip them before the (costly) normalization and phrase search.
            if (extra == null && !mayAdmit(group)) {
                continue;
            }
            if (group.get(0).getReportLocation().getStartLine() < codeStart && isLicense(group)) {
                continue;
            }
            Text comment = text(group);
            Admission admission = admission(comment, extra);
            if (admission != null) {
                asCtx(data).addViolationWithPosition(enclosing(unit, admission.line()), admission.line(),
                        admission.line(), getMessage(), admission.excerpt());
            }
        }
        return data;
    }

    @Override
    public void start(RuleContext ctx) {
        super.start(ctx);
        List<String> phrases = getProperty(EXTRA_PHRASES).stream().map(SecurityDeferredCommentRule::normalize)
                .filter(p -> !p.isEmpty()).map(Pattern::quote).toList();
        extra = phrases.isEmpty() ? null : words(phrases.toArray(String[]::new));
    }

    /**
     * The innermost declaration around a line, so that {@code @SuppressWarnings("PMD.SecurityDeferredComment")}
     * on a method or class applies to the comments inside it; the file when none is.
     */
    private static JavaNode enclosing(ASTCompilationUnit unit, int line) {
        JavaNode innermost = unit;
        for (JavaNode declaration : unit.descendants(ASTBodyDeclaration.class).crossFindBoundaries()) {
            // The node's whole extent: getBeginLine()/getEndLine() give its report location, the name.
            FileLocation extent = unit.getTextDocument().toLocation(declaration.getTextRegion());
            if (extent.getStartLine() <= line && line <= extent.getEndLine()) {
                innermost = declaration;
            }
        }
        return innermost;
    }

    /** A comment's words, normalized, with the source line of each. */
    private record Text(List<String> words, List<Integer> lines, boolean javadoc) {
        int firstLine() {
            return lines.isEmpty() ? Integer.MAX_VALUE : lines.get(0);
        }
    }

    /** Where a comment admits a missing control: the line of the phrase and the words quoted in the message. */
    private record Admission(int line, String excerpt) {
    }

    /** A phrase found in a comment: its first and last word index. */
    private record Span(int first, int last) {
    }

    /** The earliest admission of a comment, or null. */
    private static Admission admission(Text text, Pattern extra) {
        Span best = null;
        Span bestQuote = null;
        List<Span> inherent = new ArrayList<>();
        if (text.words.contains("todo") || text.words.contains("fixme")) {
            inherent.addAll(find(TODO, text.words));
        }
        if (!text.javadoc()) {
            inherent.addAll(find(ADMISSION, text.words));
        }
        if (extra != null) {
            inherent.addAll(find(extra, text.words));
        }
        for (Span s : inherent) {
            if (best == null || s.first() < best.first()) {
                best = s;
                bestQuote = s;
            }
        }
        List<Span> security = find(SECURITY_WORD, text.words);
        List<Pattern> deferrals = security.isEmpty() ? List.of()
                : text.javadoc() ? List.of(DEFERRAL) : List.of(DEFERRAL, SHORTCUT, WEAK_SHORTCUT);
        for (Pattern deferral : deferrals) {
            int window = deferral == WEAK_SHORTCUT ? WEAK_WINDOW : WINDOW;
            for (Span d : find(deferral, text.words)) {
                if (best != null && d.first() >= best.first()) {
                    continue;
                }
                for (Span s : security) {
                    if (near(d, s, window, text.words)) {
                        best = d;
                        bestQuote = new Span(Math.min(d.first(), s.first()), Math.max(d.last(), s.last()));
                        break;
                    }
                }
            }
        }
        if (best == null) {
            return null;
        }
        int last = Math.min(bestQuote.last(), bestQuote.first() + EXCERPT_WORDS - 1);
        String excerpt = String.join(" ", text.words.subList(bestQuote.first(), last + 1));
        return new Admission(text.lines.get(best.first()), excerpt);
    }

    /**
     * Whether a group of comments holds a gate word ({@link #GATE_PREFIXES}, {@link #GATE_WORDS}), read from the raw
     * text with the tokenization of {@link #normalize} but no regular expressions: markup only ever removes words,
     * so a comment that fails here has no admission.
     */
    private static boolean mayAdmit(List<JavaComment> group) {
        for (JavaComment comment : group) {
            // One lower-cased copy per comment; words are then tested in place, without a string per word.
            String text = comment.getText().toString().toLowerCase(Locale.ROOT);
            int n = text.length();
            int start = -1;
            for (int i = 0; i <= n; i++) {
                char c = i < n ? text.charAt(i) : ' ';
                if (Character.isLetterOrDigit(c)) {
                    if (start < 0) {
                        start = i;
                    }
                } else if (c == ':' && i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                    // A URL ("see https://example.com/security") says nothing; normalization drops it too.
                    while (i < n && !Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    start = -1;
                } else if (start >= 0) {
                    // "don't" is one word for normalize(); the gate words hold no apostrophes, so "don" and "t" do.
                    if (isGateWord(text, start, i)) {
                        return true;
                    }
                    start = -1;
                }
            }
        }
        return false;
    }

    /** Whether a comment before the code is a license header. */
    private static boolean isLicense(List<JavaComment> group) {
        for (JavaComment comment : group) {
            String text = comment.getText().toString().toLowerCase(Locale.ROOT);
            if (LICENSE_WORDS.stream().anyMatch(text::contains)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text[start, end)}, a lower-case word, is a gate word or starts with a gate prefix. */
    private static boolean isGateWord(String text, int start, int end) {
        char first = text.charAt(start);
        if (first >= GATE_PREFIXES_BY_LETTER.size()) {
            return false;
        }
        for (String prefix : GATE_PREFIXES_BY_LETTER.get(first)) {
            if (end - start >= prefix.length() && text.startsWith(prefix, start)) {
                return true;
            }
        }
        for (String word : GATE_WORDS_BY_LETTER.get(first)) {
            if (end - start == word.length() && text.startsWith(word, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether two phrases do not overlap, lie at most {@code window} words apart, and share a paragraph. */
    private static boolean near(Span a, Span b, int window, List<String> words) {
        if (a.last() >= b.first() && b.last() >= a.first()) {
            return false;
        }
        int from = Math.min(a.last(), b.last());
        int to = Math.max(a.first(), b.first());
        if (to - from > window) {
            return false;
        }
        return !words.subList(from, to).contains(PARAGRAPH);
    }

    /** The spans of the words matched by {@code pattern}, a regex over words joined by single spaces. */
    private static List<Span> find(Pattern pattern, List<String> words) {
        StringBuilder joined = new StringBuilder();
        int[] startOf = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                joined.append(' ');
            }
            startOf[i] = joined.length();
            joined.append(words.get(i));
        }
        List<Span> spans = new ArrayList<>();
        Matcher m = pattern.matcher(joined);
        while (m.find()) {
            int first = wordAt(startOf, m.start());
            int last = wordAt(startOf, m.end() - 1);
            spans.add(new Span(first, last));
        }
        return spans;
    }

    private static int wordAt(int[] startOf, int offset) {
        int i = Arrays.binarySearch(startOf, offset);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * The comments of a file in groups read as one text: a block or Javadoc comment alone, consecutive line comments
     * that start in the same column on consecutive lines together.
     */
    private static List<List<JavaComment>> group(List<JavaComment> comments) {
        List<List<JavaComment>> groups = new ArrayList<>();
        List<JavaComment> current = null;
        int lastLine = -2;
        int column = -1;
        for (JavaComment comment : comments) {
            FileLocation where = comment.getReportLocation();
            boolean continues = comment.isSingleLine() && current != null && current.get(0).isSingleLine()
                    && where.getStartLine() == lastLine + 1 && where.getStartColumn() == column;
            if (!continues) {
                current = new ArrayList<>();
                groups.add(current);
            }
            current.add(comment);
            // A line comment's token may end on the next line (it holds the line break): go by its start.
            lastLine = where.getStartLine();
            column = where.getStartColumn();
        }
        return groups;
    }

    /** The normalized words of a group of comments, with their lines. */
    private static Text text(List<JavaComment> group) {
        List<String> words = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (JavaComment comment : group) {
            addWords(comment.getText().toString(), comment.getReportLocation().getStartLine(), words, lines);
        }
        JavaComment first = group.get(0);
        return new Text(words, lines, !first.isSingleLine() && first.hasJavadocContent());
    }

    /**
     * Adds the words of a comment's source text, without comment markup, HTML tags, Javadoc inline tags
     * ({@code {@value #DISABLE_HOST_NAME_VERIFICATION}} names a constant, it says nothing), URLs and punctuation.
     */
    private static void addWords(String source, int firstLine, List<String> words, List<Integer> lines) {
        String[] rawLines = LINE_BREAK.split(source.stripTrailing(), -1);
        for (int i = 0; i < rawLines.length; i++) {
            String line = COMMENT_MARKUP.matcher(rawLines[i].strip()).replaceAll("").strip();
            line = LEADING_STARS.matcher(line).replaceFirst("");
            if (line.indexOf('<') >= 0 || line.indexOf('{') >= 0 || line.contains("://") || line.contains("www.")) {
                line = INLINE_MARKUP.matcher(line).replaceAll(" ");
            }
            String normalized = normalize(line);
            if (normalized.isEmpty()) {
                if (!words.isEmpty() && !words.get(words.size() - 1).equals(PARAGRAPH)) {
                    words.add(PARAGRAPH);
                    lines.add(firstLine + i);
                }
                continue;
            }
            for (String w : normalized.split(" ")) {
                words.add(w);
                lines.add(firstLine + i);
            }
        }
    }

    /** Lower-case words separated by single spaces; apostrophes vanish ("don't" is "dont"), other marks split words. */
    static String normalize(String text) {
        String lower = INNER_APOSTROPHE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        return Arrays.stream(NON_WORD.split(lower)).filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
    }

    /** One regex that matches any of the phrases as whole words. */
    private static Pattern words(String... phrases) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", phrases) + ")(?![\\p{L}\\p{N}])");
    }
}
