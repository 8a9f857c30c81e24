package dev.genguard.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.AiPolicy;
import dev.genguard.engine.ScanRequest;
import dev.genguard.engine.Severity;
import dev.genguard.engine.SourceFilter;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.governance.sensitive.SensitiveApis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance pipeline on a small compiled module, with GenGuard's PMD rules (this module is the first whose
 * test class path has them; SpotBugs is left out, its detectors have their own fixtures).
 */
class GovernanceTest {

    private static final String ORDERS = """
            package app;

            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            public class Orders {
                private static final String API_KEY = "YOUR_API_KEY";
                private static final String ADMIN_TOKEN = System.getenv("ADMIN_TOKEN");

                @AiGenerated(tool = "Copilot", model = "gpt-4o")
                public ResultSet find(Connection c, String id) throws SQLException {
                    return c.createStatement().executeQuery("SELECT * FROM orders WHERE id = '" + id + "'");
                }

                @AiGenerated(tool = "Copilot")
                @SecurityReviewed(by = "alice", date = "2026-11-20", ticket = "SEC-7")
                public ResultSet count(Connection c) throws SQLException {
                    return c.createStatement().executeQuery("SELECT COUNT(*) FROM orders");
                }

                /** @ai-generated tool=Claude */
                public boolean isAdmin(String bearer) {
                    return ADMIN_TOKEN.equals(bearer);
                }

                public boolean isAdminByHand(String bearer) {
                    return ADMIN_TOKEN.equals(bearer);
                }

                private static final String JWT_SECRET = "your-secret-key"; // genguard:ignore HardcodedCredential -- test double, rotated
                private String dbPassword = "changeme"; // genguard:ignore HardcodedCredential
            }
            """;

    @TempDir
    Path project;

    private ScanRequest request;
    private final Catalog catalog = Catalog.load();

    @BeforeEach
    void compile() throws IOException {
        Path src = project.resolve("src/main/java");
        write(src.resolve("app/Orders.java"), ORDERS);
        write(src.resolve("app/AiGenerated.java"),
                "package app;\npublic @interface AiGenerated { String tool() default \"\"; String model() default \"\"; }\n");
        write(src.resolve("app/SecurityReviewed.java"), "package app;\npublic @interface SecurityReviewed { "
                + "String by(); String date() default \"\"; String ticket() default \"\"; }\n");
        Path classes = project.resolve("target/classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (var files = Files.walk(src)) {
            List<String> args = new java.util.ArrayList<>(List.of("-g", "-d", classes.toString()));
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        }
        request = new ScanRequest(project, List.of(src), List.of(classes), List.of(), Profile.DEFAULT, List.of(),
                StandardCharsets.UTF_8, 0, SourceFilter.ALL, null, AiPolicy.DEFAULT);
    }

    private Assessment assess(Baseline baseline) {
        return new Governance(catalog).assess(request,
                new Governance.Options("orders", LineHistory.NONE, SensitiveApis.load(), baseline));
    }

