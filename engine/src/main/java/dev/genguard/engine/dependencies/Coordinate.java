package dev.genguard.engine.dependencies;

import java.util.regex.Pattern;

/**
 * A Maven artifact's {@code groupId:artifactId}, without version, type or classifier: what a typosquat imitates.
 * Compared exactly (Maven coordinates are case-sensitive); the lookalike matcher does its own loose comparisons.
 */
public record Coordinate(String groupId, String artifactId) implements Comparable<Coordinate> {

    /** What Maven accepts in a groupId or artifactId (its model validator's id pattern). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

    public Coordinate {
        requireId("groupId", groupId);
        requireId("artifactId", artifactId);
    }

    /**
     * Parses {@code groupId:artifactId}; surrounding spaces are ignored.
     *
     * @throws IllegalArgumentException naming the text and the expected form when it is not exactly two valid ids
     *                                  separated by one colon
     */
    public static Coordinate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no coordinate; expected groupId:artifactId");
        }
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon < 0 || t.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not groupId:artifactId (one colon, no version)");
        }
        try {
            return new Coordinate(t.substring(0, colon), t.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\": " + e.getMessage(), e);
        }
    }

    private static void requireId(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " \"" + value + "\" has characters other than A-Z a-z 0-9 _ . -");
        }
    }

    @Override
    public int compareTo(Coordinate o) {
        int g = groupId.compareTo(o.groupId);
        return g != 0 ? g : artifactId.compareTo(o.artifactId);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId;
    }
}
