package dev.genguard.engine.governance;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.Severity;
import dev.genguard.engine.governance.sensitive.SensitiveCall;
import dev.genguard.engine.governance.source.JavaSource;
import dev.genguard.engine.governance.source.Member;
import dev.genguard.engine.governance.source.SourceIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The approval gate: AI-written code that calls an API of a sensitive area (cryptography, authentication and
 * authorization, deserialization, process execution, SQL, TLS; listed in {@code genguard/governance/sensitive-apis.tsv})
 * needs a security review marker. One finding per unreviewed AI-tagged member, at its first AI-tagged line, naming
 * the areas and the first call of each.
 */
public final class ApprovalGate {

    public static final String RULE_ID = "UnreviewedSensitiveAiCode";

    private ApprovalGate() {
    }

    /**
     * A sensitive call inside an AI region.
     *
     * @param review the review marker covering the call (of the member the call is in, or of a type around it), or
     *               null: a region may span several members, and a review of one of them covers that one only
     * @param member the innermost member the call is in, or null when unknown: the gate reports per member, so an
     *               AI-tagged type with three sensitive methods gets three findings, each fixed by its own review
     */
    public record Touch(AiRegion region, SensitiveCall call, Review review, Member member) {

        /** A touch reviewed as far as its region is. */
        public Touch(AiRegion region, SensitiveCall call) {
            this(region, call, region.review(), null);
        }

        /** The member the gate reports the touch under. */
        String memberSignature() {
            return member != null ? member.signature() : region.member();
        }

        /** The lines of the member that are AI-tagged: where the finding points. */
        int beginLine() {
            return member != null ? Math.max(region.beginLine(), member.beginLine()) : region.beginLine();
        }

        int endLine() {
            return member != null ? Math.min(region.endLine(), member.endLine()) : region.endLine();
        }

        public boolean reviewed() {
            return review != null;
        }
    }

    /**
     * The sensitive calls inside AI-tagged code, reviewed as far as their regions are; {@code calls} are keyed by
     * module-relative file.
     */
    public static List<Touch> touches(Provenance provenance, Map<String, List<SensitiveCall>> callsByFile) {
        return touches(provenance, callsByFile, null);
    }

    /**
     * The sensitive calls inside AI-tagged code; {@code calls} are keyed by module-relative file. Each call counts as
     * reviewed when the member it is in, or a type around it, has a review marker ({@code sources} tells), so that a
     * reviewed method of an AI-tagged type passes and a review of one method of a multi-method AI region does not
     * cover the others.
     */
    public static List<Touch> touches(Provenance provenance, Map<String, List<SensitiveCall>> callsByFile,
                                      SourceIndex sources) {
        List<Touch> touches = new ArrayList<>();
        for (Map.Entry<String, List<SensitiveCall>> e : callsByFile.entrySet()) {
            Optional<JavaSource> source = sources == null ? Optional.empty() : sources.file(e.getKey());
            for (SensitiveCall call : e.getValue()) {
                provenance.regionAt(e.getKey(), call.line()).ifPresent(r -> touches.add(source.isEmpty()
                        ? new Touch(r, call)
                        : new Touch(r, call, source.get().reviewCovering(call.line(), call.line()).orElse(null),
                                source.get().memberAt(call.line()).orElse(null))));
            }
        }
        return touches;
    }

    /** The gate's findings at {@code severity}, sorted by file and line. */
    public static List<Finding> findings(List<Touch> touches, Severity severity) {
        // file -> member -> touches of unreviewed regions, in line order
        Map<String, Map<String, List<Touch>>> open = new TreeMap<>();
        for (Touch t : touches) {
            if (!t.reviewed()) {
                open.computeIfAbsent(t.region().file(), f -> new TreeMap<>())
                        .computeIfAbsent(t.memberSignature(), m -> new ArrayList<>()).add(t);
            }
        }
        List<Finding> findings = new ArrayList<>();
        open.forEach((file, members) -> members.forEach((member, list) -> {
            int begin = list.stream().mapToInt(Touch::beginLine).min().orElseThrow();
            int end = list.stream().mapToInt(Touch::endLine).max().orElseThrow();
            Map<String, SensitiveCall> firstPerArea = new LinkedHashMap<>();
            list.stream().sorted((a, b) -> Integer.compare(a.call().line(), b.call().line()))
                    .forEach(t -> firstPerArea.putIfAbsent(t.call().area(), t.call()));
            String areas = new TreeSet<>(firstPerArea.keySet()).stream()
                    .map(a -> a + " (" + firstPerArea.get(a).api() + ", line " + firstPerArea.get(a).line() + ")")
                    .collect(Collectors.joining(", "));
            String what = member.isEmpty() ? "this AI-generated code" : "AI-generated " + shortName(member);
            findings.add(new Finding(RULE_ID, EngineKind.GOVERNANCE, severity, "", file, begin, end,
                    "Have a person review the security of " + what + ", which touches " + areas
                            + "; then mark it @SecurityReviewed(by, date, ticket) or with a comment "
                            + "genguard:reviewed-by NAME TICKET"));
        }));
        findings.sort(null);
        return findings;
    }

    private static String shortName(String member) {
        int hash = member.indexOf('#');
        return hash < 0 ? member : member.substring(hash + 1);
    }
}
