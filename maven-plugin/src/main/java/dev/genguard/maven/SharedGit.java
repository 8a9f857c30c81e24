package dev.genguard.maven;

import dev.genguard.engine.governance.LineHistory;
import dev.genguard.engine.governance.git.GitHistory;
import dev.genguard.engine.governance.git.GitLineHistory;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * One git history per repository and build, shared by the modules of a reactor: the walk over every commit's
 * trailers is done once, not once per module (0.6 s for spring-framework's 35,000 commits; a monorepo has more
 * history and more modules). {@link GitHistory} is thread-safe, so parallel modules ({@code -T}) share it too. The
 * histories are closed when every module of the build has finished the goal; a build that stops early leaves them
 * to the garbage collector.
 */
final class SharedGit {

    private static final Map<MavenExecutionRequest, SharedGit> BUILDS = Collections.synchronizedMap(new WeakHashMap<>());

    private record Key(Path workTree, GitHistory.Options options) {
    }

    private final Map<Key, GitHistory> open = new HashMap<>();
    private final Map<String, Set<String>> finished = new HashMap<>();
    private final Set<String> projects = new HashSet<>();
    /**
     * The base directories of the modules whose goal holds a history now (a module runs its goals one after the
     * other, so one lease each). A goal that every module has finished closes the histories only when no module
     * of another goal ({@code mvn -T 2 verify genguard:inventory}) still reads them.
     */
    private final Set<Path> leases = new HashSet<>();
    private boolean closeWhenReleased;

    private SharedGit(List<MavenProject> all) {
        all.forEach(p -> projects.add(p.getId()));
    }

    static SharedGit of(MavenSession session) {
        return BUILDS.computeIfAbsent(session.getRequest(), r -> new SharedGit(session.getProjects()));
    }

    /** The history of the repository holding {@code baseDir}, opened by the first module that asks. */
    synchronized LineHistory history(Path baseDir, GitHistory.Options options) {
        leases.add(baseDir.toAbsolutePath().normalize());
        Path root = GitHistory.workTreeRoot(baseDir.toAbsolutePath().normalize());
        if (root == null) {
            // Nothing to share: the history says once that there is no repository.
            return new GitLineHistory(GitHistory.open(baseDir, options), baseDir);
        }
        Key key = new Key(root, options);
        GitHistory shared = open.get(key);
        if (shared == null) {
            shared = GitHistory.open(baseDir, options);
            open.put(key, shared);
        }
        return new GitLineHistory(shared, baseDir);
    }

    /**
     * Records that a module finished {@code goal}; after the last module, closes the histories as soon as no module
     * still uses them (a module of another goal may; a later goal opens them again).
     */
    synchronized void finished(String goal, MavenProject project) {
        leases.remove(project.getBasedir().toPath().toAbsolutePath().normalize());
        Set<String> done = finished.computeIfAbsent(goal, g -> new HashSet<>());
        done.add(project.getId());
        if (done.containsAll(projects)) {
            finished.remove(goal);
            closeWhenReleased = true;
        }
        if (closeWhenReleased && leases.isEmpty()) {
            open.values().forEach(GitHistory::close);
            open.clear();
            closeWhenReleased = false;
        }
    }
}
