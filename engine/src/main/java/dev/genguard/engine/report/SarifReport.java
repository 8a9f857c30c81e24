package dev.genguard.engine.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleDocs;
import dev.genguard.engine.catalog.RuleInfo;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FindingState;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules of the profile with CWE tags
 * ({@code external/cwe/cwe-N}), {@code security-severity} and the rule's documentation as help, results with
 * paths relative to the project ({@code %SRCROOT%}). Governance travels in standard fields where SARIF has one
 * (fingerprints, baseline state, in-source suppressions, tool notifications) and in property bags otherwise
 * (AI provenance, review, risk). Suppressed and baseline findings stay in the report: a suppression is visible,
 * never silent. No timestamps or absolute paths, everything sorted, so equal input gives byte-identical output.
 */
public final class SarifReport {

    /** The key of GenGuard's line-independent fingerprint in {@code partialFingerprints}; bump with its algorithm. */
    public static final String FINGERPRINT_KEY = "genguard/v1";

    private static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");
    private static final URI INFORMATION = URI.create("https://github.com/genguard/genguard");
    private static final String SRCROOT = "%SRCROOT%";

    private SarifReport() {
    }

    /**
     * The findings alone, for callers that have no {@link Assessment}: every result is new, nothing is AI-tagged,
     * and the run's governance properties are zero.
     *
     * @see #build(Assessment, Catalog, RuleDocs, String)
     */
    public static SarifSchema210 build(List<Finding> findings, Catalog catalog, Profile profile, String toolVersion) {
        List<AssessedFinding> assessed = findings.stream()
                .map(f -> new AssessedFinding(f, "", "", FindingState.NEW, null, null))
                .toList();
        Assessment a = new Assessment("", profile, assessed, List.of(), List.of(), 0, 0, 0, List.of(), List.of());
        return build(a, catalog, null, toolVersion);
    }

    /**
     * The assessment as one SARIF run.
     *
     * @param docs        rule documentation for the rules' {@code help}, or null to describe rules by title only
     * @param toolVersion GenGuard's version, for {@code tool.driver.version}
     */
    public static SarifSchema210 build(Assessment a, Catalog catalog, RuleDocs docs, String toolVersion) {
        List<AssessedFinding> findings = a.findings().stream().sorted(ReportOrder.FINDINGS).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<ReportingDescriptor> rules = new ArrayList<>();
        // Every rule of the profile, then any rule that reported outside it (AI-tagged code is checked under a
        // stricter profile; governance rules may not be in the catalog at all): results refer to rules by index.
        for (RuleInfo rule : catalog.rules()) {
            if (rule.isIn(a.profile())) {
                index.put(rule.id(), rules.size());
                rules.add(descriptor(rule, rule.severityIn(a.profile()).orElseThrow(), docs));
            }
        }
        // The most severe finding of each other rule gives its default level, whatever order findings come in.
        Map<String, Finding> others = new TreeMap<>();
        for (AssessedFinding af : findings) {
            Finding f = af.finding();
            if (!index.containsKey(f.ruleId())) {
                others.merge(f.ruleId(), f, (x, y) -> x.severity().compareTo(y.severity()) <= 0 ? x : y);
            }
        }
        for (Finding f : others.values()) {
            index.put(f.ruleId(), rules.size());
            rules.add(catalog.rule(f.ruleId())
                    .map(rule -> descriptor(rule, f.severity(), docs))
                    .orElseGet(() -> bareDescriptor(f.ruleId(), f.engine(), f.severity())));
        }
        List<Result> results = new ArrayList<>();
        for (AssessedFinding af : findings) {
            results.add(result(af, index.get(af.finding().ruleId())));
        }
        ToolComponent driver = new ToolComponent()
                .withName("GenGuard")
                .withVersion(toolVersion)
                .withInformationUri(INFORMATION)
                .withRules(new LinkedHashSet<>(rules));
        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withInvocations(List.of(invocation(a)))
                .withResults(results)
                .withProperties(runProperties(a));
        return new SarifSchema210().with$schema(SCHEMA).withVersion(SarifSchema210.Version._2_1_0).withRuns(List.of(run));
    }

