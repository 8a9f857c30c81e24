package dev.genguard.spotbugs.dataflow.samples;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Byte arrays whose contents are constant, or not: literals' bytes, array initializers, filled arrays. */
public class ConstantBytesSamples {

    private static final String KEY = "0123456789abcdef";

    void literalBytes() {
        Sink.sink("secret".getBytes(StandardCharsets.UTF_8));
    }

    void constantFieldBytesThroughLocal() {
        byte[] key = KEY.getBytes();
        Sink.sink(key);
    }

    void parameterBytes(String text) {
        Sink.sink(text.getBytes(StandardCharsets.UTF_8));
    }

    void eitherLiteral(boolean flag) {
        String text = flag ? "one" : "two";
        Sink.sink(text.getBytes());
    }

    void sameLiteralOnBothPaths(boolean flag) {
        byte[] bytes = flag ? "same".getBytes() : null;
        if (bytes == null) {
            bytes = "same".getBytes();
        }
        Sink.sink(bytes);
    }

    void arrayInitializer() {
        Sink.sink(new byte[] {1, 2, 3});
    }

    void arrayFilledByRandom(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Sink.sink(salt);
    }
}
