package dev.genguard.engine.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FileRisk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The assessment as JSON: the machine-readable report, and how the Maven plugin hands a module's result to the
 * reactor aggregate. The document is the {@link Assessment} record as Jackson writes records (components in
 * declaration order, enums by name, absent values as explicit {@code null}) after a {@code "schemaVersion"} field; lists keep
 * the assessment's order, which the model defines as sorted. No timestamps and {@code \n} line ends, so equal
 * assessments give byte-identical files, and {@link #read} returns a record equal to the one written.
 */
public final class JsonReport {

    /** Raised when the document's shape changes incompatibly; {@link #read} accepts only this version. */
    public static final int SCHEMA_VERSION = 1;

    private static final String VERSION_FIELD = "schemaVersion";

    private JsonReport() {
    }

    /** Writes the assessment atomically: the aggregate never reads a half-written module report. */
    public static void write(Assessment a, Path file) throws IOException {
        ObjectMapper mapper = mapper();
        ObjectNode document = mapper.createObjectNode();
        document.put(VERSION_FIELD, SCHEMA_VERSION);
        document.setAll((ObjectNode) mapper.valueToTree(a));
        JsonOutput.write(mapper, document, file);
    }

    /**
     * Reads a report written by {@link #write}.
     *
     * @throws IOException when the file cannot be read, is not such a report, or has another schema version
     *                     (unknown fields are an error too: a silently dropped field would change the aggregate)
     */
    public static Assessment read(Path file) throws IOException {
        ObjectMapper mapper = mapper();
        JsonNode tree = mapper.readTree(file.toFile());
        if (!(tree instanceof ObjectNode document)) {
            throw new IOException(file + " is not a GenGuard JSON report");
        }
        JsonNode version = document.remove(VERSION_FIELD);
        if (version == null || !version.isInt() || version.intValue() != SCHEMA_VERSION) {
            throw new IOException(file + ": unsupported GenGuard report " + VERSION_FIELD + " "
                    + (version == null ? "(missing)" : version.toString()) + ", expected " + SCHEMA_VERSION
                    + ": was it written by another GenGuard version?");
        }
        return mapper.treeToValue(document, Assessment.class);
    }

    /**
     * The assessment of a reactor: every module's findings, AI regions, file risks and errors, with each file
     * path prefixed by the module's directory relative to the aggregate root, so paths stay unique and relative.
     * <ul>
     *   <li>{@code risk}: the highest module risk. The risk formula weighs a file against its module, so scores
     *       of different modules do not add up; the riskiest module is what the aggregate answers for.</li>
     *   <li>{@code totalLines}, {@code fixedBaseline}: sums.</li>
     *   <li>{@code profile}: the first module's (modules of one reactor normally share the plugin
     *       configuration); {@link Profile#DEFAULT} when there are no modules.</li>
     *   <li>{@code notes}: concatenated in module order, each note once.</li>
     *   <li>fingerprints and suppressions are kept as the module computed them: baselines are per module.</li>
     *   <li>lists are sorted again, as the model requires.</li>
     * </ul>
     *
     * @param name    the aggregate's name, e.g. the root artifactId
     * @param modules prefix and assessment of each module; the prefix is the module's directory relative to the
     *                root, '/'-separated ({@code ""} for the root module, else e.g. {@code "sub/dir"}; a trailing
     *                slash is added when missing)
     */
    public static Assessment aggregate(String name, List<Map.Entry<String, Assessment>> modules) {
        List<AssessedFinding> findings = new ArrayList<>();
        List<AiRegion> inventory = new ArrayList<>();
        List<FileRisk> files = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        int risk = 0;
        int totalLines = 0;
        int fixedBaseline = 0;
        for (Map.Entry<String, Assessment> module : modules) {
            String prefix = prefix(module.getKey());
            Assessment a = module.getValue();
            for (AssessedFinding f : a.findings()) {
                findings.add(new AssessedFinding(prefixed(prefix, f.finding()), f.fingerprint(), f.member(), f.state(),
                        f.suppression(), prefixed(prefix, f.ai())));
            }
            for (AiRegion r : a.inventory()) {
                inventory.add(prefixed(prefix, r));
            }
            for (FileRisk r : a.files()) {
                files.add(new FileRisk(prefix + r.file(), r.score(), r.findingPoints(), r.lines(), r.aiLines(),
                        r.sensitiveAreas(), r.unreviewed()));
            }
            for (ScanError e : a.errors()) {
                String file = ReportOrder.orEmpty(e.file());
                errors.add(new ScanError(e.engine(), file.isEmpty() ? file : prefix + file, e.message()));
            }
            notes.addAll(a.notes());
            risk = Math.max(risk, a.risk());
            totalLines += a.totalLines();
            fixedBaseline += a.fixedBaseline();
        }
        Profile profile = modules.isEmpty() ? Profile.DEFAULT : modules.get(0).getValue().profile();
        findings.sort(ReportOrder.FINDINGS);
        inventory.sort(ReportOrder.REGIONS);
        files.sort(ReportOrder.FILES);
        errors.sort(ReportOrder.ERRORS);
        return new Assessment(name, profile, findings, inventory, files, risk, totalLines, fixedBaseline,
                List.copyOf(notes), errors);
    }

    /**
     * Jackson's record support: components in declaration order, the canonical constructor for reading. Every
     * component is written, nulls too, so that reading can insist on all of them: an unknown, missing or null
     * primitive field fails the read instead of becoming a silent null or 0.
     */
    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    private static String prefix(String raw) {
        String p = raw == null ? "" : raw.replace('\\', '/');
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.isEmpty() || p.equals(".") ? "" : p + "/";
    }

    private static Finding prefixed(String prefix, Finding f) {
        return new Finding(f.ruleId(), f.engine(), f.severity(), f.cwe(), prefix + f.file(), f.line(), f.endLine(),
                f.message());
    }

    private static AiRegion prefixed(String prefix, AiRegion r) {
        return r == null ? null : new AiRegion(prefix + r.file(), r.member(), r.beginLine(), r.endLine(), r.source(),
                r.tag(), r.commit(), r.owner(), r.review());
    }
}
