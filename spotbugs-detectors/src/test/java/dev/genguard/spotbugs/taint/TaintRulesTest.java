package dev.genguard.spotbugs.taint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule files: what the plugin ships, what a user adds, and clear errors for malformed lines. */
class TaintRulesTest {

    @Test
    void theShippedRulesLoadAndCoverEveryTaintBugType() {
        TaintRules rules = TaintRules.load();
        assertThat(rules.sources()).hasSizeGreaterThan(50);
        assertThat(rules.sinks().stream().map(TaintRules.Sink::bugType).distinct()).containsExactlyInAnyOrder(
                "GENGUARD_SQL_INJECTION", "GENGUARD_COMMAND_INJECTION", "GENGUARD_PATH_TRAVERSAL", "GENGUARD_XSS",
                "GENGUARD_LDAP_INJECTION", "GENGUARD_XPATH_INJECTION", "GENGUARD_SSRF", "GENGUARD_OPEN_REDIRECT",
                "GENGUARD_TRUST_BOUNDARY", "GENGUARD_EXPRESSION_INJECTION", "GENGUARD_JNDI_INJECTION",
                "GENGUARD_ZIP_SLIP", "GENGUARD_RESPONSE_SPLITTING", "GENGUARD_LOG_INJECTION", "GENGUARD_REGEX_INJECTION");
        assertThat(rules.named("getParameter", TaintRules.Source.class)).hasSize(2);
    }

    @Test
    void aUserFileAddsAFrameworkWithoutCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acme-sinks.tsv");
        Files.writeString(file, "# Acme's query API\nGENGUARD_SQL_INJECTION\trequest\tcom/acme/Db\trawQuery\t*\t0\n");
        String previous = System.getProperty(TaintRules.PROPERTY);
        System.setProperty(TaintRules.PROPERTY, file.toString());
        try {
            assertThat(TaintRules.load().named("rawQuery", TaintRules.Sink.class)).singleElement()
                    .satisfies(sink -> assertThat(sink.member().owner()).isEqualTo("com/acme/Db"));
        } finally {
            if (previous == null) {
                System.clearProperty(TaintRules.PROPERTY);
            } else {
                System.setProperty(TaintRules.PROPERTY, previous);
            }
        }
    }

    @Test
    void malformedLinesFailWithTheirFileAndLine() {
        assertThatThrownBy(() -> TaintRules.of(Map.of("sinks.tsv", "# header\nGENGUARD_X\trequest\tcom/acme/Db\tq\t*\n")))
                .hasMessageContaining("sinks.tsv:2").hasMessageContaining("expected 6 or 7 columns");
        assertThatThrownBy(() -> TaintRules.of(Map.of("sources.tsv", "browser\tcall\tcom/acme/R\tget\t*\n")))
                .hasMessageContaining("sources.tsv:1").hasMessageContaining("BROWSER");
        assertThatThrownBy(() -> TaintRules.of(Map.of("sanitizers.tsv", "com.acme.Enc\tenc\t*\t*\t-\n")))
                .hasMessageContaining("internal name");
        assertThatThrownBy(() -> TaintRules.of(Map.of("validators.tsv", "com/acme/V\tok\t*\t0\tmaybe\t*\t-\n")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> TaintRules.of(Map.of("sinks.tsv", "SQL\trequest\tcom/acme/Db\tq\t*\t0\n")))
                .hasMessageContaining("GENGUARD_");
    }
}
