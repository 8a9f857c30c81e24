package dev.genguard.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    private static final Catalog CATALOG = Catalog.load();

    private static final List<Finding> FINDINGS = List.of(
            new Finding("GENGUARD_WEAK_CIPHER", EngineKind.SPOTBUGS, Severity.CRITICAL, "327", "src/main/java/a/B.java", 7, 7,
                    "Use AES/GCM/NoPadding, not \"DES\" </script><!-- \u001b[31m ]]>"),
            new Finding("HardcodedCredential", EngineKind.PMD, Severity.CRITICAL, "798", "src/main/java/a/A.java", 3, 3,
                    "Read the password from configuration"));

    @TempDir
    Path dir;

    @Test
    void outputIsValidSarif210WithCweTagsAndSecuritySeverity() throws Exception {
        Path file = dir.resolve("genguard.sarif");
        SarifReport.write(SarifReport.build(FINDINGS, CATALOG, Profile.DEFAULT, "0.1.0"), file);
        JsonNode sarif = new ObjectMapper().readTree(file.toFile());

        assertThat(validate(sarif)).isEmpty();
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(2);
        // Sorted by file: A.java first.
        JsonNode first = results.get(0);
        assertThat(first.get("ruleId").asText()).isEqualTo("HardcodedCredential");
        assertThat(first.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("src/main/java/a/A.java");
        JsonNode rule = rules.get(first.get("ruleIndex").asInt());
        assertThat(rule.get("id").asText()).isEqualTo("HardcodedCredential");
        assertThat(rule.get("properties").get("tags").toString()).contains("\"external/cwe/cwe-798\"");
        assertThat(rule.get("properties").get("security-severity").asText()).isEqualTo("8.0");
        assertThat(results.get(1).get("message").get("text").asText()).contains("</script>");
    }

    @Test
    void sameInputGivesByteIdenticalOutput() throws Exception {
        Path a = dir.resolve("a.sarif");
        Path b = dir.resolve("b.sarif");
        SarifReport.write(SarifReport.build(FINDINGS, CATALOG, Profile.DEFAULT, "0.1.0"), a);
        SarifReport.write(SarifReport.build(List.of(FINDINGS.get(1), FINDINGS.get(0)), CATALOG, Profile.DEFAULT, "0.1.0"), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.sarif", "b.sarif");
        }
    }

    @Test
    void emptyReportIsValid() throws Exception {
        Path file = dir.resolve("empty.sarif");
        SarifReport.write(SarifReport.build(List.of(), CATALOG, Profile.STRICT, "0.1.0"), file);
        assertThat(validate(new ObjectMapper().readTree(file.toFile()))).isEmpty();
    }

    private static Set<ValidationMessage> validate(JsonNode sarif) throws Exception {
        try (InputStream schema = SarifReport.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
            return s.validate(sarif);
        }
    }
}
