package dev.genguard.engine.dependencies;

import dev.genguard.engine.ClasspathData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The popular artifacts that the lookalike check protects: {@value #RESOURCE} in genguard-rulesets, whose header
 * says how it was built (bench/popular-artifacts.sh) and how to extend it, plus whatever a project adds with
 * {@link #withExtra}. One {@code groupId:artifactId} a line, {@code #} comments and blank lines ignored. Immutable.
 */
public final class PopularArtifacts {

    public static final String RESOURCE = "genguard/dependencies/popular-artifacts.txt";

    private final NavigableSet<Coordinate> all;

    private PopularArtifacts(NavigableSet<Coordinate> all) {
        this.all = Collections.unmodifiableNavigableSet(all);
    }

    /** Loads the list shipped on the classpath of {@code loader}. */
    public static PopularArtifacts load(ClassLoader loader) {
        return ClasspathData.load(loader, RESOURCE, PopularArtifacts::parse);
    }

    public static PopularArtifacts load() {
        return load(PopularArtifacts.class.getClassLoader());
    }

    /**
     * Reads a list in the format of {@value #RESOURCE}; {@code name} only labels error messages.
     *
     * @throws IllegalArgumentException on a malformed line, naming {@code name} and the line number
     */
    static PopularArtifacts parse(String name, Reader text) throws IOException {
        return new PopularArtifacts(new TreeSet<>(entries(name, text)));
    }

    /**
     * The entries of a file in the format of {@value #RESOURCE}, in file order: how a project's own list (a file
     * given to the plugin) is read before {@link #withExtra}. Repeated entries are harmless and kept; the shipped
     * file is sorted and unique, but a user's need not be.
     *
     * @throws IllegalArgumentException on a malformed line, naming {@code name} and the line number
     */
    public static List<Coordinate> entries(String name, Reader text) throws IOException {
        List<Coordinate> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(text);
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                entries.add(Coordinate.parse(t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** A list of exactly {@code entries}: a project's own list instead of the shipped one, or a subset in a bench. */
    public static PopularArtifacts of(Collection<Coordinate> entries) {
        return new PopularArtifacts(new TreeSet<>(entries));
    }

    /** This list with {@code extra} added (the plugin's {@code popularArtifacts}); this one when there are none. */
    public PopularArtifacts withExtra(Collection<Coordinate> extra) {
        if (extra == null || extra.isEmpty()) {
            return this;
        }
        NavigableSet<Coordinate> union = new TreeSet<>(all);
        union.addAll(extra);
        return new PopularArtifacts(union);
    }

    /** Whether {@code c} is listed, exactly (Maven coordinates are case-sensitive). */
    public boolean contains(Coordinate c) {
        return all.contains(c);
    }

    public int size() {
        return all.size();
    }

    /** Every entry, sorted by groupId then artifactId. */
    public NavigableSet<Coordinate> all() {
        return all;
    }

    @Override
    public String toString() {
        return "PopularArtifacts[" + all.size() + "]";
    }
}
