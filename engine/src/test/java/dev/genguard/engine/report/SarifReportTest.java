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
import dev.genguard.engine.catalog.RuleDocs;
import dev.genguard.engine.governance.Assessment;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
    void artifactUrisAreValidUriReferencesForPathsWithSpacesPercentAndNonAscii() throws Exception {
        String file = "src/main/java/my app/Ünï 100%/Straße.java";
        Path out = dir.resolve("spaces.sarif");
        SarifReport.write(SarifReport.build(List.of(new Finding("HardcodedCredential", EngineKind.PMD,
                Severity.CRITICAL, "798", file, 3, 3, "m")), CATALOG, Profile.DEFAULT, "0.1.0"), out);
        String uri = new ObjectMapper().readTree(out.toFile()).get("runs").get(0).get("results").get(0)
                .get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
        // RFC 3986 (SARIF 3.10.2): a relative reference, ASCII only, that decodes to the file's path.
        assertThat(uri).matches("[A-Za-z0-9\\-._~!$&'()*+,;=@/%]+");
        assertThat(new java.net.URI(uri).getPath()).isEqualTo(file);
        assertThat(new java.net.URI(uri).isAbsolute()).isFalse();
        assertThat(SarifReport.build(List.of(new Finding("HardcodedCredential", EngineKind.PMD, Severity.CRITICAL,
                "798", "a:b.java", 1, 1, "m")), CATALOG, Profile.DEFAULT, "0.1.0").getRuns().get(0).getResults()
                .get(0).getLocations().iterator().next().getPhysicalLocation().getArtifactLocation().getUri())
                .as("a colon in the first segment would read as a URI scheme").isEqualTo("a%3Ab.java");
    }

    @Test
    void emptyReportIsValid() throws Exception {
        Path file = dir.resolve("empty.sarif");
        SarifReport.write(SarifReport.build(List.of(), CATALOG, Profile.STRICT, "0.1.0"), file);
        assertThat(validate(new ObjectMapper().readTree(file.toFile()))).isEmpty();
    }

    @Test
    void governanceTravelsInStandardSarifFieldsAndPropertyBags() throws Exception {
        JsonNode sarif = writeAndRead(SarifReport.build(ReportFixtures.rich(), CATALOG, null, "0.1.0"), "rich.sarif");
        assertThat(validate(sarif)).isEmpty();
        JsonNode run = sarif.get("runs").get(0);
        JsonNode results = run.get("results");
        assertThat(results).hasSize(4);

        // A.java:3: new, AI-generated under a reviewed annotation.
        JsonNode credential = result(results, "HardcodedCredential");
        assertThat(credential.get("partialFingerprints").get("genguard/v1").asText()).isEqualTo("fp-a3");
        assertThat(credential.get("baselineState").asText()).isEqualTo("new");
        assertThat(credential.has("suppressions")).isFalse();
        JsonNode p = credential.get("properties");
        assertThat(p.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(p.get("engine").asText()).isEqualTo("pmd");
        assertThat(p.get("state").asText()).isEqualTo("new");
        assertThat(p.get("member").asText()).isEqualTo("a.A#connect()");
        assertThat(p.get("aiGenerated").asBoolean()).isTrue();
        assertThat(p.get("aiSource").asText()).isEqualTo("annotation");
        assertThat(p.get("aiTool").asText()).isEqualTo("Copilot");
        assertThat(p.get("aiModel").asText()).isEqualTo("gpt-4o");
        assertThat(p.get("aiPromptLog").asText()).isEqualTo("https://prompts.example/1");
        assertThat(p.get("reviewed").isBoolean()).isTrue();
        assertThat(p.get("reviewed").asBoolean()).isTrue();
        assertThat(p.has("aiCommit")).as("empty strings are left out").isFalse();

        // B.java:7: in the baseline, not AI.
        JsonNode cipher = result(results, "GENGUARD_WEAK_CIPHER");
        assertThat(cipher.get("baselineState").asText()).isEqualTo("unchanged");
        assertThat(cipher.get("properties").get("state").asText()).isEqualTo("baseline");
        assertThat(cipher.get("properties").has("aiGenerated")).isFalse();

        // B.java:12: suppressed in the code with a reason, still reported; AI commit, unreviewed.
        JsonNode logged = result(results, "SensitiveDataLogged");
        assertThat(logged.has("baselineState")).isFalse();
        JsonNode suppression = logged.get("suppressions").get(0);
        assertThat(suppression.get("kind").asText()).isEqualTo("inSource");
        assertThat(suppression.get("status").asText()).isEqualTo("accepted");
        assertThat(suppression.get("justification").asText()).isEqualTo("the value is masked by the layout");
        assertThat(suppression.get("location").get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(12);
        assertThat(logged.get("properties").get("aiSource").asText()).isEqualTo("trailer");
        assertThat(logged.get("properties").get("aiCommit").asText()).isEqualTo("abc123");
        assertThat(logged.get("properties").get("reviewed").asBoolean()).isFalse();
        assertThat(logged.get("properties").has("aiModel")).isFalse();

        JsonNode runProperties = run.get("properties");
        assertThat(runProperties.get("module").asText()).isEqualTo("shop-api");
        assertThat(runProperties.get("profile").asText()).isEqualTo("default");
        assertThat(runProperties.get("risk").asInt()).isEqualTo(42);
        assertThat(runProperties.get("fixedBaseline").asInt()).isEqualTo(3);
        // 13 of 48 lines, rounded to two decimals.
        assertThat(runProperties.get("aiShare").toString()).isEqualTo("0.27");
    }

    @Test
    void findingOfARuleOutsideTheCatalogGetsADescriptorSoItsRuleIndexIsValid() throws Exception {
        JsonNode sarif = writeAndRead(SarifReport.build(ReportFixtures.rich(), CATALOG, null, "0.1.0"), "gov.sarif");
        // A rule of another GenGuard version, e.g. in an aggregate of modules built with different plugin versions.
        assertThat(CATALOG.rule("RetiredGovernanceCheck")).isEmpty();
        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode governance = result(run.get("results"), "RetiredGovernanceCheck");
        JsonNode rule = rules.get(governance.get("ruleIndex").asInt());
        assertThat(rule.get("id").asText()).isEqualTo("RetiredGovernanceCheck");
        assertThat(rule.get("name").asText()).isEqualTo("RetiredGovernanceCheck");
        assertThat(rule.get("shortDescription").get("text").asText()).isEqualTo("RetiredGovernanceCheck");
        assertThat(rule.get("properties").get("engine").asText()).isEqualTo("governance");
        // Every result's index points at the rule with its id.
        for (JsonNode result : run.get("results")) {
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(result.get("ruleId").asText());
        }
    }

    @Test
    void engineErrorsAndNotesAreToolNotificationsOfASuccessfulRun() throws Exception {
        JsonNode sarif = writeAndRead(SarifReport.build(ReportFixtures.rich(), CATALOG, null, "0.1.0"), "n.sarif");
        JsonNode invocation = sarif.get("runs").get(0).get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
        JsonNode notifications = invocation.get("toolExecutionNotifications");
        assertThat(notifications).hasSize(2);
        JsonNode error = notifications.get(0);
        assertThat(error.get("level").asText()).isEqualTo("error");
        assertThat(error.get("message").get("text").asText()).isEqualTo("parse error at 3:1");
        assertThat(error.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo(ReportFixtures.BROKEN);
        JsonNode note = notifications.get(1);
        assertThat(note.get("level").asText()).isEqualTo("note");
        assertThat(note.get("message").get("text").asText()).startsWith("shallow clone");
    }

    @Test
    void ruleHelpCarriesTheRuleDocumentationAsTextAndMarkdown() throws Exception {
        RuleDocs docs = ruleDocs();
        JsonNode sarif = writeAndRead(SarifReport.build(ReportFixtures.rich(), CATALOG, docs, "0.1.0"), "docs.sarif");
        assertThat(validate(sarif)).isEmpty();
        JsonNode rules = sarif.get("runs").get(0).get("tool").get("driver").get("rules");

        // SpotBugs: HTML details, tags stripped for text, code spans and a fenced block for Markdown.
        JsonNode cipher = rule(rules, "GENGUARD_WEAK_CIPHER").get("help");
        String text = cipher.get("text").asText();
        assertThat(text).startsWith("Weak cipher, mode or padding (CWE-327)\n\nFinds Cipher.getInstance calls")
                .contains("- ECB mode;\n- DES & 3DES.")
                .contains("Cipher c = Cipher.getInstance(\"AES/GCM/NoPadding\");\nList<byte[]> keys;")
                .doesNotContain("<p>", "<code>", "<li>", "&lt;", "&amp;");
        String markdown = cipher.get("markdown").asText();
        assertThat(markdown).startsWith("**Weak cipher, mode or padding** ([CWE-327](https://cwe.mitre.org/data/definitions/327.html))")
                .contains("Finds `Cipher.getInstance` calls")
                .contains("```java\nCipher c = Cipher.getInstance(\"AES/GCM/NoPadding\");\nList<byte[]> keys;\n```")
                .doesNotContain("<p>", "<code>");

        // PMD: plain text with Markdown code spans, examples as Java blocks.
        JsonNode credential = rule(rules, "HardcodedCredential").get("help");
        assertThat(credential.get("text").asText()).contains("Finds string literals used as passwords")
                .contains("Example:\nString password = \"changeme\";");
        assertThat(credential.get("markdown").asText()).contains("```java\nString password = \"changeme\";\n```");

        // A catalog rule without docs keeps the title-only help.
        JsonNode other = rule(rules, "PermissiveCors").get("help");
        assertThat(other.has("markdown")).isFalse();
        assertThat(other.get("text").asText()).contains("CORS open to any origin");
    }

    @Test
    void assessmentInAnyOrderGivesByteIdenticalOutput() throws Exception {
        Assessment rich = ReportFixtures.rich();
        List<dev.genguard.engine.governance.AssessedFinding> reversed = new ArrayList<>(rich.findings());
        Collections.reverse(reversed);
        List<dev.genguard.engine.ScanError> errors = new ArrayList<>(rich.errors());
        Assessment shuffled = new Assessment(rich.module(), rich.profile(), reversed, rich.inventory(), rich.files(),
                rich.risk(), rich.totalLines(), rich.fixedBaseline(), rich.notes(), errors);
        Path a = dir.resolve("a.sarif");
        Path b = dir.resolve("b.sarif");
        SarifReport.write(SarifReport.build(rich, CATALOG, ruleDocs(), "0.1.0"), a);
        SarifReport.write(SarifReport.build(shuffled, CATALOG, ruleDocs(), "0.1.0"), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        String content = Files.readString(a, StandardCharsets.UTF_8);
        assertThat(content).doesNotContain("\r").doesNotContain(dir.toString());
    }

    private JsonNode writeAndRead(com.contrastsecurity.sarif.SarifSchema210 report, String name) throws Exception {
        Path file = dir.resolve(name);
        SarifReport.write(report, file);
        return new ObjectMapper().readTree(file.toFile());
    }

    private static JsonNode result(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result of " + ruleId);
    }

    private static JsonNode rule(JsonNode rules, String id) {
        for (JsonNode r : rules) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    /**
     * Rule documentation as the rule jars ship it, for two rules: RuleDocs reads it from a class loader, and the
     * engine's test class path has no rule jars.
     */
    private RuleDocs ruleDocs() throws Exception {
        Path root = dir.resolve("docs");
        Path category = root.resolve("genguard/pmd/category/secrets.xml");
        Files.createDirectories(category.getParent());
        Files.writeString(category, """
                <?xml version="1.0" encoding="UTF-8"?>
                <ruleset name="secrets" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
                  <rule name="HardcodedCredential" message="Read {0} from configuration" class="x.Y">
                    <description>
                Finds string literals used as passwords (`DriverManager.getConnection`).
                    </description>
                    <example><![CDATA[
                String password = "changeme";
                ]]></example>
                  </rule>
                </ruleset>
                """, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("messages.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <MessageCollection>
                  <BugPattern type="GENGUARD_WEAK_CIPHER">
                    <ShortDescription>Weak cipher</ShortDescription>
                    <LongDescription>{2} in {1}</LongDescription>
                    <Details><![CDATA[
                <p>Finds <code>Cipher.getInstance</code> calls
                   with a broken algorithm:</p>
                <ul>
                  <li>ECB mode;</li>
                  <li>DES &amp; 3DES.</li>
                </ul>
                <pre><code>Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                List&lt;byte[]&gt; keys;</code></pre>
                ]]></Details>
                  </BugPattern>
                </MessageCollection>
                """, StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            RuleDocs docs = RuleDocs.load(CATALOG, loader);
            assertThat(docs.doc("GENGUARD_WEAK_CIPHER")).isPresent();
            assertThat(docs.doc("HardcodedCredential")).isPresent();
            return docs;
        }
    }

    private static Set<ValidationMessage> validate(JsonNode sarif) throws Exception {
        try (InputStream schema = SarifReport.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
            return s.validate(sarif);
        }
    }
}