    /** Writes the report atomically: a reader never sees a half-written file. */
    public static void write(SarifSchema210 sarif, Path file) throws IOException {
        JsonOutput.write(mapper(), sarif, file);
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    private static Result result(AssessedFinding af, int ruleIndex) {
        Finding f = af.finding();
        Result result = new Result()
                .withRuleId(f.ruleId())
                .withRuleIndex(ruleIndex)
                .withLevel(level(f.severity()))
                .withMessage(new Message().withText(f.message().isEmpty() ? f.ruleId() : f.message()))
                .withLocations(List.of(location(f.file(), f.line(), f.endLine())))
                .withProperties(resultProperties(af));
        if (!af.fingerprint().isEmpty()) {
            result.setPartialFingerprints(new PartialFingerprints().withAdditionalProperty(FINGERPRINT_KEY, af.fingerprint()));
        }
        switch (af.state()) {
            case NEW -> result.setBaselineState(Result.BaselineState.NEW);
            case BASELINE -> result.setBaselineState(Result.BaselineState.UNCHANGED);
            case SUPPRESSED -> result.setSuppressions(Set.of(suppression(f.file(), af.suppression())));
        }
        return result;
    }

    /** An in-source suppression, accepted: GenGuard only marks a finding suppressed when the policy allows it. */
    private static com.contrastsecurity.sarif.Suppression suppression(String file,
                                                                      dev.genguard.engine.governance.Suppression s) {
        com.contrastsecurity.sarif.Suppression sarif = new com.contrastsecurity.sarif.Suppression()
                .withKind(com.contrastsecurity.sarif.Suppression.Kind.IN_SOURCE)
                .withStatus(com.contrastsecurity.sarif.Suppression.Status.ACCEPTED);
        // The model allows SUPPRESSED without the suppression record; the result is then marked without details.
        if (s != null) {
            if (s.hasReason()) {
                sarif.setJustification(s.reason());
            }
            if (s.line() > 0) {
                sarif.setLocation(location(file, s.line(), s.line()));
            }
            PropertyBag properties = new PropertyBag();
            putIfNotEmpty(properties, "marker", s.kind());
            if (!properties.getAdditionalProperties().isEmpty()) {
                sarif.setProperties(properties);
            }
        }
        return sarif;
    }

    private static PropertyBag resultProperties(AssessedFinding af) {
        PropertyBag p = new PropertyBag()
                .withAdditionalProperty("severity", af.finding().severity().name())
                .withAdditionalProperty("engine", af.finding().engine().id())
                .withAdditionalProperty("state", af.state().id());
        putIfNotEmpty(p, "member", af.member());
        AiRegion ai = af.ai();
        if (ai != null) {
            p.setAdditionalProperty("aiGenerated", true);
            if (ai.source() != null) {
                p.setAdditionalProperty("aiSource", ai.source().id());
            }
            putIfNotEmpty(p, "aiTool", ai.tag().tool());
            putIfNotEmpty(p, "aiModel", ai.tag().model());
            putIfNotEmpty(p, "aiPromptLog", ai.tag().promptLog());
            putIfNotEmpty(p, "aiCommit", ai.commit());
            p.setAdditionalProperty("reviewed", ai.reviewed());
            if (ai.review() != null) {
                putIfNotEmpty(p, "reviewedBy", ai.review().by());
                putIfNotEmpty(p, "reviewTicket", ai.review().ticket());
            }
        }
        return p;
    }

    private static PropertyBag runProperties(Assessment a) {
        PropertyBag p = new PropertyBag();
        putIfNotEmpty(p, "module", a.module());
        p.setAdditionalProperty("profile", a.profile().id());
        p.setAdditionalProperty("risk", a.risk());
        // A fixed scale, so the number is written the same on every run and platform (0.50, not 0.5000000001).
        p.setAdditionalProperty("aiShare", BigDecimal.valueOf(a.aiShare()).setScale(2, RoundingMode.HALF_UP));
        p.setAdditionalProperty("aiLines", a.aiLines());
        p.setAdditionalProperty("totalLines", a.totalLines());
        p.setAdditionalProperty("fixedBaseline", a.fixedBaseline());
        return p;
    }

    /**
     * Engine errors and notes as tool notifications. The run still succeeded: what could not be analysed is
     * named, and the results of everything else stand.
     */
    private static Invocation invocation(Assessment a) {
        List<Notification> notifications = new ArrayList<>();
        for (ScanError e : a.errors().stream().sorted(ReportOrder.ERRORS).toList()) {
            String message = ReportOrder.orEmpty(e.message());
            Notification n = new Notification()
                    .withLevel(Notification.Level.ERROR)
                    .withMessage(new Message().withText(message.isEmpty() ? "analysis failed" : message))
                    .withProperties(new PropertyBag().withAdditionalProperty("engine", e.engine().id()));
            String file = ReportOrder.orEmpty(e.file());
            if (!file.isEmpty()) {
                n.setLocations(Set.of(new Location().withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(artifact(file)))));
            }
            notifications.add(n);
        }
        for (String note : a.notes()) {
            notifications.add(new Notification().withLevel(Notification.Level.NOTE).withMessage(new Message().withText(note)));
        }
        return new Invocation().withExecutionSuccessful(true).withToolExecutionNotifications(notifications);
    }

