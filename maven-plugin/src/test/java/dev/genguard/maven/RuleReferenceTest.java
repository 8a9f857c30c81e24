package dev.genguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleDocs;
import dev.genguard.engine.catalog.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md}, the rule reference, is generated from the catalog and the docs each rule ships with
 * (read by {@link RuleDocs} from the rule jars this plugin bundles). This test fails when the file is stale;
 * {@code -Dgenguard.updateDocs=true} rewrites it.
 */
class RuleReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "rules.md");
    static final String REGENERATE = "mvn -B -ntp test -pl maven-plugin -am -Dtest=RuleReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dgenguard.updateDocs=true";

    @Test
    void ruleReferenceIsUpToDate() throws IOException {
        Catalog catalog = Catalog.load();
        RuleDocs docs = RuleDocs.load(catalog, getClass().getClassLoader());
        for (RuleInfo rule : catalog.rules()) {
            assertThat(docs.doc(rule.id())).as("documentation of %s in its rule jar", rule.id()).isPresent();
        }
        String expected = render(catalog, docs);
        if (Boolean.getBoolean("genguard.updateDocs")) {
            Files.writeString(REFERENCE, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8) : "";
        assertThat(actual).as("docs/rules.md is stale; regenerate it with: " + REGENERATE).isEqualTo(expected);
    }

    static String render(Catalog catalog, RuleDocs docs) {
        StringBuilder out = new StringBuilder();
        out.append("# GenGuard rule reference\n\n")
                .append("Every rule of both engines: what it finds, why generated code has it, a bad and a fixed example.\n")
                .append("Generated from the rule catalog (`rulesets/src/main/resources/genguard/catalog.tsv`) and the\n")
                .append("documentation each rule ships with (its PMD category ruleset, the SpotBugs plugin's `messages.xml`,\n")
                .append("`genguard/governance/rules.xml` for the Maven plugin's own checks);\n")
                .append("do not edit by hand. Regenerate with\n`").append(REGENERATE).append("`.\n\n")
                .append("Severities per profile: `default` (every build), `strict` (AI-tagged code, or teams that want every\n")
                .append("shape check), `all`; `-` means the profile leaves the rule out.\n\n")
                .append("| rule | engine | CWE | default | strict | all | title |\n|---|---|---|---|---|---|---|\n");
        Map<String, List<RuleInfo>> byCategory = new TreeMap<>(catalog.rules().stream()
                .collect(Collectors.groupingBy(RuleInfo::category)));
        byCategory.values().forEach(list -> list.sort(Comparator.comparing((RuleInfo r) -> r.engine())
                .thenComparing(RuleInfo::id)));
        for (List<RuleInfo> rules : byCategory.values()) {
            for (RuleInfo r : rules) {
                out.append("| [`").append(r.id()).append("`](#").append(r.id().toLowerCase(java.util.Locale.ROOT))
                        .append(") | ").append(engine(r)).append(" | ").append(r.cwe().isEmpty() ? "-" : r.cwe()).append(" | ")
                        .append(severity(r, Profile.DEFAULT)).append(" | ").append(severity(r, Profile.STRICT))
                        .append(" | ").append(severity(r, Profile.ALL)).append(" | ").append(r.title()).append(" |\n");
            }
        }
        for (Map.Entry<String, List<RuleInfo>> category : byCategory.entrySet()) {
            out.append("\n## ").append(category.getKey()).append("\n");
            for (RuleInfo r : category.getValue()) {
                RuleDocs.Doc doc = docs.doc(r.id()).orElseThrow();
                out.append("\n### ").append(r.id()).append("\n\n")
                        .append("**").append(r.title()).append("** · ").append(engine(r))
                        .append(cwe(r)).append(" · default ").append(severity(r, Profile.DEFAULT))
                        .append(", strict ").append(severity(r, Profile.STRICT)).append(", all ")
                        .append(severity(r, Profile.ALL)).append(" · tags: ").append(String.join(", ", r.tags()))
                        .append("\n\n")
                        .append("Message: ").append(doc.message()).append("\n\n")
                        .append(doc.description()).append('\n');
                for (String example : doc.examples()) {
                    out.append("\n```java\n").append(example).append("\n```\n");
                }
            }
        }
        return out.toString();
    }

    private static String engine(RuleInfo r) {
        return switch (r.engine()) {
            case PMD -> "PMD";
            case SPOTBUGS -> "SpotBugs";
            case GOVERNANCE -> "Maven plugin";
        };
    }

    private static String cwe(RuleInfo r) {
        return r.cwe().isEmpty() ? "no CWE"
                : "[CWE-" + r.cwe() + "](https://cwe.mitre.org/data/definitions/" + r.cwe() + ".html)";
    }

    private static String severity(RuleInfo r, Profile p) {
        return r.severityIn(p).map(Enum::name).orElse("-");
    }
}
