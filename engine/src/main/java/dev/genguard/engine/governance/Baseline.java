package dev.genguard.engine.governance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genguard.engine.report.JsonOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The accepted findings of a code base, {@code genguard-baseline.json}, committed by its team: {@code check} then
 * fails on new findings only. Entries match by fingerprint ({@link Fingerprints}); file, line and message are kept
 * for the reader and for review of the file's diff, not for matching.
 *
 * @param schemaVersion the file format, 1
 * @param fingerprints  the recipe of the fingerprints, {@link Fingerprints#VERSION}
 * @param module        the module whose findings these are (its artifactId), or empty when not recorded; entries
 *                      name files relative to that module, so another module's baseline matches nothing
 * @param findings      the entries, sorted by file, line and rule
 */
@JsonPropertyOrder({"schemaVersion", "fingerprints", "module", "findings"})
public record Baseline(int schemaVersion, String fingerprints, String module, List<Entry> findings) {

    public static final int SCHEMA_VERSION = 1;

    /** One accepted finding. */
    @JsonPropertyOrder({"fingerprint", "ruleId", "file", "line", "member", "message"})
    public record Entry(String fingerprint, String ruleId, String file, int line, String member, String message) {
        public Entry {
            Objects.requireNonNull(fingerprint, "fingerprint");
            ruleId = ruleId == null ? "" : ruleId;
            file = file == null ? "" : file;
            member = member == null ? "" : member;
            message = message == null ? "" : message;
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::file).thenComparingInt(Entry::line)
            .thenComparing(Entry::ruleId).thenComparing(Entry::fingerprint);

    public Baseline {
        findings = findings == null ? List.of() : findings.stream().sorted(ORDER).toList();
        fingerprints = fingerprints == null ? Fingerprints.VERSION : fingerprints;
        module = module == null ? "" : module;
    }

    /** A baseline that does not say which module it is of. */
    public Baseline(int schemaVersion, String fingerprints, List<Entry> findings) {
        this(schemaVersion, fingerprints, "", findings);
    }

    /** The baseline of the open findings (new or already in a baseline) of a module's assessment. */
    public static Baseline of(String module, List<AssessedFinding> findings) {
        Baseline b = of(findings);
        return new Baseline(b.schemaVersion(), b.fingerprints(), module, b.findings());
    }

    /**
     * Fails when this baseline was recorded for another module: its entries would match nothing, every finding
     * would count as new and every entry as fixed (and pruning would empty the file).
     */
    public void requireModule(String expected) {
        if (!module.isEmpty() && !module.equals(expected)) {
            throw new IllegalArgumentException("the baseline was recorded for module '" + module + "', not '" + expected
                    + "': give each module its own baselineFile (the default is ${project.basedir}/genguard-baseline.json)");
        }
    }

    /** The baseline of the open findings (new or already in a baseline) of an assessment. */
    public static Baseline of(List<AssessedFinding> findings) {
        List<Entry> entries = new ArrayList<>();
        for (AssessedFinding f : findings) {
            if (f.state() != FindingState.SUPPRESSED) {
                entries.add(new Entry(f.fingerprint(), f.finding().ruleId(), f.finding().file(), f.finding().line(),
                        f.member(), f.finding().message()));
            }
        }
        return new Baseline(SCHEMA_VERSION, Fingerprints.VERSION, entries);
    }

    public Set<String> fingerprintSet() {
        Set<String> set = new HashSet<>();
        findings.forEach(e -> set.add(e.fingerprint()));
        return set;
    }

    /** This baseline without the entries whose fingerprint is not among {@code found}. */
    public Baseline retain(Set<String> found) {
        return new Baseline(schemaVersion, fingerprints, module,
                findings.stream().filter(e -> found.contains(e.fingerprint())).toList());
    }

    /**
     * Reads a baseline. A file that is not a GenGuard baseline is an error naming the file, never read as an empty
     * baseline: that would silently turn every accepted finding into a new one.
     */
    public static Baseline read(Path file) throws IOException {
        Baseline baseline;
        try {
            baseline = mapper().readValue(file.toFile(), Baseline.class);
        } catch (IOException e) {
            throw new IOException(file + " is not a GenGuard baseline: " + firstLine(e.getMessage()), e);
        }
        if (baseline.schemaVersion() != SCHEMA_VERSION) {
            throw new IOException(file + ": baseline schemaVersion " + baseline.schemaVersion() + " is not supported (expected "
                    + SCHEMA_VERSION + ")");
        }
        if (!Fingerprints.VERSION.equals(baseline.fingerprints())) {
            throw new IOException(file + ": fingerprints of recipe '" + baseline.fingerprints() + "' do not match this "
                    + "GenGuard's '" + Fingerprints.VERSION + "'; record the baseline again with genguard:baseline");
        }
        return baseline;
    }

    /**
     * Writes atomically; equal baselines give byte-identical files on every OS (LF line ends), so the committed file
     * shows reviewable diffs.
     */
    public void write(Path file) throws IOException {
        JsonOutput.write(mapper(), this, file);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
