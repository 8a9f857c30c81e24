package dev.genguard.engine.governance.git;

import dev.genguard.engine.governance.AiTag;
import dev.genguard.engine.governance.LineHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A module's files, relative to its base directory, as git history sees them. Several modules of one repository
 * may share a {@link GitHistory}; each reports the notes about the repository and about its own files, so that its
 * reports do not depend on which module read the repository first ({@code mvn -T}).
 */
public final class GitLineHistory implements LineHistory {

    private final GitHistory git;
    private final Path baseDir;

    public GitLineHistory(GitHistory git, Path baseDir) {
        this.git = git;
        this.baseDir = baseDir;
    }

    @Override
    public SortedMap<Integer, Origin> aiLines(String file) {
        SortedMap<Integer, Origin> lines = new TreeMap<>();
        for (Map.Entry<Integer, GitHistory.Commit> e : git.aiLines(baseDir.resolve(file)).entrySet()) {
            GitHistory.Commit c = e.getValue();
            lines.put(e.getKey(), new Origin(c.id(), new AiTag(c.tool(), c.model(), "", c.promptLog())));
        }
        return lines;
    }

    @Override
    public Optional<String> owner(String file, int beginLine, int endLine) {
        Path path = baseDir.resolve(file);
        return git.codeOwner(path).or(() -> git.lastAuthor(path, beginLine, endLine));
    }

    @Override
    public List<String> notes() {
        return git.notes(baseDir);
    }
}