    @Test
    void aiTaggedCodeGetsTheStrictProfileRaisedAndTheApprovalGate() {
        Assessment a = assess(null);
        Map<String, AssessedFinding> byRuleAndLine = new java.util.TreeMap<>();
        a.findings().forEach(f -> byRuleAndLine.put(f.finding().ruleId() + ":" + f.finding().line(), f));
        int sql = line("executeQuery(\"SELECT * FROM orders");
        int aiCompare = line("ADMIN_TOKEN.equals(bearer)");
        int humanCompare = aiCompare + 4;

        // SQL concatenation inside AI code: CRITICAL in the default profile, raised to BLOCKER.
        assertThat(byRuleAndLine.get("SqlQueryConcatenation:" + sql)).satisfies(f -> {
            assertThat(f.finding().severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.ai().tag().tool()).isEqualTo("Copilot");
            assertThat(f.ai().source()).isEqualTo(ProvenanceSource.ANNOTATION);
            assertThat(f.member()).isEqualTo("Orders#find(Connection,String)");
        });
        // A strict-only rule reports in AI code (all-profile MAJOR raised to CRITICAL), not in the human twin.
        assertThat(byRuleAndLine.get("TimingUnsafeSecretComparison:" + aiCompare).finding().severity())
                .isEqualTo(Severity.CRITICAL);
        assertThat(byRuleAndLine).doesNotContainKey("TimingUnsafeSecretComparison:" + humanCompare);
        // Outside AI code: the default profile's severity.
        assertThat(byRuleAndLine.get("HardcodedCredential:" + line("API_KEY =")).finding().severity())
                .isEqualTo(Severity.CRITICAL);

        // The gate: find() touches sql unreviewed; count() is reviewed; isAdmin() touches nothing sensitive.
        List<AssessedFinding> gate = a.findings().stream()
                .filter(f -> f.finding().ruleId().equals(ApprovalGate.RULE_ID)).toList();
        assertThat(gate).singleElement().satisfies(f -> {
            assertThat(f.finding().line()).isEqualTo(line("@AiGenerated(tool = \"Copilot\", model"));
            assertThat(f.finding().message()).contains("find(Connection,String)").contains("sql (java.sql.Connection.createStatement");
            assertThat(f.finding().severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(a.inventory()).extracting(r -> r.member() + " " + r.reviewed()).containsExactly(
                "Orders#find(Connection,String) false", "Orders#count(Connection) true", "Orders#isAdmin(String) false");
        assertThat(a.files()).singleElement().satisfies(r -> {
            assertThat(r.sensitiveAreas()).containsExactly("sql");
            assertThat(r.unreviewed()).isEqualTo(1);
            assertThat(r.aiLines()).isEqualTo(a.inventory().stream().mapToInt(AiRegion::lines).sum());
        });
        assertThat(a.risk()).isGreaterThan(0).isEqualTo(a.files().get(0).score());
    }

    @Test
    void suppressionsNeedAReasonAndAreListedNotDropped() {
        Assessment a = assess(null);
        AssessedFinding jwt = finding(a, "HardcodedCredential", line("JWT_SECRET ="));
        assertThat(jwt.state()).isEqualTo(FindingState.SUPPRESSED);
        assertThat(jwt.suppression().reason()).isEqualTo("test double, rotated");
        int bare = line("dbPassword =");
        assertThat(finding(a, "HardcodedCredential", bare).state()).isEqualTo(FindingState.NEW);
        assertThat(finding(a, Governance.REASONLESS_SUPPRESSION, bare).finding().message())
                .contains("HardcodedCredential").contains("-- REASON");
    }

    @Test
    void theBaselineAcceptsRecordedFindingsAcrossEditsAndCountsTheFixedOnes() throws IOException {
        Baseline baseline = Baseline.of(assess(null).findings());
        assertThat(baseline.findings()).isNotEmpty().noneMatch(e -> e.message().contains("test double"));

        // Unrelated edits above every finding, and one finding fixed.
        Path orders = project.resolve("src/main/java/app/Orders.java");
        write(orders, ORDERS.replace("public class Orders {", "public class Orders {\n\n    private int unrelated;\n")
                .replace("    private static final String API_KEY = \"YOUR_API_KEY\";\n", ""));
        Assessment after = assess(baseline);
        assertThat(after.findings()).filteredOn(f -> f.state() == FindingState.NEW).isEmpty();
        assertThat(after.fixedBaseline()).isEqualTo(1);
        assertThat(after.findings()).filteredOn(f -> f.state() == FindingState.BASELINE).hasSize(baseline.findings().size() - 1);

        // A new flaw is new.
        write(orders, Files.readString(orders).replace("private int unrelated;", "private String apiSecret = \"changeme\";"));
        assertThat(assess(baseline).findings()).filteredOn(f -> f.state() == FindingState.NEW)
                .extracting(f -> f.finding().ruleId()).containsExactly("HardcodedCredential");
    }

    @Test
    void anIgnoreOnOneCatchClauseSuppressesThatClauseOnly() throws IOException {
        String tokens = """
                package app;

                import java.security.SignatureException;
                import java.security.cert.CertificateException;

                public class Tokens {
                    public void check(byte[] sig) {
                        try {
                            verify(sig);
                        } catch (SignatureException e) { // genguard:ignore SwallowedSecurityException -- logged by the gateway
                        } catch (CertificateException e) {
                        }
                        after();
                    }

                    void verify(byte[] s) throws SignatureException, CertificateException {
                    }

                    void after() {
                    }
                }
                """;
        write(project.resolve("src/main/java/app/Tokens.java"), tokens);
        List<AssessedFinding> swallowed = assess(null).findings().stream()
                .filter(f -> f.finding().ruleId().equals("SwallowedSecurityException")).toList();
        List<String> lines = tokens.lines().toList();
        assertThat(swallowed).extracting(f -> lines.get(f.finding().line() - 1).strip().substring(0, 22) + " " + f.state())
                .containsExactly("} catch (SignatureExce SUPPRESSED", "} catch (CertificateEx NEW");
        assertThat(swallowed.get(0).fingerprint()).isNotEqualTo(swallowed.get(1).fingerprint());
    }

    @Test
    void twoRunsOverTheSameInputWriteByteIdenticalReports() throws IOException {
        Path one = project.resolve("run1");
        Path two = project.resolve("run2");
        dev.genguard.engine.report.Reports.write(assess(null), catalog, project, one,
                dev.genguard.engine.report.Reports.formats(List.of("sarif,json,html")), "0.1.0");
        dev.genguard.engine.report.Reports.write(assess(null), catalog, project, two,
                dev.genguard.engine.report.Reports.formats(List.of("sarif,json,html")), "0.1.0");
        for (String name : List.of("genguard.sarif", "genguard.json", "genguard.html")) {
            assertThat(Files.readAllBytes(one.resolve(name))).as(name).isEqualTo(Files.readAllBytes(two.resolve(name)));
            // No absolute path of the machine that ran it.
            assertThat(Files.readString(one.resolve(name))).as(name).doesNotContain(project.toString());
        }
    }

    @Test
    void nothingOfTheAnalysedCodeIsExecuted() throws IOException {
        Path marker = project.resolve("executed.txt");
        write(project.resolve("src/main/java/app/Trap.java"), "package app;\npublic class Trap {\n    static {\n"
                + "        try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker.toString().replace("\\", "/")
                + "\"), \"ran\"); } catch (java.io.IOException e) { throw new RuntimeException(e); }\n    }\n"
                + "    public static javax.crypto.Cipher c() throws Exception { return javax.crypto.Cipher.getInstance(\"AES\"); }\n}\n");
        compile();
        assess(null);
        assertThat(marker).doesNotExist();
    }

    private static AssessedFinding finding(Assessment a, String rule, int line) {
        return a.findings().stream().filter(f -> f.finding().ruleId().equals(rule) && f.finding().line() == line)
                .findFirst().orElseThrow(() -> new AssertionError(rule + " at " + line + " in " + a.findings()));
    }

    private static int line(String text) {
        List<String> lines = ORDERS.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
