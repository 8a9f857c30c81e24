package dev.genguard.spotbugs.dataflow.samples;

import java.util.function.Consumer;

/** Values that cross method boundaries: helper returns and the arguments of private methods. */
public class HelperSamples {

    void helpers() {
        Sink.sink(algorithm());
        Sink.sink(mode());
        Sink.sink(padding());
        Sink.sink(iterations());
        Sink.sink(OtherHelpers.transformation());
    }

    void limits(int n) {
        Sink.sink(overridable());
        Sink.sink(recursive(n));
        Sink.sink(identity("DES"));
        Sink.sink(twoLevels());
        Sink.sink(threeLevels());
    }

    void callers() {
        single("DES");
        single("DES");
        mixed("AES");
        mixed("DES");
        Consumer<String> reference = this::referenced;
        referenced("DES");
        reference.accept("AES");
    }

    private void single(String name) {
        Sink.sink(name);
    }

    private void mixed(String name) {
        Sink.sink(name);
    }

    private void referenced(String name) {
        Sink.sink(name);
    }

    private static String algorithm() {
        return "DES";
    }

    private String mode() {
        return "ECB";
    }

    final String padding() {
        return "PKCS5Padding";
    }

    private static int iterations() {
        return 1000;
    }

    /** May be overridden: its body is not what runs. */
    String overridable() {
        return "DES";
    }

    private static String recursive(int n) {
        return n == 0 ? "A" : recursive(n - 1) + "A";
    }

    private static String identity(String value) {
        return value;
    }

    private static String twoLevels() {
        return OtherHelpers.transformation();
    }

    private static String threeLevels() {
        return twoLevels();
    }
}
