package dev.genguard.engine.governance.source;

import dev.genguard.engine.ReportedPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Java sources of a module, by path relative to the module's base directory. Every file is read once to count
 * its lines and to look for GenGuard markers; a file is parsed only when it is asked for (it has a marker, AI
 * lines from history, or a finding), because parsing every file would cost as much as PMD's whole run.
 */
public final class SourceIndex {

    /** Text that makes a file worth parsing up front: an AI tag, a review or a suppression. */
    private static final Pattern MARKER = Pattern.compile("AiGenerated|@ai-generated|genguard:", Pattern.CASE_INSENSITIVE);
    /**
     * Java's line terminators (JLS 3.4), as the parser and PMD count lines; not {@code \R}, which also breaks at
     * form feeds, U+0085, U+2028 and U+2029 and would shift every line after one.
     */
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private record Entry(Path path, int lines, boolean marked) {
    }

    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, JavaSource> parsed = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private final Charset encoding;
    private final List<String> notes = new ArrayList<>();

    private SourceIndex(Charset encoding) {
        this.encoding = encoding;
    }

    /**
     * Reads the files. A file that cannot be read adds a note; nothing throws. Bytes that are not valid in the
     * encoding become U+FFFD, as PMD reads them.
     */
    public static SourceIndex build(Path baseDir, List<Path> sourceFiles, Charset encoding) {
        SourceIndex index = new SourceIndex(encoding);
        for (Path file : sourceFiles) {
            String relative = ReportedPaths.relative(baseDir, file);
            try {
                String text = read(file, encoding);
                index.entries.put(relative, new Entry(file, countLines(text), MARKER.matcher(text).find()));
            } catch (IOException e) {
                index.notes.add(relative + ": cannot be read (" + e.getMessage() + "); no provenance or suppressions from it");
            }
        }
        return index;
    }

    /** An index of sources given as text, for tests and tools. */
    public static SourceIndex of(Map<String, String> sources) {
        SourceIndex index = new SourceIndex(java.nio.charset.StandardCharsets.UTF_8);
        sources.forEach((file, text) -> {
            index.entries.put(file, new Entry(null, countLines(text), MARKER.matcher(text).find()));
            index.texts.put(file, text);
        });
        return index;
    }

    static String read(Path file, Charset encoding) throws IOException {
        return encoding.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    /** Lines as wc -l and git count them: a final line break ends the last line, an empty file has none. */
    static int countLines(String text) {
        int breaks = (int) LINE_BREAK.matcher(text).results().count();
        boolean unterminated = !text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r");
        return breaks + (unterminated ? 1 : 0);
    }

    /** The parsed file, parsed now if it was not yet; empty for a file outside the index or unreadable now. */
    public Optional<JavaSource> file(String relative) {
        JavaSource source = parsed.get(relative);
        if (source != null) {
            return Optional.of(source);
        }
        Entry entry = entries.get(relative);
        if (entry == null) {
            return Optional.empty();
        }
        String text = texts.get(relative);
        try {
            source = JavaSource.parse(relative, text != null ? text : read(entry.path(), encoding));
        } catch (IOException e) {
            notes.add(relative + ": cannot be read (" + e.getMessage() + "); no provenance or suppressions from it");
            entries.remove(relative);
            return Optional.empty();
        }
        if (!source.parseError().isEmpty()) {
            notes.add(relative + ": does not parse (" + source.parseError() + "); its provenance annotations and "
                    + "@SuppressWarnings are not read, its genguard:ignore comments and git history are");
        }
        parsed.put(relative, source);
        return Optional.of(source);
    }

    /** The files' paths, sorted. */
    public Set<String> paths() {
        return entries.keySet();
    }

    /** True when the file's text has an AI tag, a review marker or a suppression. */
    public boolean marked(String relative) {
        Entry entry = entries.get(relative);
        return entry != null && entry.marked();
    }

    /** The parsed files with markers, sorted by path. */
    public List<JavaSource> markedFiles() {
        List<JavaSource> marked = new ArrayList<>();
        for (String path : List.copyOf(entries.keySet())) {
            if (marked(path)) {
                file(path).ifPresent(marked::add);
            }
        }
        return marked;
    }

    public int lineCount(String relative) {
        Entry entry = entries.get(relative);
        return entry == null ? 0 : entry.lines();
    }

    public int totalLines() {
        return entries.values().stream().mapToInt(Entry::lines).sum();
    }

    /** How many files were parsed so far. */
    public int parsedCount() {
        return parsed.size();
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
