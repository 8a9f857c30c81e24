package dev.genguard.spotbugs.dataflow.samples;

import java.util.ArrayList;

/** Arrays whose elements the analysis follows, and static final array fields. */
public class ArraySamples {

    public static final String[] PROTOCOLS = {"TLSv1.2", OtherConstants.COMPUTED};
    static final String[] COMPUTED = new ArrayList<String>().toArray(new String[0]);
    static final Object[] OBJECTS = {new ArrayList<String>()};
    static String[] notFinal = {"TLSv1"};

    void literal() {
        Sink.sink(new String[] {"TLSv1", "TLSv1.2"});
    }

    void objects() {
        Sink.sink(new Object[] {new ArrayList<String>(), "x"});
    }

    void unknownIndex(int i) {
        String[] values = new String[2];
        values[i] = "TLSv1";
        Sink.sink(values);
    }

    void parameter(String[] values) {
        Sink.sink(values);
    }
}
