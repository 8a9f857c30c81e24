package dev.genguard.engine.governance;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.ReportedPaths;
import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanRequest;
import dev.genguard.engine.ScanResult;
import dev.genguard.engine.Scanner;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.RuleInfo;
import dev.genguard.engine.governance.sensitive.SensitiveApis;
import dev.genguard.engine.governance.sensitive.SensitiveCall;
import dev.genguard.engine.governance.sensitive.SensitiveCallScanner;
import dev.genguard.engine.governance.source.JavaSource;
import dev.genguard.engine.governance.source.SourceIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Governance around the engines, for one module:
 * sources and history → provenance → engines (AI policy) → approval gate → suppressions → fingerprints → baseline
 * → risk. Engine-neutral and free of Maven types; the mojos only build the inputs and print the result.
 */
public final class Governance {

    public static final String REASONLESS_SUPPRESSION = "SuppressionWithoutReason";

    /**
     * @param module        the module's name
     * @param history       version control of the module, or {@link LineHistory#NONE}
     * @param sensitiveApis the APIs of sensitive areas, for the approval gate
     * @param baseline      the accepted findings, or null for none
     * @param external      findings of checks outside the Java sources (the dependency guard)
     */
    public record Options(String module, LineHistory history, SensitiveApis sensitiveApis, Baseline baseline,
                          List<ExternalFinding> external) {
        public Options {
            Objects.requireNonNull(module, "module");
            history = history == null ? LineHistory.NONE : history;
            Objects.requireNonNull(sensitiveApis, "sensitiveApis");
            external = external == null ? List.of() : List.copyOf(external);
        }

        public Options(String module, LineHistory history, SensitiveApis sensitiveApis, Baseline baseline) {
            this(module, history, sensitiveApis, baseline, List.of());
        }
    }

    private final Catalog catalog;

    public Governance(Catalog catalog) {
        this.catalog = catalog;
    }

    public Assessment assess(ScanRequest request, Options options) {
        if (options.baseline() != null) {
            options.baseline().requireModule(options.module());
        }
        List<String> notes = new ArrayList<>();
        SourceIndex index = SourceIndex.build(request.baseDir(), request.sourceFiles(), request.encoding());
        Provenance provenance = Provenance.detect(index, options.history());

        ScanResult scan = new Scanner(catalog).scan(request.withAi(request.ai().withCode(provenance)));

        List<ApprovalGate.Touch> touches = List.of();
        List<Finding> findings = new ArrayList<>(scan.findings());
        if (!provenance.regions().isEmpty()) {
            touches = ApprovalGate.touches(provenance, sensitiveCalls(request, index, options.sensitiveApis(), notes),
                    index);
            findings.addAll(ApprovalGate.findings(touches, severity(ApprovalGate.RULE_ID, request)));
        }
        findings.addAll(reasonlessSuppressions(index, request));

        List<AssessedFinding> assessed = assess(findings, options.external(), index, provenance, options.baseline());
        int fixed = 0;
        if (options.baseline() != null) {
            Set<String> found = new HashSet<>();
            assessed.forEach(f -> found.add(f.fingerprint()));
            fixed = (int) options.baseline().findings().stream().filter(e -> !found.contains(e.fingerprint())).count();
        }
        List<FileRisk> files = new ArrayList<>();
        int risk = risk(index, provenance, assessed, touches, files);
        // The index's notes last of all: files are parsed as provenance and findings ask for them.
        List<String> allNotes = new ArrayList<>(index.notes());
        allNotes.addAll(options.history().notes());
        allNotes.addAll(scan.notes());
        allNotes.addAll(notes);
        return new Assessment(options.module(), request.profile(), assessed, provenance.regions(), files, risk,
                index.totalLines(), fixed, allNotes, scan.errors());
    }

    private Severity severity(String ruleId, ScanRequest request) {
        RuleInfo rule = catalog.rule(ruleId).orElseThrow(() -> new IllegalStateException(ruleId + " is missing from the catalog"));
        return rule.severityIn(request.profile()).or(() -> rule.severityIn(dev.genguard.engine.catalog.Profile.ALL))
                .orElseThrow();
    }

    /** Sensitive calls of the compiled classes, by module-relative source file. */
    private static Map<String, List<SensitiveCall>> sensitiveCalls(ScanRequest request, SourceIndex index,
                                                                   SensitiveApis apis, List<String> notes) {
        List<Path> dirs = request.classDirs().stream().filter(Files::isDirectory).toList();
        if (dirs.isEmpty()) {
            notes.add("no compiled classes: the approval gate cannot see which sensitive APIs AI-tagged code calls");
            return Map.of();
        }
        SensitiveCallScanner.Result result = SensitiveCallScanner.scan(dirs, apis);
        result.errors().forEach(e -> notes.add("approval gate: " + e));
        return byFile(result.calls(), index, request.baseDir(), request.sourceRoots());
    }

