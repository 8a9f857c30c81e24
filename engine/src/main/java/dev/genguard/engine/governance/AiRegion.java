package dev.genguard.engine.governance;

/**
 * One AI-written region of a file: a tagged type or member, or a run of lines from an AI commit.
 *
 * @param file      the file, relative to the module base directory, '/'-separated
 * @param member    the enclosing type or member ({@code Type#method(Params)}), or empty for lines outside one
 * @param beginLine first line (1-based)
 * @param endLine   last line
 * @param source    how the region was found
 * @param tag       tool, model, prompt and prompt log as far as known
 * @param commit    the AI commit (trailer regions), else empty
 * @param owner     CODEOWNERS owner or the last author of the region, else empty
 * @param review    the review marker covering the region, or null when unreviewed
 */
public record AiRegion(String file, String member, int beginLine, int endLine, ProvenanceSource source, AiTag tag,
                       String commit, String owner, Review review) {

    public AiRegion {
        member = member == null ? "" : member;
        tag = tag == null ? AiTag.UNKNOWN : tag;
        commit = commit == null ? "" : commit;
        owner = owner == null ? "" : owner;
        endLine = Math.max(beginLine, endLine);
    }

    public boolean contains(String otherFile, int line) {
        return file.equals(otherFile) && line >= beginLine && line <= endLine;
    }

    public boolean reviewed() {
        return review != null;
    }

    public int lines() {
        return endLine - beginLine + 1;
    }

    public AiRegion withOwner(String newOwner) {
        return new AiRegion(file, member, beginLine, endLine, source, tag, commit, newOwner, review);
    }
}
