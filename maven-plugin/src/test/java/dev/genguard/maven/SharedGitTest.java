package dev.genguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.governance.LineHistory;
import dev.genguard.engine.governance.git.GitHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One git history shared by the modules of a build, as {@code mvn -T 2} runs them. */
class SharedGitTest {

    @TempDir
    Path repo;

    private MavenProject alpha;
    private MavenProject beta;
    private SharedGit shared;
    private RevCommit ai;

    @BeforeEach
    void repository() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("alpha/src/A.java", "class A {\n}\n");
            write("beta/src/B.java", "class B {\n}\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Start").setSign(false).call();
            write("alpha/src/A.java", "class A {\n    int x;\n}\n");
            write("beta/src/B.java", "class B {\n    int y;\n}\n");
            git.add().addFilepattern(".").call();
            ai = git.commit().setMessage("Fields\n\nAI-Assisted: Copilot").setSign(false).call();
        }
        alpha = project("alpha");
        beta = project("beta");
        MavenSession session = new MavenSession(null, new DefaultMavenExecutionRequest(),
                new DefaultMavenExecutionResult(), List.of(alpha, beta));
        shared = SharedGit.of(session);
    }

    @Test
    void theLastModuleToFinishOneGoalDoesNotCloseTheHistoryAnotherGoalIsUsing() {
        // mvn -T 2 verify genguard:inventory: alpha has finished check and runs inventory while beta's check ends.
        shared.history(alpha.getBasedir().toPath(), GitHistory.Options.defaults());
        shared.finished("check", alpha);
        LineHistory alphaInventory = shared.history(alpha.getBasedir().toPath(), GitHistory.Options.defaults());
        LineHistory betaCheck = shared.history(beta.getBasedir().toPath(), GitHistory.Options.defaults());
        assertThat(betaCheck.aiLines("src/B.java")).containsOnlyKeys(2);
        shared.finished("check", beta);
        // alpha's inventory is still running: its AI lines must not vanish.
        assertThat(alphaInventory.aiLines("src/A.java")).containsOnlyKeys(2);
        assertThat(alphaInventory.owner("src/A.java", 2, 2)).isPresent();
        shared.finished("genguard:inventory", alpha);
    }

    @Test
    void everyModuleSaysWhatCouldNotBeReadOfTheRepositoryWhicheverOpenedItFirst() throws IOException {
        // A shallow clone: each module's reports must say that its history is cut, not only the first module's
        // (which one is first depends on scheduling with -T, so the reports would differ from run to run).
        Files.writeString(repo.resolve(".git/shallow"), ai.getName() + "\n");
        LineHistory first = shared.history(beta.getBasedir().toPath(), GitHistory.Options.defaults());
        LineHistory second = shared.history(alpha.getBasedir().toPath(), GitHistory.Options.defaults());
        first.aiLines("src/B.java");
        second.aiLines("src/A.java");
        assertThat(first.notes()).anyMatch(n -> n.startsWith("shallow clone"));
        assertThat(second.notes()).isEqualTo(first.notes());
        shared.finished("check", alpha);
        shared.finished("check", beta);
    }

    private void write(String file, String text) throws IOException {
        Path p = repo.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private MavenProject project(String name) {
        MavenProject p = new MavenProject();
        p.setGroupId("g");
        p.setArtifactId(name);
        p.setVersion("1");
        p.setFile(repo.resolve(name).resolve("pom.xml").toFile());
        return p;
    }
}
