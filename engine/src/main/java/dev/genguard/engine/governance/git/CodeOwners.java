package dev.genguard.engine.governance.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * A parsed CODEOWNERS file, matched as GitHub does: gitignore-style patterns, the last matching line wins, and a
 * matching line without owners leaves the path without an owner.
 *
 * <p>Patterns are JGit's {@link FastIgnoreRule}s matched with parent directories counting ({@code /src/},
 * {@code apps/}, {@code **}{@code /logs} own everything below them), with one difference from gitignore that GitHub
 * documents: a pattern ending in {@code /*} ({@code docs/*}) owns the files directly in that directory, not
 * those further down. Lines starting with {@code !} are skipped because GitHub does not support negation; a
 * {@code #} after the pattern starts a comment; {@code \#} is a literal '#'.
 */
public final class CodeOwners {

    private record Rule(FastIgnoreRule matcher, boolean oneLevel, String owners) {}

    private final List<Rule> rules;

    private CodeOwners(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static CodeOwners parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            String pattern = tokens[0];
            List<String> owners = new ArrayList<>();
            for (int i = 1; i < tokens.length && !tokens[i].startsWith("#"); i++) {
                owners.add(tokens[i]);
            }
            boolean oneLevel = pattern.endsWith("/*") && !pattern.endsWith("/**");
            rules.add(new Rule(new FastIgnoreRule(pattern), oneLevel, String.join(" ", owners)));
        }
        return new CodeOwners(rules);
    }

    /**
     * The owners of a file, joined with " ".
     *
     * @param repoRelativePath the file relative to the work tree root, '/'-separated (a leading '/' is ignored)
     * @return the owners of the last matching line; empty when no line matches or that line names no owner
     */
    public Optional<String> owner(String repoRelativePath) {
        String path = repoRelativePath.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            // pathMatch=false lets a pattern match through a parent directory, as GitHub's directory patterns do;
            // a "dir/*" pattern must match the whole path so that it stops at the first level.
            if (rule.matcher().isMatch(path, false, rule.oneLevel())) {
                return rule.owners().isEmpty() ? Optional.empty() : Optional.of(rule.owners());
            }
        }
        return Optional.empty();
    }

    /** How many pattern lines were read. */
    public int size() {
        return rules.size();
    }
}
