package dev.genguard.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's rule table lists exactly the catalog's rules, with their engine, CWE and default severity. */
class ReadmeRuleTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9_]+)` \\| (PMD|SpotBugs|Maven plugin) \\| (\\d+|-) \\| ([A-Z-]+) \\|", Pattern.MULTILINE);

    @Test
    void readmeRuleTableMatchesCatalog() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Map<String, String> documented = new TreeMap<>();
        Matcher m = ROW.matcher(readme);
        while (m.find()) {
            documented.put(m.group(1), m.group(2) + " " + m.group(3) + " " + m.group(4));
        }
        Map<String, String> catalog = new TreeMap<>();
        for (RuleInfo r : Catalog.load().rules()) {
            String engine = switch (r.engine()) {
                case PMD -> "PMD";
                case SPOTBUGS -> "SpotBugs";
                case GOVERNANCE -> "Maven plugin";
            };
            catalog.put(r.id(), engine + " " + (r.cwe().isEmpty() ? "-" : r.cwe()) + " " + r.severityIn(Profile.DEFAULT).map(Enum::name).orElse("-"));
        }
        assertThat(documented).isEqualTo(catalog);
    }
}
