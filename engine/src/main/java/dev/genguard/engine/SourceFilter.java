package dev.genguard.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which source files are analysed: Ant-style {@code includes} and {@code excludes} matched against the path
 * relative to its source root, as maven-pmd-plugin matches them ({@code **}{@code /*.java},
 * {@code **}{@code /generated/**}). Findings in excluded files are dropped, whichever engine reports them.
 */
public record SourceFilter(List<String> includes, List<String> excludes) {

    public static final SourceFilter ALL = new SourceFilter(List.of(), List.of());

    public SourceFilter {
        includes = includes == null ? List.of() : includes.stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).toList();
        excludes = excludes == null ? List.of() : excludes.stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).toList();
    }

    /** True when {@code relative} (to its source root, '/'-separated) is analysed. */
    public boolean accepts(String relative) {
        String path = relative.replace('\\', '/');
        boolean included = includes.isEmpty() ? path.endsWith(".java") : includes.stream().anyMatch(p -> matches(p, path));
        return included && excludes.stream().noneMatch(p -> matches(p, path));
    }

    /** True when an absolute file under one of the roots is analysed; files under no root are kept. */
    public boolean accepts(Path file, List<Path> roots) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (abs.startsWith(r)) {
                return accepts(r.relativize(abs).toString());
            }
        }
        return true;
    }

    /** The Java files of the roots this filter accepts, sorted. */
    public List<Path> files(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> accepts(root.relativize(p).toString())).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the sources under " + root, e);
            }
        }
        return files;
    }

    private static boolean matches(String pattern, String path) {
        String glob = pattern.replace('\\', '/');
        if (glob.endsWith("/")) {
            glob = glob + "**";
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (matcher.matches(Path.of(path))) {
            return true;
        }
        // Ant's "**/" also matches no directory at all: **/Foo.java matches Foo.java at the root.
        return glob.startsWith("**/") && FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3))
                .matches(Path.of(path));
    }
}
