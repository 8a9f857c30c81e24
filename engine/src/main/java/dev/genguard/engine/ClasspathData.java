package dev.genguard.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a data file that genguard-rulesets ships on the class path (UTF-8), with one error for a missing jar. */
public final class ClasspathData {

    /** Parses a data file; {@code name} labels error messages. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String name, Reader text) throws IOException;
    }

    private ClasspathData() {
    }

    public static <T> T load(ClassLoader loader, String resource, Parser<T> parser) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: is genguard-rulesets a dependency?");
            }
            return parser.parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
