package dev.genguard.engine.governance.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.governance.git.GitHistory.Commit;
import dev.genguard.engine.governance.git.GitHistory.FileBlame;
import dev.genguard.engine.governance.git.GitHistory.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {

    private static final Instant DAY0 = Instant.parse("2026-11-20T10:15:30Z");
    private static final String SIX_LINES = "l1\nl2\nl3\nl4\nl5\nl6\n";

    @TempDir
    Path tmp;

    // --- trailers ----------------------------------------------------------------------------------------------

    private final Trailers trailers = new Trailers(Options.defaults());

    private Trailers.Provenance read(String trailerLines) {
        return trailers.read("Subject line\n\nSome body.\n\n" + trailerLines + "\n");
    }

    @Test
    void eachDefaultTrailerNamingAnAssistantMarksAi() {
        assertThat(read("AI-Assisted: Cursor")).isEqualTo(new Trailers.Provenance(true, "Cursor", "", ""));
        assertThat(read("Generated-by: Claude 3.5 Sonnet").tool()).isEqualTo("Claude");
        assertThat(read("Co-authored-by: GitHub Copilot <copilot@github.com>").tool()).isEqualTo("Copilot");
        assertThat(read("co-authored-by: devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>").tool())
                .isEqualTo("Devin");
        assertThat(read("Generated-by: amazon   q developer").tool()).isEqualTo("Amazon Q");
        assertThat(read("GENERATED-BY: chatgpt (OpenAI)").tool()).isEqualTo("ChatGPT");
    }

    @Test
    void assistantNamesMatchWholeWordsOnly() {
        // "Claudette" is not Claude, and Co-authored-by without an assistant is a human co-author.
        assertThat(read("Co-authored-by: Claudette Colvin <cc@example.com>").ai()).isFalse();
        assertThat(read("Co-authored-by: Jane Doe <jane@x>").ai()).isFalse();
        // Any other AI trailer without a known assistant reports its value as the tool.
        assertThat(read("Generated-by: Claudette")).isEqualTo(new Trailers.Provenance(true, "Claudette", "", ""));
    }

    @Test
    void unknownToolIsTakenAsWrittenAndAffirmativesLeaveItEmpty() {
        assertThat(read("Generated-by: acme-codegen")).isEqualTo(new Trailers.Provenance(true, "acme-codegen", "", ""));
        assertThat(read("Generated-by: acme codegen 2.1 <bot@acme.example>").tool()).isEqualTo("acme codegen 2.1");
        assertThat(read("AI-Assisted: yes")).isEqualTo(new Trailers.Provenance(true, "", "", ""));
        assertThat(read("ai-assisted: TRUE").ai()).isTrue();
    }

    @Test
    void negativeValuesDoNotMarkAi() {
        for (String negative : new String[] {"no", "false", "None", "n/a", "0"}) {
            assertThat(read("AI-Assisted: " + negative).ai()).as(negative).isFalse();
            assertThat(read("Generated-by: " + negative).ai()).as(negative).isFalse();
        }
        // A negative with a remark is still a negative, not a tool named "No".
        for (String negative : new String[] {"No, written by hand", "no (reviewed manually)", "None.", "false; see PR"}) {
            assertThat(read("AI-Assisted: " + negative).ai()).as(negative).isFalse();
        }
    }

    @Test
    void modelAndPromptLogAreRead() {
        Trailers.Provenance p = read("""
                AI-Assisted: yes
                Co-authored-by: Claude <noreply@anthropic.com>
                Model: claude-sonnet-4
                Prompt-Log: https://prompts.example/42""");
        // The trailer naming an assistant wins over the bare "yes".
        assertThat(p).isEqualTo(new Trailers.Provenance(true, "Claude", "claude-sonnet-4", "https://prompts.example/42"));
        assertThat(read("model: gpt-4o\nprompt-log: PL-1")).isEqualTo(new Trailers.Provenance(false, "", "gpt-4o", "PL-1"));
    }

    @Test
    void onlyTheLastParagraphHoldsTrailersAndOnlyConfiguredKeysCount() {
        assertThat(trailers.read("Subject\n\nAI-Assisted: Copilot\n\nSigned-off-by: A <a@x>\n").ai()).isFalse();
        assertThat(read("Reviewed-by: Copilot").ai()).isFalse();
        Trailers custom = new Trailers(new Options(List.of("Assisted-by"), List.of("Copilot")));
        assertThat(custom.read("S\n\nAssisted-by: copilot").tool()).isEqualTo("Copilot");
        assertThat(custom.read("S\n\nGenerated-by: Copilot").ai()).isFalse();
    }

    // --- blame and AI lines -------------------------------------------------------------------------------------

    @Test
    void aiLinesAreTheLinesWhoseLastChangeIsAnAiCommit() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Alice", 0, "Add A", Map.of("A.java", SIX_LINES));
            RevCommit ai = commit(git, "Bob", 1, """
                    Rework A

                    Generated-by: Claude 3.5 Sonnet
                    Model: claude-3-5-sonnet
                    Prompt-Log: https://prompts.example/7""", Map.of("A.java", "l1\nl2\nAI3\nAI4\nl5\nl6\n"));
            commit(git, "Carol", 2, "Restore line 4", Map.of("A.java", "l1\nl2\nAI3\nl4\nl5\nl6\n"));

            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                assertThat(history.notes()).isEmpty();
                assertThat(history.hasAiCommits()).isTrue();
                SortedMap<Integer, Commit> lines = history.aiLines(repo.resolve("A.java"));
                assertThat(lines).containsOnlyKeys(3);
                Commit c = lines.get(3);
                assertThat(c).isEqualTo(new Commit(ai.getName(), "Bob", "bob@example.com", "2026-11-21T10:15:30Z", true,
                        "Claude", "claude-3-5-sonnet", "https://prompts.example/7"));

                FileBlame blame = history.blame(Path.of("A.java")).orElseThrow();
                assertThat(blame.lineCount()).isEqualTo(6);
                assertThat(blame.commit(1).author()).isEqualTo("Alice");
                assertThat(blame.commit(1).ai()).isFalse();
                assertThat(blame.commit(4).author()).isEqualTo("Carol");
                assertThat(blame.commit(7)).isNull();
                assertThat(blame.commit(0)).isNull();
            }
        }
    }

    @Test
    void authorDateIsReportedInUtc() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            PersonIdent plus2 = new PersonIdent("Zoe", "zoe@example.com", DAY0, ZoneOffset.ofHours(2));
            Files.writeString(repo.resolve("Z.txt"), "z\n");
            git.add().addFilepattern("Z.txt").call();
            git.commit().setMessage("z").setAuthor(plus2).setCommitter(plus2).setSign(false).call();
            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                assertThat(history.blame(Path.of("Z.txt")).orElseThrow().commit(1).date()).isEqualTo("2026-11-20T10:15:30Z");
            }
        }
    }

    @Test
    void uncommittedLinesHaveNoCommitAndAreNotAi() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Alice", 0, "Add A", Map.of("A.java", SIX_LINES));
            commit(git, "Bob", 1, "AI\n\nAI-Assisted: Copilot", Map.of("A.java", "l1\nl2\nAI3\nAI4\nl5\nl6\n"));
            Files.writeString(repo.resolve("A.java"), "l1\nl2\nmine\nAI4\nl5\nl6\n");

            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                FileBlame blame = history.blame(repo.resolve("A.java")).orElseThrow();
                assertThat(blame.commit(3)).isNull();
                assertThat(blame.commit(4).tool()).isEqualTo("Copilot");
                assertThat(history.aiLines(Path.of("A.java"))).containsOnlyKeys(4);
                assertThat(history.lastAuthor(Path.of("A.java"), 3, 3)).isEmpty();
            }
        }
    }

    @Test
    void aStagedNewFileIsTrackedButHasNoCommits() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Bob", 0, "AI\n\nAI-Assisted: Copilot", Map.of("A.java", "a\n"));
            Files.writeString(repo.resolve("New.java"), "n1\nn2\n");
            git.add().addFilepattern("New.java").call();
            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                FileBlame blame = history.blame(Path.of("New.java")).orElseThrow();
                assertThat(blame.lineCount()).isEqualTo(2);
                assertThat(blame.commit(1)).isNull();
                assertThat(blame.commit(2)).isNull();
                assertThat(history.aiLines(Path.of("New.java"))).isEmpty();
                assertThat(history.lastAuthor(Path.of("New.java"), 1, 2)).isEmpty();
            }
        }
    }

    @Test
    void filesNoAiCommitTouchedAreNeverBlamed() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Alice", 0, "Add", Map.of("A.java", SIX_LINES, "B.java", SIX_LINES));
            commit(git, "Bob", 1, "AI\n\nAI-Assisted: Copilot", Map.of("A.java", "l1\nAI\n"));
            commit(git, "Carol", 2, "Human\n\nCo-authored-by: Dan <dan@example.com>", Map.of("B.java", "b\n"));

            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                assertThat(history.aiLines(Path.of("B.java"))).isEmpty();
                assertThat(history.blameRuns()).isZero();
                assertThat(history.aiLines(Path.of("A.java"))).containsOnlyKeys(2);
                assertThat(history.aiLines(Path.of("A.java"))).containsOnlyKeys(2);
                assertThat(history.blameRuns()).as("cached per file").isEqualTo(1);
                // blame itself still works for the file the filter skipped
                assertThat(history.blame(Path.of("B.java")).orElseThrow().commit(1).author()).isEqualTo("Carol");
            }
        }
    }

    @Test
    void aRootAiCommitTouchesAllItsFiles() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Bob", 0, "Scaffold\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>",
                    Map.of("A.java", "a1\na2\n", "docs/B.md", "b1\n"));
            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                assertThat(history.aiLines(Path.of("A.java"))).containsOnlyKeys(1, 2);
                assertThat(history.aiLines(Path.of("docs/B.md")).get(1).tool()).isEqualTo("Copilot");
            }
        }
    }

    @Test
    void untrackedFilesAndFilesOutsideTheWorkTreeHaveNoBlame() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Alice", 0, "Add", Map.of("A.java", SIX_LINES));
            Files.writeString(repo.resolve("Untracked.java"), "u\n");
            Path outside = Files.writeString(tmp.resolve("Outside.java"), "o\n");
            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                assertThat(history.blame(Path.of("Untracked.java"))).isEmpty();
                assertThat(history.blame(outside)).isEmpty();
                assertThat(history.blame(Path.of("../Outside.java"))).isEmpty();
                assertThat(history.blame(Path.of(".git/HEAD"))).isEmpty();
                assertThat(history.blame(Path.of("Missing.java"))).isEmpty();
                assertThat(history.notes()).isEmpty();
                assertThat(history.blame(Path.of("A.java"))).isPresent();
                assertThat(history.blameRuns()).as("only the tracked file was blamed").isEqualTo(1);
            }
        }
    }

    @Test
    void aBlameFailureIsOneNoteNamingTheFile() throws Exception {
        Path repo = tmp.resolve("repo");
        ObjectId blob;
        try (Git git = init(repo)) {
            RevCommit c = commit(git, "Alice", 0, "Add", Map.of("A.java", SIX_LINES));
            try (TreeWalk walk = TreeWalk.forPath(git.getRepository(), "A.java", c.getTree())) {
                blob = walk.getObjectId(0);
            }
        }
        // A missing blob, as in a damaged or partial clone.
        String name = blob.getName();
        Files.delete(repo.resolve(".git/objects").resolve(name.substring(0, 2)).resolve(name.substring(2)));
        try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
            assertThat(history.blame(Path.of("A.java"))).isEmpty();
            assertThat(history.blame(Path.of("A.java"))).isEmpty();
            assertThat(history.notes()).hasSize(1);
            assertThat(history.notes().get(0)).startsWith("git blame of A.java failed (");
        }
    }

    // --- repositories -------------------------------------------------------------------------------------------

    @Test
    void withoutRepositoryEverythingIsEmptyWithOneNote() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain/module"));
        Files.writeString(dir.resolve("A.java"), "a\n");
        try (GitHistory history = GitHistory.open(dir, Options.defaults())) {
            assertThat(history.notes()).containsExactly("no git repository at or above " + dir + ": git trailers not read");
            assertThat(history.hasAiCommits()).isFalse();
            assertThat(history.blame(Path.of("A.java"))).isEmpty();
            assertThat(history.aiLines(Path.of("A.java"))).isEmpty();
            assertThat(history.codeOwner(Path.of("A.java"))).isEmpty();
            assertThat(history.lastAuthor(Path.of("A.java"), 1, 1)).isEmpty();
            assertThat(history.workTree()).isEmpty();
            assertThat(history.notes()).hasSize(1);
        }
    }

    @Test
    void unbornHeadSaysNoCommits() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            Files.writeString(repo.resolve("A.java"), "a\n");
            git.add().addFilepattern("A.java").call();
        }
        try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
            assertThat(history.notes()).containsExactly("git repository at " + repo + " has no commits: git trailers not read");
            assertThat(history.hasAiCommits()).isFalse();
            assertThat(history.blame(Path.of("A.java"))).isEmpty();
        }
    }

    @Test
    void anUnreadableRepositoryIsANoteNotAnException() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve(".git"), "gitdir: " + tmp.resolve("nowhere") + "\n");
        try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
            assertThat(history.notes()).singleElement().asString()
                    .startsWith("git repository at " + repo + " could not be read (")
                    .endsWith("): git trailers not read");
            assertThat(history.hasAiCommits()).isFalse();
        }
    }

    @Test
    void detachedHeadReadsTheHistoryOfTheCheckedOutCommit() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            RevCommit human = commit(git, "Alice", 0, "Add", Map.of("A.java", SIX_LINES));
            commit(git, "Bob", 1, "AI\n\nAI-Assisted: Copilot", Map.of("A.java", "ai\n"));
            git.checkout().setName(human.getName()).call();
            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                assertThat(history.notes()).isEmpty();
                assertThat(history.hasAiCommits()).isFalse();
                assertThat(history.blame(Path.of("A.java")).orElseThrow().commit(1).id()).isEqualTo(human.getName());
            }
        }
    }

    @Test
    void moduleInASubdirectoryResolvesPathsAgainstItsBaseDir() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Alice", 0, "Add", Map.of(
                    "mod/src/main/java/A.java", SIX_LINES,
                    "mod/README.md", "readme\n",
                    "other/B.java", SIX_LINES,
                    ".github/CODEOWNERS", "* @all\n/mod/src/ @mod-team\n*.md @docs\n",
                    "CODEOWNERS", "* @root-file-is-shadowed\n"));
            commit(git, "Bob", 1, "AI\n\nAI-Assisted: Gemini", Map.of("mod/src/main/java/A.java", "l1\nAI\n"));

            Path module = repo.resolve("mod");
            try (GitHistory history = GitHistory.open(module, Options.defaults())) {
                assertThat(history.workTree()).contains(repo);
                assertThat(history.aiLines(Path.of("src/main/java/A.java"))).containsOnlyKeys(2);
                assertThat(history.aiLines(module.resolve("src/main/java/A.java")).get(2).tool()).isEqualTo("Gemini");
                // relative to the base dir, not to the work tree root
                assertThat(history.blame(Path.of("mod/src/main/java/A.java"))).isEmpty();
                assertThat(history.blame(Path.of("../other/B.java"))).isPresent();
                // .github/CODEOWNERS comes first, as on GitHub
                assertThat(history.codeOwner(Path.of("src/main/java/A.java"))).contains("@mod-team");
                assertThat(history.codeOwner(Path.of("README.md"))).contains("@docs");
                assertThat(history.codeOwner(Path.of("../other/B.java"))).contains("@all");
            }
        }
    }

    @Test
    void codeOwnersAtTheRootThenInDocs() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Alice", 0, "Add", Map.of("A.java", "a\n", "docs/CODEOWNERS", "* @docs-file\n"));
            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                assertThat(history.codeOwner(Path.of("A.java"))).contains("@docs-file");
            }
            Files.writeString(repo.resolve("CODEOWNERS"), "*.java @root-file\n");
            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                assertThat(history.codeOwner(Path.of("A.java"))).contains("@root-file");
                assertThat(history.codeOwner(Path.of("B.txt"))).as("the docs file is not read").isEmpty();
            }
        }
    }

    @Test
    void lastAuthorIsTheAuthorOfTheMostRecentCommitAmongTheLines() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Alice", 0, "Add", Map.of("A.java", SIX_LINES));
            commit(git, "Bob", 1, "AI\n\nAI-Assisted: Copilot", Map.of("A.java", "l1\nl2\nAI3\nAI4\nl5\nl6\n"));
            commit(git, "Carol", 2, "Fix", Map.of("A.java", "l1\nl2\nAI3\nl4\nl5\nl6\n"));
            try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
                Path a = Path.of("A.java");
                assertThat(history.lastAuthor(a, 1, 2)).contains("Alice");
                assertThat(history.lastAuthor(a, 1, 3)).contains("Bob");
                assertThat(history.lastAuthor(a, 3, 4)).contains("Carol");
                assertThat(history.lastAuthor(a, 0, 100)).contains("Carol");
                assertThat(history.lastAuthor(a, 50, 60)).isEmpty();
                assertThat(history.lastAuthor(Path.of("Nope.java"), 1, 1)).isEmpty();
            }
        }
    }

    @Test
    void shallowCloneIsNotedAndOlderLinesGoToTheBoundaryCommit() throws Exception {
        Path repo = tmp.resolve("repo");
        RevCommit boundary;
        RevCommit ai;
        try (Git git = init(repo)) {
            commit(git, "Alice", 0, "Add", Map.of("A.java", SIX_LINES));
            boundary = commit(git, "Carol", 1, "Touch line 6", Map.of("A.java", "l1\nl2\nl3\nl4\nl5\nC6\n"));
            ai = commit(git, "Bob", 2, "AI\n\nAI-Assisted: Cursor", Map.of("A.java", "l1\nl2\nAI3\nl4\nl5\nC6\n"));
        }
        // What "git clone --depth 2" leaves: the boundary commit's parents are cut off.
        Files.writeString(repo.resolve(".git/shallow"), boundary.getName() + "\n");
        try (GitHistory history = GitHistory.open(repo, Options.defaults())) {
            assertThat(history.notes()).containsExactly("shallow clone: history before " + boundary.getName()
                    + " not read; lines older than it are attributed to it");
            FileBlame blame = history.blame(Path.of("A.java")).orElseThrow();
            assertThat(blame.commit(1).id()).isEqualTo(boundary.getName());
            assertThat(blame.commit(3).id()).isEqualTo(ai.getName());
            assertThat(history.aiLines(Path.of("A.java"))).containsOnlyKeys(3);
            assertThat(history.notes()).hasSize(1);
        }
    }

    /**
     * JGit 7.8 cannot create linked worktrees (there is no worktree command), but it reads them: the test writes
     * what "git worktree add --detach" writes, then lets JGit check the files out into the new work tree.
     */
    @Test
    void linkedWorktreeIsReadThroughItsGitFile() throws Exception {
        Path main = tmp.resolve("main");
        RevCommit ai;
        try (Git git = init(main)) {
            commit(git, "Alice", 0, "Add", Map.of("app/A.java", SIX_LINES));
            ai = commit(git, "Bob", 1, "AI\n\nCo-authored-by: aider (gpt-4o) <noreply@aider.chat>",
                    Map.of("app/A.java", "l1\nAI2\nl3\nl4\nl5\nl6\n"));
        }
        Path linked = Files.createDirectories(tmp.resolve("linked"));
        Path admin = Files.createDirectories(main.resolve(".git/worktrees/linked"));
        Files.writeString(admin.resolve("HEAD"), ai.getName() + "\n");
        Files.writeString(admin.resolve("commondir"), "../..\n");
        Files.writeString(admin.resolve("gitdir"), linked.resolve(".git") + "\n");
        Files.writeString(linked.resolve(".git"), "gitdir: " + admin + "\n");
        try (Repository wt = new FileRepositoryBuilder().setWorkTree(linked.toFile()).setMustExist(true).build();
             Git git = new Git(wt)) {
            git.reset().setMode(ResetType.HARD).setRef(ai.getName()).call();
        }
        assertThat(Files.readString(linked.resolve("app/A.java"))).isEqualTo("l1\nAI2\nl3\nl4\nl5\nl6\n");

        try (GitHistory history = GitHistory.open(linked.resolve("app"), Options.defaults())) {
            assertThat(history.notes()).isEmpty();
            assertThat(history.workTree()).contains(linked);
            assertThat(history.hasAiCommits()).isTrue();
            SortedMap<Integer, Commit> lines = history.aiLines(Path.of("A.java"));
            assertThat(lines).containsOnlyKeys(2);
            assertThat(lines.get(2).tool()).isEqualTo("aider");
        }
    }

    @Test
    void closeIsIdempotentAndAnswersAreEmptyAfterwards() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "Alice", 0, "Add", Map.of("A.java", "a\n"));
        }
        GitHistory history = GitHistory.open(repo, Options.defaults());
        history.close();
        history.close();
        assertThat(history.blame(Path.of("A.java"))).isEmpty();
    }

    @Test
    void notesOfADirectoryAreTheRepositorysAndThoseOfItsFiles() throws Exception {
        Path repo = tmp.resolve("notes");
        try (Git git = init(repo)) {
            RevCommit first = commit(git, "Alice", 0, "Add", Map.of("alpha/A.java", SIX_LINES, "beta/B.java", SIX_LINES));
            Files.writeString(repo.resolve(".git/shallow"), first.getName() + "\n");
            try (GitHistory history = GitHistory.open(repo.resolve("alpha"), Options.defaults())) {
                assertThat(history.notes(repo.resolve("beta"))).singleElement().asString().startsWith("shallow clone");
                assertThat(history.notes(repo)).isEqualTo(history.notes());
                assertThat(history.notes(tmp)).singleElement().asString().startsWith("shallow clone");
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static Git init(Path dir) throws GitAPIException {
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    /** Writes the files and commits them as {@code author} on {@code day} days after DAY0, at a fixed time. */
    private static RevCommit commit(Git git, String author, int day, String message, Map<String, String> files)
            throws IOException, GitAPIException {
        Path root = git.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> f : new LinkedHashMap<>(files).entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            git.add().addFilepattern(f.getKey()).call();
        }
        PersonIdent who = new PersonIdent(author, author.toLowerCase() + "@example.com",
                DAY0.plus(day, ChronoUnit.DAYS), ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }
}
