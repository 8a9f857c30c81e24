package dev.genguard.engine.dependencies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dependencies a team allows: {@code groupId:artifactId} patterns where {@code *} matches any run of characters
 * ({@code org.springframework.*:*}, {@code com.acme:*}, {@code com.google.guava:guava}). Written in the plugin's
 * {@code allowedDependencies} or, one per line with {@code #} comments, in {@code genguard-dependencies.txt}.
 */
public final class Allowlist {

    private record Entry(String text, Pattern group, Pattern artifact) {
    }

    private final List<Entry> entries;

    private Allowlist(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses patterns; {@code source} names where they came from for the error message ("allowedDependencies",
     * "genguard-dependencies.txt:7").
     *
     * @throws IllegalArgumentException for a pattern that is not {@code groupPattern:artifactPattern}
     */
    public static Allowlist parse(List<String> patterns, String source) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String text = patterns.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split(":", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new IllegalArgumentException(source + (source.contains(":") ? "" : " entry " + (i + 1)) + ": \""
                        + text + "\" is not groupId:artifactId (each may use *, e.g. org.springframework.*:*)");
            }
            entries.add(new Entry(text, glob(parts[0]), glob(parts[1])));
        }
        return new Allowlist(entries);
    }

    /** Reads {@code genguard-dependencies.txt}: one pattern per line, {@code #} starts a comment. */
    public static Allowlist read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!text.isEmpty()) {
                entries.addAll(parse(List.of(text), file.getFileName() + ":" + (i + 1)).entries);
            }
        }
        return new Allowlist(entries);
    }

    /** Both lists' patterns. */
    public Allowlist and(Allowlist other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new Allowlist(all);
    }

    public boolean allows(Coordinate c) {
        return entries.stream().anyMatch(e -> e.group().matcher(c.groupId()).matches()
                && e.artifact().matcher(c.artifactId()).matches());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
