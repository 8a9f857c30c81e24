package dev.genguard.engine.governance.sensitive;

import dev.genguard.engine.ClasspathData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which APIs put code in a sensitive area (crypto, auth, deserialization, process, sql, tls) for the approval gate.
 * The table is data, {@value #RESOURCE} in genguard-rulesets, so a new library needs no code change; its header
 * documents the columns. Users add entries with the plugin's {@code sensitiveApis} parameter, written
 * {@code area=type[#member,member]}, which are consulted before the shipped ones.
 *
 * <p>Lookups take a class as the compiler names it (internal {@code java/net/http/HttpClient$Builder} or dotted)
 * and a method name. The first matching entry wins, so a narrower entry must precede a broader one of another area;
 * an entry that an earlier one makes unreachable fails loading instead of silently never matching. Immutable.
 */
public final class SensitiveApis {

    public static final String RESOURCE = "genguard/governance/sensitive-apis.tsv";

    /** How a {@code sensitiveApis} entry is written, quoted in every complaint about one. */
    public static final String ENTRY_FORM = "area=type[#member,member], e.g. payments=com.acme.pay.* or "
            + "crypto=com.acme.Vault#unseal,seal";

    private static final Pattern AREA = Pattern.compile("[a-z][a-z0-9-]*");
    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern TYPE = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*(\\.\\*)?");
    private static final Pattern MEMBER = Pattern.compile(IDENTIFIER + "|<init>");

    private final List<Entry> entries;

    private SensitiveApis(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Loads the table shipped on the classpath of {@code loader}. */
    public static SensitiveApis load(ClassLoader loader) {
        return ClasspathData.load(loader, RESOURCE, SensitiveApis::parse);
    }

    public static SensitiveApis load() {
        return load(SensitiveApis.class.getClassLoader());
    }

    /**
     * Reads a table in the format of {@value #RESOURCE}; {@code name} only labels error messages.
     *
     * @throws IllegalArgumentException on a malformed or unreachable line, naming {@code name} and the line number
     */
    static SensitiveApis parse(String name, Reader text) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(text);
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = name + ":" + number;
            try {
                String[] columns = line.split("\t", -1);
                if (columns.length != 3) {
                    throw new IllegalArgumentException("expected 3 tab-separated columns (area, type, members), found "
                            + columns.length);
                }
                // Stray spaces around a value (or a CR left by an editor) are not worth failing a build for.
                entries.add(entry(columns[0].strip(), columns[1].strip(), columns[2], "line " + number));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage() + " in \"" + line + "\"", e);
            }
            requireReachable(entries, where);
        }
        return new SensitiveApis(entries);
    }

    /**
     * This table with the user's entries ({@code area=type[#member,member]}) in front of it, so they win over the
     * shipped ones: {@code crypto=com.acme.Vault#unseal,seal}, {@code payments=com.acme.pay.*}.
     *
     * @throws IllegalArgumentException for a malformed entry, or one an earlier user entry makes unreachable,
     *                                  quoting the entry and {@link #ENTRY_FORM}
     */
    public SensitiveApis withExtra(List<String> extra) {
        if (extra == null || extra.isEmpty()) {
            return this;
        }
        List<Entry> user = new ArrayList<>();
        for (String text : extra) {
            String where = "sensitiveApis entry \"" + text + "\"";
            try {
                user.add(userEntry(text, where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage() + "; expected " + ENTRY_FORM, e);
            }
            requireReachable(user, where);
        }
        user.addAll(entries);
        return new SensitiveApis(user);
    }

    private static Entry userEntry(String text, String origin) {
        if (text == null) {
            throw new IllegalArgumentException("no entry");
        }
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("no '='");
        }
        String area = text.substring(0, equals).strip();
        String rest = text.substring(equals + 1);
        int hash = rest.indexOf('#');
        String type = (hash < 0 ? rest : rest.substring(0, hash)).strip();
        String members = hash < 0 ? "*" : rest.substring(hash + 1);
        return entry(area, type, members, origin);
    }

    private static Entry entry(String area, String type, String members, String origin) {
        if (!AREA.matcher(area).matches()) {
            throw new IllegalArgumentException("area \"" + area + "\" is not a lowercase id (letters, digits, -)");
        }
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type \"" + type
                    + "\" is neither a fully qualified class name nor a package prefix ending in .*");
        }
        boolean prefix = type.endsWith(".*");
        String name = normalize(prefix ? type.substring(0, type.length() - 2) : type);
        if (members.strip().equals("*")) {
            return new Entry(area, type, name, prefix, Set.of(), origin);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String member : members.split(",", -1)) {
            String m = member.strip();
            if (!MEMBER.matcher(m).matches()) {
                throw new IllegalArgumentException("member \"" + m + "\" is not a method name, <init> or *");
            }
            names.add(m);
        }
        // Insertion order kept so that messages list the members as written.
        return new Entry(area, type, name, prefix, Collections.unmodifiableSet(names), origin);
    }

    /** Fails when the entry just added can never match because one before it already covers it. */
    private static void requireReachable(List<Entry> entries, String where) {
        Entry last = entries.get(entries.size() - 1);
        for (Entry earlier : entries.subList(0, entries.size() - 1)) {
            if (earlier.covers(last)) {
                throw new IllegalArgumentException(where + ": never matches: " + earlier.origin() + " (" + earlier.area()
                        + " " + earlier.type() + ") comes first and covers it; put the narrower entry first");
            }
        }
    }

    /**
     * The area of a call to {@code methodName} ({@code <init>} for a constructor) on {@code owner}, internal
     * ({@code java/net/http/HttpClient$Builder}) or dotted; empty when no entry matches.
     */
    public Optional<String> area(String owner, String methodName) {
        if (owner == null || owner.isEmpty() || owner.startsWith("[")) {
            return Optional.empty(); // an array's clone() or the like: never an API of interest
        }
        String name = normalize(owner);
        for (Entry e : entries) {
            if (e.matches(name, methodName)) {
                return Optional.of(e.area());
            }
        }
        return Optional.empty();
    }

    /** The distinct area ids, sorted. */
    public List<String> areas() {
        Set<String> areas = new TreeSet<>();
        entries.forEach(e -> areas.add(e.area()));
        return List.copyOf(areas);
    }

    /**
     * One spelling for internal, binary and canonical names: {@code java/net/http/HttpClient$Builder},
     * {@code java.net.http.HttpClient$Builder} and {@code java.net.http.HttpClient.Builder} compare equal, and a
     * nested class sits "inside" its outer class the way a class sits in its package, which is what lets a package
     * prefix reach nested classes.
     */
    private static String normalize(String name) {
        return name.replace('/', '.').replace('$', '.');
    }

    /**
     * @param type    as written, for messages
     * @param name    the normalized class name, or for a prefix the normalized package without {@code .*}
     * @param members method names, empty for every member
     * @param origin  where the entry came from, for messages
     */
    private record Entry(String area, String type, String name, boolean prefix, Set<String> members, String origin) {

        boolean matches(String owner, String method) {
            boolean type = prefix ? owner.startsWith(name + ".") : owner.equals(name);
            return type && (members.isEmpty() || members.contains(method));
        }

        /** Whether every call this entry's {@code other} matches is matched by this one. */
        boolean covers(Entry other) {
            boolean type = prefix ? other.name.startsWith(name + ".") || other.prefix && other.name.equals(name)
                    : !other.prefix && other.name.equals(name);
            return type && (members.isEmpty() || !other.members.isEmpty() && members.containsAll(other.members));
        }

        @Override
        public String toString() {
            return area + "=" + type + (members.isEmpty() ? "" : "#" + String.join(",", members));
        }
    }

    @Override
    public String toString() {
        return "SensitiveApis" + entries;
    }
}
