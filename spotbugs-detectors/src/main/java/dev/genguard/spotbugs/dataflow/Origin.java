package dev.genguard.spotbugs.dataflow;

/**
 * Where a constant comes from, which is how sure a detector can be that the program runs with it. Ordered from
 * most to least certain; a value computed from several constants has the least certain origin among them.
 */
public enum Origin {

    /** Proven by the analysed bytecode alone: a literal, a {@code static final} field, a fold of such values. */
    CODE,

    /**
     * Read from a {@code .properties} resource shipped with the analysed code, with a constant key; or the
     * default the code passes to {@code getProperty(key, default)} where that resource lacks the key or cannot
     * be read. A deployment may replace the file, so detectors usually report such values at lower priority.
     */
    RESOURCE,

    /**
     * A "may be" value: the default of a lookup whose real source lies outside the analysed code
     * ({@code System.getProperty(key, default)}, a {@code Properties} loaded from a file or an unknown stream).
     * The program runs with it unless someone configures otherwise.
     */
    DEFAULT;

    /** The less certain of two origins. */
    Origin weakest(Origin other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
