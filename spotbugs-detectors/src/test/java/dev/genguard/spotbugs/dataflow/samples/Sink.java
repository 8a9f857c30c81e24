package dev.genguard.spotbugs.dataflow.samples;

/** Where samples put the values the tests inspect: each call's argument is the value at that point. */
public final class Sink {

    private Sink() {
    }

    public static void sink(Object value) {
        // The tests read the argument at the call site.
    }

    public static void sink(String value) {
        // The tests read the argument at the call site.
    }

    public static void sink(int value) {
        // The tests read the argument at the call site.
    }

    public static void sink(long value) {
        // The tests read the argument at the call site.
    }

    /** Keeps its argument: an object passed here escapes. */
    public static void keep(Object value) {
        Holder.kept = value;
    }

    private static final class Holder {
        static Object kept;
    }
}
