package dev.genguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fixture source file and the markers it carries. */
public record FixtureFile(String relativePath, List<Marker> markers) {

    // A marker is a line comment: "// expect: A, B", optionally followed by "#issue" or free text after the ids.
    private static final Pattern MARKER = Pattern.compile(
            "//\\s*(expect-missing|expect-spurious|expect):\\s*([A-Za-z0-9_]+(?:\\s*,\\s*[A-Za-z0-9_]+)*)");

    public FixtureFile {
        markers = List.copyOf(markers);
    }

    /** Reads the markers of {@code file}, naming it by its path relative to {@code sourceRoot}. */
    public static FixtureFile read(Path sourceRoot, Path file) {
        String relative = sourceRoot.relativize(file).toString().replace('\\', '/');
        try {
            return parse(relative, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + file, e);
        }
    }

    /** Parses markers from the lines of a source file (exposed for the harness's own tests). */
    public static FixtureFile parse(String relativePath, List<String> lines) {
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            while (m.find()) {
                Marker.Kind kind = Marker.Kind.ofTag(m.group(1));
                for (String id : m.group(2).split(",")) {
                    markers.add(new Marker(kind, relativePath, i + 1, id.trim()));
                }
            }
        }
        return new FixtureFile(relativePath, markers);
    }
}
