package dev.genguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the compiled fixtures are: the {@code test-fixtures} module directory, passed to tests as the system
 * property {@value #PROPERTY} (set by surefire in the parent pom). The module writes its compile classpath
 * (the libraries whose misuse the fixtures show) to {@code target/fixtures.classpath}, so that engines
 * resolve types as they would in a user's build.
 */
public record Fixtures(Path sourceRoot, Path classesDir, List<Path> libraries) {

    public static final String PROPERTY = "genguard.fixtures.dir";

    public Fixtures {
        libraries = List.copyOf(libraries);
    }

    /** The fixtures module named by the system property; fails with a clear message when it is not built. */
    public static Fixtures fromSystemProperty() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property " + PROPERTY + " is not set: run the tests through Maven");
        }
        return of(Path.of(dir));
    }

    public static Fixtures of(Path moduleDir) {
        Path classes = moduleDir.resolve("target/classes");
        Path classpathFile = moduleDir.resolve("target/fixtures.classpath");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("test-fixtures is not built (" + classes + ", " + classpathFile
                    + "): build with 'mvn verify' from the root or '-am'");
        }
        List<Path> libs = new ArrayList<>();
        try {
            String cp = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
            for (String entry : cp.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    libs.add(Path.of(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fixtures(moduleDir.resolve("src/main/java"), classes, libs);
    }

    /** Every fixture source file with its markers, in a stable order. */
    public List<FixtureFile> files() {
        try (Stream<Path> paths = Files.walk(sourceRoot)) {
            return paths.filter(p -> p.toString().endsWith(".java"))
                    .sorted()
                    .map(p -> FixtureFile.read(sourceRoot, p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
