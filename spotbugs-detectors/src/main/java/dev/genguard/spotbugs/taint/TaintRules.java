package dev.genguard.spotbugs.taint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The taint analysis' knowledge, read from data files rather than written into detector classes: which calls and
 * parameters bring untrusted data in ({@code sources.tsv}), where it must not arrive ({@code sinks.tsv}), which calls
 * make it safe ({@code sanitizers.tsv}) and which checks prove it safe on one branch ({@code validators.tsv}).
 *
 * <p>The files live under {@code genguard/taint/} in the plugin jar. A user adds a framework without code through the
 * system property {@code genguard.taint.rules}: files in the same format, paths separated by the path separator, each
 * file's name saying which table it extends ({@code *sources.tsv}, {@code *sinks.tsv}, {@code *sanitizers.tsv},
 * {@code *validators.tsv}); set it on the JVM that runs SpotBugs (Maven's {@code MAVEN_OPTS} for genguard:check,
 * {@code <jvmArgs>} for spotbugs-maven-plugin).
 * The format: tab-separated columns, {@code #} starts a comment line, blank lines are ignored; a malformed line fails
 * with its file and line number. Each file documents its columns in its header.
 *
 * <p>Classes are JVM internal names; a rule for a class also matches calls compiled against any subtype of it
 * ({@code ServletRequest.getParameter} matches {@code HttpServletRequest.getParameter}), through the analysed
 * classpath's hierarchy. {@code *} in the descriptor column matches every overload.
 */
final class TaintRules {

    static final String RESOURCE_DIRECTORY = "genguard/taint/";
    static final String PROPERTY = "genguard.taint.rules";
    private static final List<String> TABLES = List.of("sources.tsv", "sinks.tsv", "sanitizers.tsv", "validators.tsv");

    /** Where untrusted data comes from; each label is one bit of {@link Taint#labels()}. */
    enum Label {
        /** HTTP request data: parameters, body, path, file names. */
        REQUEST,
        /** Headers and cookies: untrusted, but free of CR and LF, so no threat to a header or a log line. */
        RAW,
        /**
         * The request URI, URL and query string, undecoded: free of CR and LF like {@link #RAW}, and a redirect to
         * them stays on this host.
         */
        URI,
        /**
         * The servlet path and path info: decoded, but canonicalized by the container (Servlet 6, 3.5.2: no
         * {@code ..} segments, no control characters), so no path traversal, response splitting or log forging from
         * them; anything else they can carry.
         */
        PATH,
        /** Process environment and command-line arguments: trusted by default, untrusted in the strict profile. */
        ENVIRONMENT,
        /** Names of entries in an archive (zip, jar, tar): the zip-slip source. */
        ARCHIVE;

        long bit() {
            return 1L << ordinal();
        }

        static Label parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /** A call or method matched by class (and subtypes), name and descriptor ({@code null}: any). */
    record Member(String owner, String name, String desc) {
        boolean matchesNameAndDesc(String otherName, String otherDesc) {
            return name.equals(otherName) && (desc == null || desc.equals(otherDesc));
        }
    }

    /**
     * {@code call}: the result of a call is tainted; {@code parameter-annotation}: parameters with this annotation
     * are; {@code handler-parameter}: the unannotated {@code String} parameters of methods with this annotation are
     * (Spring binds them as request parameters); {@code main-arguments}: the arguments of {@code main}.
     */
    record Source(Label label, String kind, Member member) {
    }

    /**
     * A sink: the listed arguments ({@code -1} is the receiver) of the call must not carry data of the listed
     * labels; {@code prefix}, when set, limits the sink to values that start with that constant.
     */
    record Sink(String bugType, long labels, Member member, int[] arguments, String prefix, int receiverMarks,
                boolean destination, boolean html) {
    }

    /**
     * The call's result is clean for {@code kinds} (a bit per bug type) and carries {@code marks}; when
     * {@code argument} is set, only if the first argument's constant holds it ({@code replaceAll("[\r\n]", "")}).
     */
    record Sanitizer(Member member, int kinds, int marks, String argument) {
    }

    /**
     * A check: where the call returns {@code whenTrue}, the {@code checked} argument ({@code -1}: the receiver) is
     * clean for {@code kinds}, provided it carries the {@code requires} marks.
     */
    record Validator(Member member, int checked, boolean whenTrue, int kinds, int requires, String argument) {
    }

    private final List<String> bugTypes = new ArrayList<>();
    private final List<String> markNames = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private final List<Sink> sinks = new ArrayList<>();
    private final List<Sanitizer> sanitizers = new ArrayList<>();
    private final List<Validator> validators = new ArrayList<>();
    /** Rules by method name, for the per-call lookup. */
    private final Map<String, List<Object>> byName = new HashMap<>();

    private TaintRules() {
    }

    /** The rules of the plugin jar plus the files named in {@code genguard.taint.rules}. */
    static TaintRules load() {
        TaintRules rules = new TaintRules();
        ClassLoader loader = TaintRules.class.getClassLoader();
        try {
            for (String table : TABLES) {
                Enumeration<URL> urls = loader.getResources(RESOURCE_DIRECTORY + table);
                while (urls.hasMoreElements()) {
                    URL url = urls.nextElement();
                    try (InputStream in = url.openStream()) {
                        rules.read(table, url.toString(), in);
                    }
                }
            }
            String extra = System.getProperty(PROPERTY);
            if (extra != null && !extra.isBlank()) {
                for (String file : extra.split(java.io.File.pathSeparator)) {
                    String table = TABLES.stream().filter(file::endsWith).findFirst().orElseThrow(() ->
                            new IllegalArgumentException(PROPERTY + ": " + file + " must end with one of " + TABLES));
                    try (InputStream in = Files.newInputStream(Path.of(file))) {
                        rules.read(table, file, in);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GenGuard: cannot read the taint rules", e);
        }
        return rules;
    }

    /** Rules from text, for tests: table name to content. */
    static TaintRules of(Map<String, String> tables) {
        TaintRules rules = new TaintRules();
        tables.forEach((table, text) -> {
            try {
                rules.read(table, table, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return rules;
    }

    private void read(String table, String name, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // A file saved with Windows line endings reads the same.
            String[] columns = line.strip().split("\t", -1);
            try {
                add(table, columns);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("GenGuard taint rules " + name + ":" + number + ": " + e.getMessage()
                        + " in \"" + line + "\"", e);
            }
        }
    }

    private void add(String table, String[] c) {
        switch (table) {
            case "sources.tsv" -> {
                // label, kind (call | parameter-annotation), class, method, descriptor
                columns(c, 5);
                Source source = new Source(Label.parse(c[0]), c[1], member(c[2], c[3], c[4]));
                if (!List.of("call", "parameter-annotation", "handler-parameter", "main-arguments").contains(source.kind())) {
                    throw new IllegalArgumentException("unknown source kind " + source.kind());
                }
                sources.add(source);
                index(source.member(), source);
            }
            case "sinks.tsv" -> {
                // bug type, labels (comma-separated), class, method, descriptor, arguments, [prefix]
                if (c.length != 6 && c.length != 7) {
                    throw new IllegalArgumentException("expected 6 or 7 columns, found " + c.length);
                }
                long labels = 0;
                for (String label : c[1].split(",")) {
                    labels |= Label.parse(label.trim()).bit();
                }
                kind(c[0]);
                // conditions, space-separated: "prefix:TEXT" (the value starts with TEXT), "receiver:MARK" (the receiver
                // carries MARK), "destination" (not when the value's constant start fixes the host)
                String prefix = null;
                int receiverMarks = 0;
                boolean destination = false;
                boolean html = false;
                for (String condition : (c.length == 7 ? c[6] : "").split(" ")) {
                    if (condition.startsWith("prefix:")) {
                        prefix = condition.substring("prefix:".length());
                    } else if (condition.startsWith("receiver:")) {
                        receiverMarks = marks(condition.substring("receiver:".length()));
                    } else if (condition.equals("destination")) {
                        destination = true;
                    } else if (condition.equals("html")) {
                        html = true;
                    } else if (!condition.isEmpty() && !condition.equals("-")) {
                        throw new IllegalArgumentException("condition must be prefix:TEXT, receiver:MARK, destination or html");
                    }
                }
                Sink sink = new Sink(c[0], labels, member(c[2], c[3], c[4]), arguments(c[5]), prefix, receiverMarks,
                        destination, html);
                sinks.add(sink);
                index(sink.member(), sink);
            }
            case "sanitizers.tsv" -> {
                // class, method, descriptor, clean-for (bug types or *), marks (or -), [argument]
                if (c.length != 5 && c.length != 6) {
                    throw new IllegalArgumentException("expected 5 or 6 columns, found " + c.length);
                }
                Sanitizer sanitizer = new Sanitizer(member(c[0], c[1], c[2]), kinds(c[3]), marks(c[4]),
                        c.length == 6 && !c[5].isEmpty() ? unescape(c[5]) : null);
                sanitizers.add(sanitizer);
                index(sanitizer.member(), sanitizer);
            }
            case "validators.tsv" -> {
                // class, method, descriptor, checked (receiver | argument index), when (true | false), clean-for, requires,
                // [argument: text the other argument's constant must contain]
                if (c.length != 7 && c.length != 8) {
                    throw new IllegalArgumentException("expected 7 or 8 columns, found " + c.length);
                }
                if (!c[4].equals("true") && !c[4].equals("false")) {
                    throw new IllegalArgumentException("when must be true or false");
                }
                int[] checked = arguments(c[3]);
                Validator validator = new Validator(member(c[0], c[1], c[2]), checked[0], c[4].equals("true"),
                        kinds(c[5]), marks(c[6]), c.length == 8 && !c[7].isEmpty() ? unescape(c[7]) : null);
                validators.add(validator);
                index(validator.member(), validator);
            }
            default -> throw new IllegalArgumentException("unknown table " + table);
        }
    }

    private static void columns(String[] c, int expected) {
        if (c.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " columns, found " + c.length);
        }
    }

    private static Member member(String owner, String name, String desc) {
        if (owner.isEmpty() || name.isEmpty() || owner.contains(".")) {
            throw new IllegalArgumentException("class must be an internal name (a/b/C) and method non-empty");
        }
        return new Member(owner, name, "*".equals(desc) ? null : desc);
    }

    /** {@code \n}, {@code \r} and {@code \t} as the characters, for constants that hold them. */
    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    }

    /** The inverse of {@link #unescape}: how Java source spells the characters inside a regular expression. */
    static String escape(String text) {
        return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static int[] arguments(String text) {
        if ("*".equals(text)) {
            return new int[0];
        }
        String[] parts = text.split(",");
        int[] result = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            result[i] = "receiver".equals(part) ? -1 : Integer.parseInt(part);
        }
        return result;
    }

    private void index(Member member, Object rule) {
        byName.computeIfAbsent(member.name(), k -> new ArrayList<>()).add(rule);
    }

    /** The bit of a bug type, registering it on first use. */
    int kind(String bugType) {
        if (!bugType.startsWith("GENGUARD_")) {
            throw new IllegalArgumentException("bug type must start with GENGUARD_: " + bugType);
        }
        int index = bugTypes.indexOf(bugType);
        if (index < 0) {
            if (bugTypes.size() == Integer.SIZE - 1) {
                throw new IllegalArgumentException("too many bug types");
            }
            bugTypes.add(bugType);
            index = bugTypes.size() - 1;
        }
        return 1 << index;
    }

    private int kinds(String text) {
        if ("*".equals(text)) {
            return -1;
        }
        if ("-".equals(text)) {
            return 0;
        }
        int kinds = 0;
        for (String bugType : text.split(",")) {
            kinds |= kind(bugType.trim());
        }
        return kinds;
    }

    private int marks(String text) {
        if ("-".equals(text)) {
            return 0;
        }
        int marks = 0;
        for (String mark : text.split(",")) {
            int index = markNames.indexOf(mark.trim());
            if (index < 0) {
                markNames.add(mark.trim());
                index = markNames.size() - 1;
            }
            marks |= 1 << index;
        }
        return marks;
    }

    /** The marks some validator requires. */
    int validatorMarks() {
        int marks = 0;
        for (Validator validator : validators) {
            marks |= validator.requires();
        }
        return marks;
    }

    List<Source> sources() {
        return sources;
    }

    List<Sink> sinks() {
        return sinks;
    }

    /** The rules of one kind whose method name is {@code name}, in file order. */
    <T> List<T> named(String name, Class<T> kind) {
        List<Object> all = byName.get(name);
        if (all == null) {
            return List.of();
        }
        List<T> result = new ArrayList<>(2);
        for (Object rule : all) {
            if (kind.isInstance(rule)) {
                result.add(kind.cast(rule));
            }
        }
        return result;
    }

}
