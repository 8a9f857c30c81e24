package dev.genguard.engine.dependencies;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleInfo;
import dev.genguard.engine.dependencies.DependencyModel.Declared;
import dev.genguard.engine.dependencies.DependencyModel.Location;
import dev.genguard.engine.dependencies.DependencyModel.Repository;
import dev.genguard.engine.dependencies.DependencyModel.Resolved;
import dev.genguard.engine.dependencies.DependencyModel.Unresolved;
import dev.genguard.engine.governance.ExternalFinding;
import dev.genguard.engine.governance.Governance;
import dev.genguard.engine.governance.LineHistory;
import dev.genguard.engine.governance.Suppression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The dependency guard: the module's dependencies as a risk surface. Each check is a finding at the pom line of the
 * declaration (a transitive dependency at the declaration that brings it in):
 * <ul>
 *   <li>{@code DependencyNotAllowed}: matches no allowlist entry (only when an allowlist is configured);</li>
 *   <li>{@code LookalikeDependency}: close to a popular artifact but not it (see {@link LookalikeMatcher});</li>
 *   <li>{@code UnresolvableDependency}: declared but not resolvable, likely an invented artifact;</li>
 *   <li>{@code UnusedDeclaredDependency}: declared in this pom with compile scope, never used by the classes;</li>
 *   <li>{@code InsecureRepository}: a repository over plain {@code http://};</li>
 *   <li>{@code AiIntroducedDependency}: its declaration was last changed by an AI-trailer commit, with no review.</li>
 * </ul>
 */
public final class DependencyGuard {

    public static final String NOT_ALLOWED = "DependencyNotAllowed";
    public static final String LOOKALIKE = "LookalikeDependency";
    public static final String UNRESOLVABLE = "UnresolvableDependency";
    public static final String UNUSED = "UnusedDeclaredDependency";
    public static final String INSECURE_REPOSITORY = "InsecureRepository";
    public static final String AI_INTRODUCED = "AiIntroducedDependency";

    /**
     * @param allowlist the allowed dependencies, or null when none is configured (the check is off)
     * @param matcher   the look-alike matcher over the popular artifacts
     * @param history   version control of the module, for AI-introduced declarations
     * @param poms      the text of each pom, by the file name the locations use (for review markers and ends)
     * @param profile   the module's profile, for severities
     */
    public record Options(Allowlist allowlist, LookalikeMatcher matcher, LineHistory history, Map<String, PomText> poms,
                          Profile profile) {
        public Options {
            Objects.requireNonNull(matcher, "matcher");
            history = history == null ? LineHistory.NONE : history;
            poms = Map.copyOf(poms);
            Objects.requireNonNull(profile, "profile");
        }
    }

    private final Catalog catalog;

    public DependencyGuard(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<ExternalFinding> check(DependencyModel model, Options options) {
        List<ExternalFinding> findings = new ArrayList<>();
        Set<Coordinate> reported = new HashSet<>();
        for (Declared d : model.declared()) {
            lookalike(d.coordinate(), d, null, options, findings);
            notAllowed(d.coordinate(), d, null, options, findings);
            aiIntroduced(d, options, findings);
            reported.add(d.coordinate());
        }
        for (Resolved r : model.resolved()) {
            if (r.via() != null && reported.add(r.coordinate())) {
                lookalike(r.coordinate(), r.via(), r, options, findings);
                notAllowed(r.coordinate(), r.via(), r, options, findings);
            }
        }
        for (Unresolved u : model.unresolved()) {
            Declared d = u.declared();
            add(findings, UNRESOLVABLE, options, d.coordinate().toString(), d.location(), lastLine(d, options),
                    d.coordinate() + ":" + d.version() + " cannot be resolved (" + u.reason() + "): check that this "
                            + "artifact exists; a name a code assistant suggested may be invented, and attackers "
                            + "register invented names");
        }
        if (model.unused() != null) {
            Set<Coordinate> unused = new HashSet<>(model.unused());
            for (Declared d : model.declared()) {
                if (unused.contains(d.coordinate()) && "compile".equals(scope(d)) && isOwnPom(d.location())) {
                    add(findings, UNUSED, options, d.coordinate().toString(), d.location(), lastLine(d, options), "Remove " + d.coordinate()
                            + ": no compiled class uses it (declare runtime-only dependencies with scope runtime)");
                }
            }
        }
        for (Repository repo : model.repositories()) {
            if (repo.url() != null && repo.url().strip().toLowerCase(Locale.ROOT).startsWith("http://")) {
                add(findings, INSECURE_REPOSITORY, options, repo.id(), repo.location(), repo.location().line(),
                        "Use https for " + (repo.pluginRepository() ? "plugin repository " : "repository ") + repo.id()
                                + " (" + repo.url().strip() + "): over http anyone on the path can replace artifacts");
            }
        }
        reasonlessSuppressions(options, findings);
        findings.sort(java.util.Comparator.comparing(ExternalFinding::finding));
        return findings;
    }

    private void lookalike(Coordinate c, Declared at, Resolved transitive, Options options, List<ExternalFinding> out) {
        Optional<LookalikeMatcher.Match> match = options.matcher().match(c);
        match.ifPresent(m -> add(out, LOOKALIKE, options, c.toString(), at.location(), lastLine(at, options),
                "Check " + c + (transitive == null ? "" : " (brought in by " + at.coordinate() + ")") + ": it is "
                        + m.how() + " " + m.popular() + "; a look-alike name is how typosquatted artifacts get in"));
    }

    private void notAllowed(Coordinate c, Declared at, Resolved transitive, Options options, List<ExternalFinding> out) {
        if (options.allowlist() != null && !options.allowlist().allows(c)) {
            add(out, NOT_ALLOWED, options, c.toString(), at.location(), lastLine(at, options), "Get " + c
                    + (transitive == null ? "" : " (brought in by " + at.coordinate() + ")")
                    + " approved and add it to the allowlist, or remove it: it matches no allowed pattern");
        }
    }

    private void aiIntroduced(Declared d, Options options, List<ExternalFinding> out) {
        if (d.location().line() <= 0) {
            return;
        }
        SortedMap<Integer, LineHistory.Origin> ai = options.history().aiLines(d.location().file());
        int end = lastLine(d, options);
        SortedMap<Integer, LineHistory.Origin> inDeclaration = ai.subMap(d.location().line(), end + 1);
        if (inDeclaration.isEmpty()) {
            return;
        }
        PomText pom = options.poms().get(d.location().file());
        if (pom != null && pom.review(d.location().line(), end).isPresent()) {
            return;
        }
        LineHistory.Origin origin = inDeclaration.get(inDeclaration.firstKey());
        String tool = origin.tag().tool().isEmpty() ? "" : " (" + origin.tag().tool() + ")";
        add(out, AI_INTRODUCED, options, d.coordinate().toString(), d.location(), end, "Have a person approve "
                + d.coordinate() + ": an AI-assisted commit" + tool + " " + abbreviate(origin.commit())
                + " added or changed it; then mark it with <!-- genguard:reviewed-by NAME TICKET -->");
    }

    /**
     * A finding at a declaration: its member is what it is about (a dependency, a repository), so its fingerprint
     * survives reordering the pom; the suppressions are those written in or directly before the declaration.
     */
    private void add(List<ExternalFinding> out, String rule, Options options, String member, Location location, int end,
                     String message) {
        PomText pom = options.poms().get(location.file());
        int line = Math.max(1, location.line());
        out.add(new ExternalFinding(finding(rule, options, location, end, message), member,
                pom == null ? "" : pom.code(line), pom == null ? List.of() : pom.suppressions(line, Math.max(line, end))));
    }

    /** A {@code genguard:ignore} in a pom without a reason is a finding, as in the Java sources. */
    private void reasonlessSuppressions(Options options, List<ExternalFinding> out) {
        new java.util.TreeMap<>(options.poms()).forEach((file, pom) -> {
            for (Suppression s : pom.allSuppressions()) {
                if (!s.hasReason()) {
                    add(out, Governance.REASONLESS_SUPPRESSION, options, "", new Location(file, s.line()), s.line(),
                            "Say why " + s.ruleId() + " is suppressed here (<!-- genguard:ignore " + s.ruleId()
                                    + " -- REASON -->); until then the suppression does not apply");
                }
            }
        });
    }

    private Finding finding(String rule, Options options, Location location, int end, String message) {
        RuleInfo info = catalog.rule(rule).orElseThrow(() -> new IllegalStateException(rule + " is missing from the catalog"));
        Severity severity = info.severityIn(options.profile()).or(() -> info.severityIn(Profile.ALL)).orElseThrow();
        return new Finding(rule, EngineKind.GOVERNANCE, severity, info.cwe(), location.file(), Math.max(1, location.line()),
                Math.max(1, end), message);
    }

    private static int lastLine(Declared d, Options options) {
        PomText pom = options.poms().get(d.location().file());
        return pom == null || d.location().line() <= 0 ? d.location().line() : pom.endOf(d.location().line(), "dependency");
    }

    private static String scope(Declared d) {
        return d.scope() == null || d.scope().isEmpty() ? "compile" : d.scope();
    }

    /** Declared in the module's own pom, not inherited: an unused inherited dependency is the parent's choice. */
    private static boolean isOwnPom(Location location) {
        return !location.file().contains("/");
    }

    private static String abbreviate(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }
}