    /**
     * The calls by module-relative source file. A class names its source by package path (com/acme/Foo.java): the
     * file is that path under a source root, as the compiler found it; only a class whose source is under no root
     * (generated elsewhere) is matched by the path's ending. A class whose source is under a root but left out of
     * the analysis (excluded) has no file here.
     */
    static Map<String, List<SensitiveCall>> byFile(List<SensitiveCall> found, SourceIndex index, Path baseDir,
                                                   List<Path> roots) {
        Map<String, String> bySuffix = new HashMap<>();
        for (String file : index.paths()) {
            for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
                bySuffix.putIfAbsent(file.substring(slash + 1), file);
            }
            bySuffix.putIfAbsent(file, file);
        }
        Map<String, Optional<String>> resolved = new HashMap<>();
        Map<String, List<SensitiveCall>> calls = new TreeMap<>();
        for (SensitiveCall call : found) {
            Optional<String> file = resolved.computeIfAbsent(call.sourcePath(), sourcePath -> {
                boolean underRoot = false;
                for (Path root : roots) {
                    Path candidate = root.resolve(sourcePath);
                    String relative = ReportedPaths.relative(baseDir, candidate);
                    if (index.paths().contains(relative)) {
                        return Optional.of(relative);
                    }
                    underRoot |= Files.isRegularFile(candidate);
                }
                return underRoot ? Optional.empty() : Optional.ofNullable(bySuffix.get(sourcePath));
            });
            file.ifPresent(f -> calls.computeIfAbsent(f, k -> new ArrayList<>()).add(call));
        }
        return calls;
    }

    private List<Finding> reasonlessSuppressions(SourceIndex index, ScanRequest request) {
        List<Finding> found = new ArrayList<>();
        Severity severity = severity(REASONLESS_SUPPRESSION, request);
        for (JavaSource source : index.markedFiles()) {
            for (Suppression s : source.suppressions()) {
                if (!s.hasReason()) {
                    String how = s.kind().equals("comment")
                            ? "// genguard:ignore " + s.ruleId() + " -- REASON"
                            : "@SuppressWarnings(\"genguard:" + s.ruleId() + " -- REASON\")";
                    found.add(new Finding(REASONLESS_SUPPRESSION, EngineKind.GOVERNANCE, severity, "", source.file(),
                            s.line(), s.line(), "Say why " + s.ruleId() + " is suppressed here (" + how
                            + "); until then the suppression does not apply"));
                }
            }
        }
        return found;
    }

    private static List<AssessedFinding> assess(List<Finding> findings, List<ExternalFinding> external,
                                                SourceIndex index, Provenance provenance, Baseline baseline) {
        List<ExternalFinding> all = new ArrayList<>(external);
        for (Finding f : findings) {
            Optional<JavaSource> source = index.file(f.file());
            String member = source.flatMap(s -> s.memberAt(f.line())).map(m -> m.signature()).orElse("");
            String code = source.map(s -> s.codeAt(f.line())).orElse("");
            List<Suppression> suppressions = source.map(s -> s.suppressionsAt(f.line(), f.endLine())).orElse(List.of());
            all.add(new ExternalFinding(f, member, code, suppressions));
        }
        all.sort(java.util.Comparator.comparing(ExternalFinding::finding));
        Set<String> accepted = baseline == null ? Set.of() : baseline.fingerprintSet();
        Map<String, Integer> occurrences = new HashMap<>();
        List<AssessedFinding> assessed = new ArrayList<>();
        for (ExternalFinding located : all) {
            Finding f = located.finding();
            String key = Fingerprints.key(f, located.member(), located.code());
            String fingerprint = Fingerprints.of(key, occurrences.merge(key, 1, Integer::sum));
            Suppression suppression = f.ruleId().equals(REASONLESS_SUPPRESSION) ? null : located.suppressions().stream()
                    .filter(x -> x.ruleId().equals(f.ruleId()) && x.hasReason()).findFirst().orElse(null);
            FindingState state = suppression != null ? FindingState.SUPPRESSED
                    : accepted.contains(fingerprint) ? FindingState.BASELINE : FindingState.NEW;
            AiRegion ai = provenance.regionAt(f.file(), f.line()).orElse(null);
            assessed.add(new AssessedFinding(f, fingerprint, located.member(), state, suppression, ai));
        }
        return assessed;
    }


    private static int risk(SourceIndex index, Provenance provenance, List<AssessedFinding> findings,
                            List<ApprovalGate.Touch> touches, List<FileRisk> out) {
        Map<String, Integer> points = new TreeMap<>();
        for (AssessedFinding f : findings) {
            if (f.state() != FindingState.SUPPRESSED) {
                points.merge(f.finding().file(), RiskScore.weight(f.finding().severity()), Integer::sum);
            }
        }
        Map<String, Set<String>> reviewed = new TreeMap<>();
        Map<String, Set<String>> unreviewed = new TreeMap<>();
        for (ApprovalGate.Touch t : touches) {
            (t.reviewed() ? reviewed : unreviewed)
                    .computeIfAbsent(t.region().file(), f -> new TreeSet<>()).add(t.call().area());
        }
        Set<String> files = new TreeSet<>(points.keySet());
        files.addAll(provenance.files());
        List<Double> raws = new ArrayList<>();
        for (String file : files) {
            int lines = index.lineCount(file);
            int aiLines = provenance.aiLines(file);
            Set<String> open = unreviewed.getOrDefault(file, Set.of());
            Set<String> done = new TreeSet<>(reviewed.getOrDefault(file, Set.of()));
            done.removeAll(open);
            Set<String> areas = new TreeSet<>(open);
            areas.addAll(done);
            double share = lines == 0 ? 0 : Math.min(1.0, (double) aiLines / lines);
            double raw = RiskScore.raw(points.getOrDefault(file, 0), share, open.size(), done.size());
            raws.add(raw);
            out.add(new FileRisk(file, RiskScore.fileScore(raw), points.getOrDefault(file, 0), lines, aiLines,
                    List.copyOf(areas), open.size()));
        }
        out.sort(Comparator.comparing(FileRisk::file));
        return RiskScore.moduleScore(raws, index.totalLines());
    }
}
