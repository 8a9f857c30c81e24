package dev.genguard.engine.governance.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The git history of a module's work tree as AI provenance needs it: which commits carry AI trailers (see
 * {@link Trailers} for the exact semantics), which lines of a file such a commit last changed, and who owns a
 * file.
 *
 * <p>Everything goes through JGit: no {@code git} process is spawned and nothing is fetched. Nothing here throws
 * on a missing, damaged, shallow or partial repository; what could not be read is said once in {@link #notes()}
 * and the answers are then empty, because provenance is advisory and must not fail a build.
 *
 * <p>The environment ({@code GIT_DIR}, {@code GIT_INDEX_FILE}, ...) is deliberately not read: the module's base
 * directory decides the repository, so a build run from a git hook (where git sets those variables to temporary
 * values) sees the same history as any other build.
 *
 * <p>Thread-safe (the public methods are synchronized), so that a parallel reactor may share one instance.
 *
 * <p>Limits: {@link #aiLines} decides from the paths the AI commits changed, compared with the file's current
 * path; JGit's blame follows a file back through a rename, but the filter does not, so the AI lines of a file
 * renamed after its AI commit are missed ({@link #blame} itself still attributes them). {@link #lastAuthor} orders
 * commits by author date, which a rebase keeps, so a rebased old change can lose to a newer one written earlier.
 */
public final class GitHistory implements AutoCloseable {

    /**
     * Which commit trailers mark AI assistance.
     *
     * @param trailers   trailer keys that may mark AI (case-insensitive)
     * @param assistants names of assistants, matched as whole words in trailer values; the tool is reported as
     *                   spelled here
     */
    public record Options(List<String> trailers, List<String> assistants) {

        public Options {
            trailers = trailers == null ? List.of() : List.copyOf(trailers);
            assistants = assistants == null ? List.of() : List.copyOf(assistants);
        }

        /**
         * Trailers AI-Assisted, Generated-by, Co-authored-by; the common assistants. "Cody" is only listed as
         * "Sourcegraph Cody": alone it is a common first name, and Co-authored-by also names humans.
         */
        public static Options defaults() {
            return new Options(List.of("AI-Assisted", "Generated-by", Trailers.CO_AUTHORED_BY),
                    List.of("Copilot", "ChatGPT", "Claude", "Gemini", "Cursor", "Codeium", "Tabnine", "Amazon Q",
                            "Devin", "aider", "OpenAI", "Codex", "Windsurf", "Sourcegraph Cody", "JetBrains AI"));
        }
    }

    /**
     * A commit as provenance needs it.
     *
     * @param id        the full commit id
     * @param author    the author's name
     * @param email     the author's e-mail
     * @param date      the author date, ISO-8601 in UTC to the second ({@code 2026-11-20T10:15:30Z})
     * @param ai        whether a trailer marks the commit as AI-assisted
     * @param tool      the assistant the trailer names, or the trailer's value as written; empty if not known
     * @param model     the value of a {@code Model:} trailer, or empty
     * @param promptLog the value of a {@code Prompt-Log:} trailer, or empty
     */
    public record Commit(String id, String author, String email, String date, boolean ai, String tool, String model,
                         String promptLog) {}

    /** Blame of one file. */
    public interface FileBlame {

        /**
         * The commit that last changed a line.
         *
         * @param line 1-based
         * @return null for lines not committed yet (working-tree or staged changes) and for lines outside the file
         */
        Commit commit(int line);

        int lineCount();
    }

    /** The places GitHub looks for CODEOWNERS, in its order; the first that exists is the only one read. */
    private static final List<String> CODEOWNERS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

    private final Path baseDir;
    private final Trailers trailers;
    /** Null when there is no readable repository; every answer is then empty. */
    private final Repository repository;
    /** The work tree root; null without a repository. */
    private final Path workTree;
    /** HEAD's commit; null without a repository or before the first commit. */
    private final ObjectId head;
    private final Set<String> notes = new LinkedHashSet<>();
    /** The notes about one file (a failed blame), with the file's repository path; the others are about the repository. */
    private final Map<String, String> fileNotes = new HashMap<>();

    /** Converted commits, by id: every commit is parsed once however many files and lines it touched. */
    private final Map<ObjectId, Commit> commits = new HashMap<>();
    private final Map<String, Optional<FileBlame>> blames = new HashMap<>();
    /** The AI commits reachable from HEAD; null until the history is walked. */
    private List<ObjectId> aiCommits;
    /** Paths (repo-relative) some AI commit changed; null until needed. */
    private Set<String> aiPaths;
    /** The AI commits' paths could not be read: every file is then blamed rather than none. */
    private boolean aiPathsUnknown;
    private CodeOwners codeOwners;
    private Path realWorkTree;
    private DirCache index;
    /** How many files were actually blamed, so tests can show that untouched files are skipped. */
    private int blameRuns;
    private boolean closed;

    private GitHistory(Path baseDir, Options options, Repository repository, Path workTree, ObjectId head) {
        this.baseDir = baseDir;
        this.trailers = new Trailers(options);
        this.repository = repository;
        this.workTree = workTree;
        this.head = head;
    }

    /**
     * Opens the repository whose work tree contains {@code baseDir}, searching upward as git does; a linked
     * worktree (whose {@code .git} is a file pointing into the main repository) works too.
     *
     * <p>Never throws: without a readable repository the history has no commits and one note saying why.
     */
    public static GitHistory open(Path baseDir, Options options) {
        ReadOnlyJGitConfig.install();
        Path base = baseDir.toAbsolutePath().normalize();
        Options opts = options == null ? Options.defaults() : options;
        Path top = workTreeRoot(base);
        if (top == null) {
            GitHistory none = new GitHistory(base, opts, null, null, null);
            none.note("no git repository at or above " + base + ": git trailers not read");
            return none;
        }
        Repository repository = null;
        try {
            // Given only the work tree, JGit reads its .git: a directory, or a "gitdir:" file whose target's
            // "commondir" leads to the shared objects and refs of the main repository (linked worktrees).
            repository = new FileRepositoryBuilder().setWorkTree(top.toFile()).setMustExist(true).build();
            ObjectId head = repository.resolve(Constants.HEAD);
            GitHistory history = new GitHistory(base, opts, repository, top, head);
            if (head == null) {
                history.note("git repository at " + top + " has no commits: git trailers not read");
            } else {
                history.noteShallow();
            }
            return history;
        } catch (IOException | RuntimeException e) {
            if (repository != null) {
                repository.close();
            }
            GitHistory broken = new GitHistory(base, opts, null, null, null);
            broken.note("git repository at " + top + " could not be read (" + reason(e) + "): git trailers not read");
            return broken;
        }
    }

    /**
     * The nearest directory at or above {@code dir} holding a {@code .git} directory or file, or null: the work tree
     * {@link #open} would read, so that callers can share one history among the modules of a repository.
     */
    public static Path workTreeRoot(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(Constants.DOT_GIT))) {
                return d;
            }
        }
        return null;
    }

    private void noteShallow() {
        Set<ObjectId> shallow;
        try {
            shallow = repository.getObjectDatabase().getShallowCommits();
        } catch (IOException | RuntimeException e) {
            // The history is still readable; only where it ends is unknown.
            note("the shallow file of " + workTree + " could not be read (" + reason(e) + ")");
            return;
        }
        if (shallow.isEmpty()) {
            return;
        }
        List<String> ids = shallow.stream().map(ObjectId::getName).sorted().toList();
        boolean one = ids.size() == 1;
        note("shallow clone: history before " + String.join(", ", ids) + " not read; lines older than "
                + (one ? "it are attributed to it" : "them are attributed to them"));
    }

    /** What could not be read, each said once, in the order found. */
    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * What could not be read that concerns the files under {@code dir} (absolute, or relative to the base
     * directory): every note about the repository (no repository, a shallow clone, an unreadable history), and the
     * notes about files under {@code dir}. A module sharing the history with others reports these, whichever module
     * happened to read the repository first.
     */
    public synchronized List<String> notes(Path dir) {
        String prefix = dirPrefix(dir);
        return notes.stream().filter(n -> {
            String file = fileNotes.get(n);
            return file == null || prefix != null && file.startsWith(prefix);
        }).toList();
    }

    /** The repository path of a directory with a trailing '/', "" for the work tree root, null outside it. */
    private String dirPrefix(Path dir) {
        if (workTree == null) {
            return null;
        }
        Path abs = baseDir.resolve(dir).toAbsolutePath().normalize();
        Path real = abs.equals(workTree) ? workTree : realPath(abs);
        if (abs.equals(workTree) || real != null && real.equals(realWorkTree())) {
            return "";
        }
        return repoPath(dir).map(p -> p + "/").orElse(null);
    }

    /** True when some commit reachable from HEAD carries an AI trailer. */
    public synchronized boolean hasAiCommits() {
        return !aiCommits().isEmpty();
    }

    /** The commits with AI trailers reachable from HEAD, newest first. */
    public synchronized List<Commit> aiCommitList() {
        return aiCommits().stream().map(commits::get).toList();
    }

    /**
     * Blame of a file, including uncommitted changes (their lines have a null commit), cached per file.
     *
     * @param file absolute, or relative to the base directory
     * @return empty when the file is not tracked, lies outside the work tree, there is no history, or JGit failed
     *         (then with a note naming the file)
     */
    public synchronized Optional<FileBlame> blame(Path file) {
        return repoPath(file).flatMap(this::blame);
    }

    /**
     * The lines of a file whose last change is an AI commit, with that commit, sorted by line. Files that no AI
     * commit touched are not blamed at all: the AI commits' changed paths decide that first.
     */
    public synchronized SortedMap<Integer, Commit> aiLines(Path file) {
        Optional<String> path = repoPath(file);
        if (path.isEmpty() || !touchedByAi(path.get())) {
            return Collections.emptySortedMap();
        }
        Optional<FileBlame> blame = blame(path.get());
        if (blame.isEmpty()) {
            return Collections.emptySortedMap();
        }
        SortedMap<Integer, Commit> lines = new TreeMap<>();
        FileBlame b = blame.get();
        for (int line = 1; line <= b.lineCount(); line++) {
            Commit c = b.commit(line);
            if (c != null && c.ai()) {
                lines.put(line, c);
            }
        }
        return Collections.unmodifiableSortedMap(lines);
    }

    /**
     * The code owner of a file from the first CODEOWNERS file of {@code .github/}, the work tree root and
     * {@code docs/} (GitHub's order); owners joined with " ".
     */
    public synchronized Optional<String> codeOwner(Path file) {
        return repoPath(file).flatMap(p -> codeOwners().owner(p));
    }

    /**
     * The author of the most recent commit (by author date) among lines {@code begin..end} of a file; empty without
     * history or when those lines are all uncommitted.
     */
    public synchronized Optional<String> lastAuthor(Path file, int begin, int end) {
        Optional<FileBlame> blame = blame(file);
        if (blame.isEmpty()) {
            return Optional.empty();
        }
        Commit latest = null;
        for (int line = Math.max(1, begin); line <= Math.min(end, blame.get().lineCount()); line++) {
            Commit c = blame.get().commit(line);
            // ISO-8601 UTC dates of one fixed width order as strings.
            if (c != null && (latest == null || c.date().compareTo(latest.date()) > 0)) {
                latest = c;
            }
        }
        return Optional.ofNullable(latest).map(Commit::author);
    }

    @Override
    public synchronized void close() {
        if (repository != null && !closed) {
            repository.close();
        }
        closed = true;
    }

    /** How many files were blamed so far (the cache and the AI-path filter avoid the rest). */
    synchronized int blameRuns() {
        return blameRuns;
    }

    /** The work tree root, or empty without a repository. */
    public Optional<Path> workTree() {
        return Optional.ofNullable(workTree);
    }

    // ---------------------------------------------------------------------------------------------------------

    private void note(String note) {
        notes.add(note);
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The file's path relative to the work tree root, '/'-separated; empty if outside it or inside .git. */
    private Optional<String> repoPath(Path file) {
        if (workTree == null) {
            return Optional.empty();
        }
        Path abs = baseDir.resolve(file).toAbsolutePath().normalize();
        Path root = workTree;
        if (!abs.startsWith(root)) {
            // The same file reached through a symbolic link (/tmp and /private/tmp on macOS).
            Path real = realPath(abs);
            root = realWorkTree();
            if (real == null || root == null || !real.startsWith(root)) {
                return Optional.empty();
            }
            abs = real;
        }
        Path rel = root.relativize(abs);
        if (rel.toString().isEmpty() || rel.getName(0).toString().equals(Constants.DOT_GIT)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        rel.forEach(n -> names.add(n.toString()));
        return Optional.of(String.join("/", names));
    }

    private Path realWorkTree() {
        if (realWorkTree == null) {
            realWorkTree = realPath(workTree);
        }
        return realWorkTree;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private Optional<FileBlame> blame(String path) {
        if (head == null || closed) {
            return Optional.empty();
        }
        Optional<FileBlame> cached = blames.get(path);
        if (cached == null) {
            cached = computeBlame(path);
            blames.put(path, cached);
        }
        return cached;
    }

    private Optional<FileBlame> computeBlame(String path) {
        try {
            // Untracked (not in the index) means no history at all, whatever the working tree holds; asking the
            // index first also spares the blame's setup for the many files a module has outside git.
            if (index().findEntry(path) < 0) {
                return Optional.empty();
            }
            blameRuns++;
            // No start commit: JGit blames HEAD, then the index, then the working-tree file, so uncommitted
            // lines come back without a source commit.
            BlameResult result = Git.wrap(repository).blame().setFilePath(path).call();
            if (result == null) {
                return Optional.empty();
            }
            int lines = result.getResultContents().size();
            Commit[] byLine = new Commit[lines];
            // The generator's walk need not keep commit messages, so trailers are read through a walk of our own.
            try (RevWalk walk = new RevWalk(repository)) {
                for (int i = 0; i < lines; i++) {
                    RevCommit source = result.getSourceCommit(i);
                    byLine[i] = source == null ? null : commit(walk, source);
                }
            }
            return Optional.of(new Blame(byLine));
        } catch (GitAPIException | IOException | RuntimeException e) {
            String note = "git blame of " + path + " failed (" + reason(e) + "): its lines are not attributed";
            note(note);
            fileNotes.putIfAbsent(note, path);
            return Optional.empty();
        }
    }

    private DirCache index() throws IOException {
        if (index == null) {
            index = repository.readDirCache();
        }
        return index;
    }

    private Commit commit(RevWalk walk, AnyObjectId id) throws IOException {
        Commit known = commits.get(id);
        if (known == null) {
            known = trailers.commit(walk.parseCommit(id));
            commits.put(id.copy(), known);
        }
        return known;
    }

    /** Walks the history from HEAD once, reading every commit's trailers (no diffs). */
    private List<ObjectId> aiCommits() {
        if (aiCommits != null) {
            return aiCommits;
        }
        List<ObjectId> found = new ArrayList<>();
        if (head != null && !closed) {
            try (RevWalk walk = new RevWalk(repository)) {
                walk.markStart(walk.parseCommit(head));
                for (RevCommit c : walk) {
                    Commit commit = trailers.commit(c);
                    if (commit.ai()) {
                        ObjectId id = c.copy();
                        found.add(id);
                        commits.put(id, commit);
                    }
                    // Keeping every message of a long history in the walk's pool costs memory for nothing.
                    c.disposeBody();
                }
            } catch (IOException | RuntimeException e) {
                // A damaged or partial history still says something: keep the AI commits found before the gap.
                note("git history from HEAD could not be read completely (" + reason(e)
                        + "): trailers of older commits not read");
            }
        }
        aiCommits = List.copyOf(found);
        return aiCommits;
    }

    /**
     * Whether an AI commit changed the path: against the first parent (a merge's whole incoming side counts, which
     * only means more files get blamed), all files of a root commit or of a shallow clone's boundary commit.
     */
    private boolean touchedByAi(String path) {
        if (aiPaths == null) {
            aiPaths = readAiPaths();
        }
        return aiPathsUnknown || aiPaths.contains(path);
    }

    private Set<String> readAiPaths() {
        Set<String> paths = new HashSet<>();
        List<ObjectId> ai = aiCommits();
        if (ai.isEmpty()) {
            return paths;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            for (ObjectId id : ai) {
                RevCommit c = walk.parseCommit(id);
                try (TreeWalk tree = new TreeWalk(repository)) {
                    tree.setRecursive(true);
                    if (c.getParentCount() > 0) {
                        tree.addTree(walk.parseCommit(c.getParent(0)).getTree());
                        tree.setFilter(TreeFilter.ANY_DIFF);
                    }
                    tree.addTree(c.getTree());
                    while (tree.next()) {
                        paths.add(tree.getPathString());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            note("paths changed by AI commits could not be read (" + reason(e) + "): every file is blamed");
            aiPathsUnknown = true;
        }
        return paths;
    }

    private CodeOwners codeOwners() {
        if (codeOwners == null) {
            codeOwners = CodeOwners.parse("");
            for (String candidate : CODEOWNERS) {
                Path file = workTree.resolve(candidate);
                if (Files.isRegularFile(file)) {
                    try {
                        codeOwners = CodeOwners.parse(Files.readString(file, StandardCharsets.UTF_8));
                    } catch (IOException | RuntimeException e) {
                        note(candidate + " could not be read (" + reason(e) + "): no code owners");
                    }
                    break;
                }
            }
        }
        return codeOwners;
    }

    /** A blame kept as one commit per line. */
    private static final class Blame implements FileBlame {

        private final Commit[] lines;

        Blame(Commit[] lines) {
            this.lines = lines;
        }

        @Override
        public Commit commit(int line) {
            return line >= 1 && line <= lines.length ? lines[line - 1] : null;
        }

        @Override
        public int lineCount() {
            return lines.length;
        }
    }

    @Override
    public String toString() {
        return "GitHistory[" + (workTree == null ? "no repository" : workTree.toString()) + "]";
    }
}
