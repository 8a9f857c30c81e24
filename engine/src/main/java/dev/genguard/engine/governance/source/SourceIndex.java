package dev.genguard.engine.governance.source;

import dev.genguard.engine.ReportedPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The parsed Java sources of a module, by path relative to the module's base directory. */
public final class SourceIndex {

    private final Map<String, JavaSource> files = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    private SourceIndex() {
    }

    /**
     * Reads and parses the files. A file that cannot be read or parsed adds a note; nothing throws. Bytes that
     * are not valid in the encoding become U+FFFD, as PMD reads them.
     */
    public static SourceIndex build(Path baseDir, List<Path> sourceFiles, Charset encoding) {
        SourceIndex index = new SourceIndex();
        for (Path file : sourceFiles) {
            String relative = ReportedPaths.relative(baseDir, file);
            try {
                JavaSource source = JavaSource.parse(relative, read(file, encoding));
                index.files.put(relative, source);
                if (!source.parseError().isEmpty()) {
                    index.notes.add(relative + ": does not parse (" + source.parseError() + "); its provenance "
                            + "annotations and @SuppressWarnings are not read, its genguard:ignore comments are");
                }
            } catch (IOException e) {
                index.notes.add(relative + ": cannot be read (" + e.getMessage() + "); no provenance or suppressions from it");
            }
        }
        return index;
    }

    /** An index of sources given as text, for tests and tools. */
    public static SourceIndex of(Map<String, String> sources) {
        SourceIndex index = new SourceIndex();
        sources.forEach((file, text) -> index.files.put(file, JavaSource.parse(file, text)));
        return index;
    }

    static String read(Path file, Charset encoding) throws IOException {
        return encoding.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    public Optional<JavaSource> file(String relative) {
        return Optional.ofNullable(files.get(relative));
    }

    /** The files, sorted by path. */
    public Collection<JavaSource> files() {
        return files.values();
    }

    public int totalLines() {
        return files.values().stream().mapToInt(JavaSource::lineCount).sum();
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
