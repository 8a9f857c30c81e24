import dev.genguard.engine.EngineResult;
import dev.genguard.engine.SourceFilter;
import dev.genguard.engine.governance.Provenance;
import dev.genguard.engine.governance.Suppression;
import dev.genguard.engine.governance.git.GitHistory;
import dev.genguard.engine.governance.git.GitLineHistory;
import dev.genguard.engine.governance.source.JavaSource;
import dev.genguard.engine.governance.source.SourceIndex;
import dev.genguard.engine.pmd.PmdRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cost and the precision of governance's source and history reading on a real repository: the history walk
 * for AI trailers, the source index (JavaParser) and provenance (blame of AI-touched files), each timed against
 * the PMD default-profile run over the same sources (the engine's own baseline). Prints every AI commit found, for
 * review: on a repository without AI assistance each one is a false positive.
 *
 * Usage: java -cp ... bench/GovernanceBench.java WORK_TREE SOURCE_ROOT... (source roots relative to WORK_TREE)
 */
public class GovernanceBench {

    public static void main(String[] args) throws Exception {
        Path tree = Path.of(args[0]).toAbsolutePath();
        List<Path> roots = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            roots.add(tree.resolve(args[i]));
        }
        List<Path> files = SourceFilter.ALL.files(roots);

        long t0 = System.nanoTime();
        EngineResult pmd = PmdRunner.run(new PmdRunner.Request(files, tree, List.of(), List.of("genguard/pmd/default.xml"),
                0, StandardCharsets.UTF_8, null));
        long pmdNanos = System.nanoTime() - t0;

        t0 = System.nanoTime();
        GitHistory git = GitHistory.open(tree, GitHistory.Options.defaults());
        List<GitHistory.Commit> ai = git.aiCommitList();
        long historyNanos = System.nanoTime() - t0;

        t0 = System.nanoTime();
        SourceIndex index = SourceIndex.build(tree, files, StandardCharsets.UTF_8);
        long indexNanos = System.nanoTime() - t0;

        t0 = System.nanoTime();
        Provenance provenance = Provenance.detect(index, new GitLineHistory(git, tree));
        long provenanceNanos = System.nanoTime() - t0;
        git.close();

        int lines = index.totalLines();
        List<Suppression> suppressions = index.markedFiles().stream().flatMap(s -> s.suppressions().stream()).toList();
        int parsed = index.parsedCount();

        // What parsing every file would cost (the index parses only files with markers, AI lines or findings).
        t0 = System.nanoTime();
        long unparsed = 0;
        for (String file : index.paths()) {
            JavaSource source = JavaSource.parse(file, java.nio.file.Files.readString(tree.resolve(file)));
            unparsed += source.parseError().isEmpty() ? 0 : 1;
        }
        long parseAllNanos = System.nanoTime() - t0;
        Map<String, Integer> tools = new TreeMap<>();
        ai.forEach(c -> tools.merge(c.tool().isEmpty() ? "(unnamed)" : c.tool(), 1, Integer::sum));

        System.out.printf("files %d, lines %d, files JavaParser cannot parse %d (PMD processing errors %d)%n",
                files.size(), lines, unparsed, pmd.errors().size());
        System.out.printf("PMD default profile (baseline): %.2f s%n", pmdNanos / 1e9);
        System.out.printf("history walk for trailers:      %.2f s (%.2fx PMD)%n", historyNanos / 1e9, (double) historyNanos / pmdNanos);
        System.out.printf("source index (read, %d parsed): %.2f s (%.2fx PMD)%n", parsed, indexNanos / 1e9, (double) indexNanos / pmdNanos);
        System.out.printf("(parsing every file instead:    %.2f s (%.2fx PMD))%n", parseAllNanos / 1e9, (double) parseAllNanos / pmdNanos);
        System.out.printf("provenance (blame AI files):    %.2f s (%.2fx PMD)%n", provenanceNanos / 1e9, (double) provenanceNanos / pmdNanos);
        System.out.printf("AI commits %d %s; AI regions %d, AI lines %d; genguard suppressions %d%n", ai.size(), tools,
                provenance.regions().size(), provenance.files().stream().mapToInt(provenance::aiLines).sum(),
                suppressions.size());
        ai.stream().limit(40).forEach(c -> System.out.println("  " + c.id().substring(0, 10) + " " + c.date() + " "
                + c.author() + " tool=" + c.tool() + (c.promptLog().isEmpty() ? "" : " prompt-log=" + c.promptLog())));
        git.notes().forEach(n -> System.out.println("note: " + n));
        index.notes().stream().limit(5).forEach(n -> System.out.println("index note: " + n));
    }
}
