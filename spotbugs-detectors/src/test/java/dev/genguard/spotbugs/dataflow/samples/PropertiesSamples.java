package dev.genguard.spotbugs.dataflow.samples;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Configuration shipped with the code, loaded into {@code Properties} from classpath resources. */
public class PropertiesSamples {

    private final Properties settings = new Properties();

    void classRelative() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PropertiesSamples.class.getResourceAsStream("crypto.properties")) {
            properties.load(in);
        }
        Sink.sink(properties.getProperty("cipher", "AES/GCM/NoPadding"));
        Sink.sink(properties.getProperty("absent", "fallback"));
        Sink.sink(properties.getProperty("absent"));
        Sink.sink(Integer.parseInt(properties.getProperty("iterations", "600000")));
    }

    void classLoaderAbsolute() {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("dev/genguard/spotbugs/dataflow/samples/crypto.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sink.sink(properties.getProperty("cipher"));
    }

    void failureSwallowed() {
        Properties properties = new Properties();
        try (InputStream in = PropertiesSamples.class.getResourceAsStream("crypto.properties")) {
            properties.load(in);
        } catch (IOException e) {
            // Swallowed: the path on which nothing was loaded reaches getProperty too.
        }
        Sink.sink(properties.getProperty("cipher", "AES/GCM/NoPadding"));
    }

    void missingResource() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/no/such/app.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        Sink.sink(properties.getProperty("cipher", "DES"));
    }

    void fromFile(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = new FileInputStream(path)) {
            properties.load(in);
        }
        Sink.sink(properties.getProperty("cipher", "RC4"));
    }

    void escaped() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PropertiesSamples.class.getResourceAsStream("crypto.properties")) {
            properties.load(in);
        }
        Sink.keep(properties);
        Sink.sink(properties.getProperty("cipher"));
    }

    void fromField() {
        Sink.sink(settings.getProperty("cipher", "AES"));
    }
}