    private static Location location(String file, int line, int endLine) {
        return new Location().withPhysicalLocation(new PhysicalLocation()
                .withArtifactLocation(artifact(file))
                .withRegion(new Region().withStartLine(Math.max(1, line)).withEndLine(Math.max(1, Math.max(line, endLine)))));
    }

    private static ArtifactLocation artifact(String file) {
        return new ArtifactLocation().withUri(uriReference(file.replace('\\', '/'))).withUriBaseId(SRCROOT);
    }

    /**
     * A '/'-separated relative path as an RFC 3986 relative reference (SARIF 3.10.2): UTF-8 bytes other than
     * unreserved characters, sub-delimiters, '@' and '/' percent-encoded, so that spaces, '%', non-ASCII letters
     * and a ':' (which in a first segment would read as a scheme) survive a viewer's URI parser.
     */
    static String uriReference(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@/".indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    private static void putIfNotEmpty(PropertyBag p, String key, String value) {
        if (value != null && !value.isEmpty()) {
            p.setAdditionalProperty(key, value);
        }
    }

    private static ReportingDescriptor descriptor(RuleInfo rule, Severity severity, RuleDocs docs) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("security");
        if (!rule.cwe().isEmpty()) {
            tags.add("external/cwe/cwe-" + rule.cwe());
        }
        tags.addAll(rule.tags());
        String cwe = rule.cwe().isEmpty() ? "" : " (CWE-" + rule.cwe() + ")";
        RuleDocs.Doc doc = docs == null ? null : docs.doc(rule.id()).orElse(null);
        MultiformatMessageString help = doc == null
                ? new MultiformatMessageString().withText(rule.title() + cwe + ". See the GenGuard rule reference for "
                        + rule.id() + ": what it finds, why generated code has it, and the fix.")
                : help(rule, doc);
        return new ReportingDescriptor()
                .withId(rule.id())
                .withName(rule.id())
                .withShortDescription(new MultiformatMessageString().withText(rule.title()))
                .withFullDescription(new MultiformatMessageString().withText(rule.title() + cwe))
                .withHelp(help)
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configLevel(severity)))
                .withProperties(new PropertyBag().withTags(tags)
                        .withAdditionalProperty("security-severity", severity.securitySeverity())
                        .withAdditionalProperty("precision", "high")
                        .withAdditionalProperty("engine", rule.engine().id()));
    }

    /**
     * The rule's documentation in both forms SARIF viewers show: text (HTML tags stripped) and Markdown (GitHub
     * renders it on the alert page), each with the title, CWE, description and code examples.
     */
    private static MultiformatMessageString help(RuleInfo rule, RuleDocs.Doc doc) {
        String text = doc.html() ? Html.toPlainText(doc.description()) : doc.description();
        String markdown = doc.html() ? Html.toMarkdown(doc.description()) : doc.description();
        StringBuilder t = new StringBuilder(rule.title());
        StringBuilder md = new StringBuilder("**").append(rule.title()).append("**");
        if (!rule.cwe().isEmpty()) {
            t.append(" (CWE-").append(rule.cwe()).append(')');
            md.append(" ([CWE-").append(rule.cwe()).append("](https://cwe.mitre.org/data/definitions/")
                    .append(rule.cwe()).append(".html))");
        }
        if (!text.isBlank()) {
            t.append("\n\n").append(text.strip());
            md.append("\n\n").append(markdown.strip());
        }
        for (String example : doc.examples()) {
            t.append("\n\nExample:\n").append(example);
            md.append("\n\n```java\n").append(example).append("\n```");
        }
        return new MultiformatMessageString().withText(t.toString()).withMarkdown(md.toString());
    }

    /**
     * A rule the catalog does not know (a governance check added after the catalog was written): enough for a
     * viewer to show the result and for {@code ruleIndex} to be valid.
     */
    private static ReportingDescriptor bareDescriptor(String ruleId, EngineKind engine, Severity severity) {
        Set<String> tags = new LinkedHashSet<>(List.of("security"));
        if (engine == EngineKind.GOVERNANCE) {
            tags.add("governance");
        }
        return new ReportingDescriptor()
                .withId(ruleId)
                .withName(ruleId)
                .withShortDescription(new MultiformatMessageString().withText(ruleId))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configLevel(severity)))
                .withProperties(new PropertyBag().withTags(tags)
                        .withAdditionalProperty("security-severity", severity.securitySeverity())
                        .withAdditionalProperty("engine", engine.id()));
    }

    private static Result.Level level(Severity s) {
        return switch (s) {
            case BLOCKER, CRITICAL -> Result.Level.ERROR;
            case MAJOR -> Result.Level.WARNING;
            case MINOR -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration.Level configLevel(Severity s) {
        return ReportingConfiguration.Level.fromValue(level(s).value());
    }
}
