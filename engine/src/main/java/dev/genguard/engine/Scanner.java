package dev.genguard.engine;

import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleInfo;
import dev.genguard.engine.pmd.PmdRunner;
import dev.genguard.engine.spotbugs.SpotBugsRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs both engines on one module and merges their findings: the catalog gives each finding its CWE and the
 * severity of the active profile, low-confidence SpotBugs findings drop one severity level, and where two
 * rules report the same CWE on the same line only the most severe finding is kept.
 */
public final class Scanner {

    /** SpotBugs' low priority: the detector could not prove the value. */
    private static final int LOW_CONFIDENCE = 3;
    /** The catalog tag of data-flow rules; see {@code catalog.tsv}. */
    static final String TAINT_TAG = "taint";

    private final Catalog catalog;

    public Scanner(Catalog catalog) {
        this.catalog = catalog;
    }

    public ScanResult scan(ScanRequest request) {
        List<ScanError> errors = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        AiPolicy ai = request.ai();
        List<Path> files = request.sourceFiles();

        List<Path> aux = new ArrayList<>(request.classDirs());
        aux.addAll(request.classpath());
        EngineResult pmd = PmdRunner.run(new PmdRunner.Request(files, request.baseDir(), aux,
                List.of(request.profile().pmdRuleset()), request.pmdThreads(), request.encoding(), request.pmdCache()));
        errors.addAll(pmd.errors());
        // AI-tagged files get a second PMD pass with the AI profile's ruleset: its rules may be configured more
        // broadly (strict properties), so its findings count inside AI-tagged code only, and the first pass's
        // findings count outside it.
        boolean aiPass = !ai.code().isEmpty() && ai.profile() != request.profile();
        for (RawFinding raw : pmd.findings()) {
            // Inside AI code the second pass reports the AI profile's rules; this pass keeps the others.
            boolean secondPassRule = catalog.rule(raw.ruleId()).map(r -> r.isIn(ai.profile())).orElse(false);
            if (!(aiPass && secondPassRule && ai.code().contains(raw.file(), raw.line()))) {
                map(raw, EngineKind.PMD, request).ifPresent(findings::add);
            }
        }
        if (aiPass) {
            List<Path> aiFiles = files.stream()
                    .filter(f -> ai.code().files().contains(ReportedPaths.relative(request.baseDir(), f))).toList();
            EngineResult strict = PmdRunner.run(new PmdRunner.Request(aiFiles, request.baseDir(), aux,
                    List.of(ai.profile().pmdRuleset()), request.pmdThreads(), request.encoding(), null));
            // Processing errors of these files were reported by the first pass already.
            for (RawFinding raw : strict.findings()) {
                if (ai.code().contains(raw.file(), raw.line())) {
                    map(raw, EngineKind.PMD, request).ifPresent(findings::add);
                }
            }
        }

        if (!request.spotbugsPlugins().isEmpty()) {
            EngineResult spotbugs = SpotBugsRunner.run(new SpotBugsRunner.Request(request.classDirs(),
                    request.classpath(), request.sourceRoots(), request.baseDir(), request.spotbugsPlugins(), "default"));
            errors.addAll(spotbugs.errors());
            notes.addAll(spotbugs.notes());
            spotbugs.findings().forEach(raw -> map(raw, EngineKind.SPOTBUGS, request).ifPresent(findings::add));
        }
        List<Finding> selected = findings.stream()
                .filter(f -> request.sources().accepts(request.baseDir().resolve(f.file()), request.sourceRoots()))
                .toList();
        return new ScanResult(deduplicate(selected), errors, notes);
    }

    /** True when the request has anything to analyse: a source root with files, or a class directory. */
    public static boolean hasInput(ScanRequest request) {
        return request.sourceRoots().stream().anyMatch(Scanner::nonEmptyDir)
                || request.classDirs().stream().anyMatch(Scanner::nonEmptyDir);
    }

    private static boolean nonEmptyDir(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private Optional<Finding> map(RawFinding raw, EngineKind engine, ScanRequest request) {
        Optional<RuleInfo> rule = catalog.rule(raw.ruleId());
        if (rule.isEmpty() || rule.get().engine() != engine) {
            return Optional.empty();
        }
        AiPolicy ai = request.ai();
        if (ai.code().contains(raw.file(), raw.line())) {
            return aiFinding(rule.get(), raw, request.profile(), ai);
        }
        return finding(rule.get(), raw, request.profile());
    }

    /**
     * A raw finding inside AI-tagged code: reported when the AI profile or the module's has the rule, at its severity in the
     * module's profile (or the {@code all} profile when that leaves the rule out), one level lower at low confidence,
     * then raised by the policy.
     */
    static Optional<Finding> aiFinding(RuleInfo rule, RawFinding raw, Profile profile, AiPolicy ai) {
        // The union of both profiles: AI-tagged code is never checked by fewer rules than the rest of the module.
        if (!rule.isIn(ai.profile()) && !rule.isIn(profile)) {
            return Optional.empty();
        }
        Severity base = rule.severityIn(profile).or(() -> rule.severityIn(Profile.ALL))
                .orElseGet(() -> rule.severityIn(ai.profile()).orElseThrow());
        Severity severity = raw.confidence() >= LOW_CONFIDENCE ? base.lower() : base;
        for (int i = 0; i < ai.raise(); i++) {
            severity = severity.raise();
        }
        return Optional.of(new Finding(raw.ruleId(), rule.engine(), severity, rule.cwe(), raw.file(), raw.line(),
                raw.endLine(), raw.message()));
    }

    /**
     * A raw finding as the profile sees it: the rule's severity there, one level lower at low confidence; none when
     * the profile leaves the rule out, or for a data-flow rule's low-confidence finding (its only source is the
     * environment or command line) outside the strict and all profiles.
     */
    public static Optional<Finding> finding(RuleInfo rule, RawFinding raw, Profile profile) {
        boolean lowConfidence = raw.confidence() >= LOW_CONFIDENCE;
        if (lowConfidence && profile == Profile.DEFAULT && rule.tags().contains(TAINT_TAG)) {
            return Optional.empty();
        }
        return rule.severityIn(profile).map(severity -> new Finding(raw.ruleId(), rule.engine(),
                lowConfidence ? severity.lower() : severity, rule.cwe(), raw.file(), raw.line(), raw.endLine(),
                raw.message()));
    }

    /** One flaw, one finding: of several findings with the same CWE on the same line, keep the most severe. */
    static List<Finding> deduplicate(List<Finding> findings) {
        Map<String, Finding> kept = new LinkedHashMap<>();
        findings.stream().sorted().forEach(f -> kept.putIfAbsent(f.file() + '\0' + f.line() + '\0' + f.cwe(), f));
        return new ArrayList<>(kept.values());
    }
}
