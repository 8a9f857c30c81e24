package dev.genguard.spotbugs.dataflow.samples;

/** Arrays whose elements detectors read at a call (the XStream wildcards of a {@code String[]}). */
public class ArrayWildcardSamples {

    static final String ALL = "**";

    void initializer() {
        Sink.sink(new String[] {"com.example.**", ALL});
    }

    void unknownIndex(int i) {
        String[] patterns = new String[2];
        patterns[i] = "**";
        Sink.sink(patterns);
    }

    void parameter(String[] patterns) {
        Sink.sink(patterns);
    }
}
