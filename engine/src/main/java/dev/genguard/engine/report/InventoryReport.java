package dev.genguard.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FileRisk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ai-inventory.json}: where a module's AI-written code lives, who owns it, how it was reviewed. One entry per
 * AI-tagged region, sorted by file and line; no timestamps, so equal input gives identical files.
 */
public final class InventoryReport {

    public static final String FILE_NAME = "ai-inventory.json";
    public static final int SCHEMA_VERSION = 1;

    private InventoryReport() {
    }

    public static ObjectNode build(Assessment a) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("module", a.module());
        root.put("totalLines", a.totalLines());
        root.put("aiLines", a.aiLines());
        root.put("aiShare", Math.round(a.aiShare() * 10000) / 10000.0);
        root.put("risk", a.risk());
        ArrayNode regions = root.putArray("regions");
        // Each region's findings and file risk looked up, not searched for: a module may have thousands of each.
        Map<AiRegion, List<AssessedFinding>> byRegion = new HashMap<>();
        for (AssessedFinding f : a.findings()) {
            if (f.ai() != null) {
                byRegion.computeIfAbsent(f.ai(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, FileRisk> risks = new HashMap<>();
        a.files().forEach(x -> risks.putIfAbsent(x.file(), x));
        for (AiRegion r : a.inventory()) {
            ObjectNode n = regions.addObject();
            n.put("file", r.file());
            n.put("member", r.member());
            n.put("beginLine", r.beginLine());
            n.put("endLine", r.endLine());
            n.put("source", r.source().id());
            n.put("tool", r.tag().tool());
            n.put("model", r.tag().model());
            n.put("prompt", r.tag().prompt());
            n.put("promptLog", r.tag().promptLog());
            n.put("commit", r.commit());
            n.put("owner", r.owner());
            ObjectNode review = n.putObject("review");
            review.put("state", r.reviewed() ? "reviewed" : "unreviewed");
            if (r.reviewed()) {
                review.put("by", r.review().by());
                review.put("date", r.review().date());
                review.put("ticket", r.review().ticket());
                review.put("marker", r.review().marker());
                review.put("line", r.review().line());
            }
            ArrayNode findings = n.putArray("findings");
            for (AssessedFinding f : byRegion.getOrDefault(r, List.of())) {
                ObjectNode fn = findings.addObject();
                fn.put("ruleId", f.finding().ruleId());
                fn.put("severity", f.finding().severity().name());
                fn.put("line", f.finding().line());
                fn.put("state", f.state().id());
                fn.put("fingerprint", f.fingerprint());
            }
            FileRisk risk = risks.get(r.file());
            n.put("fileRisk", risk == null ? 0 : risk.score());
            ArrayNode areas = n.putArray("fileSensitiveAreas");
            if (risk != null) {
                risk.sensitiveAreas().forEach(areas::add);
            }
        }
        return root;
    }

    /** Writes the inventory atomically, LF line ends on every OS. */
    public static void write(Assessment a, Path file) throws IOException {
        JsonOutput.write(new ObjectMapper(), build(a), file);
    }
}
