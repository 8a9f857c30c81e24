package dev.genguard.engine.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
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
import dev.genguard.engine.Finding;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules of the profile with CWE tags
 * ({@code external/cwe/cwe-N}) and {@code security-severity}, results with paths relative to the project
 * ({@code %SRCROOT%}). No timestamps or absolute paths, so equal input gives byte-identical output.
 */
public final class SarifReport {

    private static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");
    private static final URI INFORMATION = URI.create("https://github.com/genguard/genguard");
    private static final String SRCROOT = "%SRCROOT%";

    private SarifReport() {
    }

    public static SarifSchema210 build(List<Finding> findings, Catalog catalog, Profile profile, String toolVersion) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<ReportingDescriptor> rules = new ArrayList<>();
        // Every rule of the profile, then any rule that reported outside it: results refer to rules by index.
        for (RuleInfo rule : catalog.rules()) {
            if (rule.isIn(profile)) {
                index.put(rule.id(), rules.size());
                rules.add(descriptor(rule, rule.severityIn(profile).orElseThrow()));
            }
        }
        for (Finding f : findings) {
            if (!index.containsKey(f.ruleId())) {
                catalog.rule(f.ruleId()).ifPresent(rule -> {
                    index.put(rule.id(), rules.size());
                    rules.add(descriptor(rule, f.severity()));
                });
            }
        }
        List<Result> results = new ArrayList<>();
        for (Finding f : findings.stream().sorted().toList()) {
            Result result = new Result()
                    .withRuleId(f.ruleId())
                    .withLevel(level(f.severity()))
                    .withMessage(new Message().withText(f.message().isEmpty() ? f.ruleId() : f.message()))
                    .withLocations(List.of(new Location().withPhysicalLocation(new PhysicalLocation()
                            .withArtifactLocation(new ArtifactLocation().withUri(f.file()).withUriBaseId(SRCROOT))
                            .withRegion(new Region().withStartLine(Math.max(1, f.line()))
                                    .withEndLine(Math.max(1, f.endLine()))))))
                    .withProperties(new PropertyBag()
                            .withAdditionalProperty("severity", f.severity().name())
                            .withAdditionalProperty("engine", f.engine().id()));
            Integer ruleIndex = index.get(f.ruleId());
            if (ruleIndex != null) {
                result.setRuleIndex(ruleIndex);
            }
            results.add(result);
        }
        ToolComponent driver = new ToolComponent()
                .withName("GenGuard")
                .withVersion(toolVersion)
                .withInformationUri(INFORMATION)
                .withRules(new LinkedHashSet<>(rules));
        Run run = new Run().withTool(new Tool().withDriver(driver)).withResults(results);
        return new SarifSchema210().with$schema(SCHEMA).withVersion(SarifSchema210.Version._2_1_0).withRuns(List.of(run));
    }

    /** Writes the report atomically: a reader never sees a half-written file. */
    public static void write(SarifSchema210 sarif, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".genguard", ".sarif.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                mapper().writeValue(out, sarif);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    private static ReportingDescriptor descriptor(RuleInfo rule, Severity severity) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("security");
        if (!rule.cwe().isEmpty()) {
            tags.add("external/cwe/cwe-" + rule.cwe());
        }
        tags.addAll(rule.tags());
        String cwe = rule.cwe().isEmpty() ? "" : " (CWE-" + rule.cwe() + ")";
        return new ReportingDescriptor()
                .withId(rule.id())
                .withName(rule.id())
                .withShortDescription(new MultiformatMessageString().withText(rule.title()))
                .withFullDescription(new MultiformatMessageString().withText(rule.title() + cwe))
                .withHelp(new MultiformatMessageString().withText(rule.title() + cwe + ". See the GenGuard rule reference for "
                        + rule.id() + ": what it finds, why generated code has it, and the fix."))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configLevel(severity)))
                .withProperties(new PropertyBag().withTags(tags)
                        .withAdditionalProperty("security-severity", severity.securitySeverity())
                        .withAdditionalProperty("precision", "high")
                        .withAdditionalProperty("engine", rule.engine().id()));
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
