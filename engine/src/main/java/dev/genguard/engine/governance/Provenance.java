package dev.genguard.engine.governance;

import dev.genguard.engine.AiCode;
import dev.genguard.engine.governance.source.JavaSource;
import dev.genguard.engine.governance.source.Member;
import dev.genguard.engine.governance.source.SourceIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Where a module's AI-written code lives: types and members tagged by an {@code AiGenerated} annotation or an
 * {@code @ai-generated} comment, and runs of lines whose last change comes from a commit with an AI trailer.
 * A tagged type covers its members; a region inside an already tagged one is not listed again.
 */
public final class Provenance implements AiCode {

    private static final Comparator<AiRegion> ORDER = Comparator.comparing(AiRegion::file)
            .thenComparingInt(AiRegion::beginLine).thenComparingInt(AiRegion::endLine)
            .thenComparing(r -> r.source().ordinal());

    private final List<AiRegion> regions;
    /** The regions of each file, sorted: regionAt is asked per finding and per sensitive call. */
    private final Map<String, List<AiRegion>> byFile = new HashMap<>();
    private final Map<String, BitSet> lines = new HashMap<>();

    private Provenance(List<AiRegion> regions) {
        this.regions = regions.stream().sorted(ORDER).toList();
        for (AiRegion r : this.regions) {
            lines.computeIfAbsent(r.file(), f -> new BitSet()).set(r.beginLine(), r.endLine() + 1);
            byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
        }
    }

    public static Provenance detect(SourceIndex index, LineHistory history) {
        List<AiRegion> regions = new ArrayList<>();
        for (String file : index.paths()) {
            SortedMap<Integer, LineHistory.Origin> aiLines = history.aiLines(file);
            if (aiLines.isEmpty() && !index.marked(file)) {
                continue;
            }
            Optional<JavaSource> source = index.file(file);
            if (source.isPresent()) {
                List<AiRegion> tagged = tagged(source.get());
                regions.addAll(tagged);
                regions.addAll(fromHistory(source.get(), aiLines, tagged));
            }
        }
        List<AiRegion> owned = new ArrayList<>(regions.size());
        for (AiRegion r : regions) {
            owned.add(r.owner().isEmpty()
                    ? r.withOwner(history.owner(r.file(), r.beginLine(), r.endLine()).orElse("")) : r);
        }
        return new Provenance(owned);
    }

    /** Regions of annotated or commented members, outermost only. */
    private static List<AiRegion> tagged(JavaSource source) {
        List<AiRegion> found = new ArrayList<>();
        for (Member m : source.members()) {
            AiTag tag = m.aiAnnotation() != null ? m.aiAnnotation() : m.aiComment();
            if (tag == null || found.stream().anyMatch(r -> r.beginLine() <= m.beginLine() && m.endLine() <= r.endLine())) {
                continue;
            }
            ProvenanceSource kind = m.aiAnnotation() != null ? ProvenanceSource.ANNOTATION : ProvenanceSource.COMMENT;
            if (m.aiAnnotation() != null && m.aiComment() != null) {
                tag = merge(m.aiAnnotation(), m.aiComment());
            }
            found.add(new AiRegion(source.file(), m.signature(), m.beginLine(), m.endLine(), kind, tag, "", "",
                    source.reviewCovering(m.beginLine(), m.endLine()).orElse(null)));
        }
        return found;
    }

    /**
     * Regions of lines from AI commits: runs of consecutive lines of one commit, each named after the innermost
     * member that contains the whole run (a new file is one region on its type; an edit inside a method, one on the
     * method). Lines outside any type (package, imports) and lines an annotation or comment already tags are left
     * out; in a file that does not parse, whose members are unknown, every AI line counts (the region names no
     * member).
     */
    private static List<AiRegion> fromHistory(JavaSource source, SortedMap<Integer, LineHistory.Origin> aiLines,
                                              List<AiRegion> tagged) {
        List<AiRegion> found = new ArrayList<>();
        int begin = -1;
        int end = -1;
        LineHistory.Origin origin = null;
        for (Map.Entry<Integer, LineHistory.Origin> e : aiLines.entrySet()) {
            int line = e.getKey();
            // Without a parse (JavaParser may reject what javac accepts) members are unknown: every AI line counts.
            boolean outsideMembers = source.parseError().isEmpty() && source.memberAt(line).isEmpty();
            if (outsideMembers || tagged.stream().anyMatch(r -> r.contains(source.file(), line))) {
                continue;
            }
            boolean continues = origin != null && line == end + 1 && e.getValue().commit().equals(origin.commit());
            if (!continues) {
                if (origin != null) {
                    found.add(trailerRegion(source, begin, end, origin));
                }
                begin = line;
                origin = e.getValue();
            }
            end = line;
        }
        if (origin != null) {
            found.add(trailerRegion(source, begin, end, origin));
        }
        return found;
    }

    private static AiRegion trailerRegion(JavaSource source, int begin, int end, LineHistory.Origin origin) {
        String member = source.membersAt(begin).stream().filter(m -> m.contains(end)).findFirst()
                .map(Member::signature).orElse("");
        return new AiRegion(source.file(), member, begin, end, ProvenanceSource.TRAILER, origin.tag(), origin.commit(),
                "", source.reviewCovering(begin, end).orElse(null));
    }

    private static AiTag merge(AiTag first, AiTag second) {
        return new AiTag(first.tool().isEmpty() ? second.tool() : first.tool(),
                first.model().isEmpty() ? second.model() : first.model(),
                first.prompt().isEmpty() ? second.prompt() : first.prompt(),
                first.promptLog().isEmpty() ? second.promptLog() : first.promptLog());
    }

    /** The regions, sorted by file and line. */
    public List<AiRegion> regions() {
        return regions;
    }

    /** The innermost region containing the line. */
    public Optional<AiRegion> regionAt(String file, int line) {
        return byFile.getOrDefault(file, List.of()).stream().filter(r -> r.contains(file, line))
                .min(Comparator.comparingInt(AiRegion::lines));
    }

    @Override
    public boolean contains(String file, int line) {
        BitSet set = lines.get(file);
        return set != null && line >= 0 && set.get(line);
    }

    @Override
    public Set<String> files() {
        return new TreeSet<>(lines.keySet());
    }

    /** AI-tagged lines of the file. */
    public int aiLines(String file) {
        BitSet set = lines.get(file);
        return set == null ? 0 : set.cardinality();
    }
}
