package dev.genguard.engine.catalog;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rule catalog ({@value #RESOURCE} in genguard-rulesets): every rule of both engines with id, engine,
 * category, CWE, severity per profile, tags and title. The one source of rule metadata for reports.
 */
public final class Catalog {

    public static final String RESOURCE = "genguard/catalog.tsv";
    private static final String HEADER = "id\tengine\tcategory\tcwe\tdefault\tstrict\tall\ttags\ttitle";

    private final Map<String, RuleInfo> rules;

    private Catalog(Map<String, RuleInfo> rules) {
        this.rules = rules;
    }

    /** Loads the catalog shipped on the classpath of {@code loader}. */
    public static Catalog load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: is genguard-rulesets a dependency?");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static Catalog load() {
        return load(Catalog.class.getClassLoader());
    }

    static Catalog parse(InputStream in) throws IOException {
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        boolean header = false;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": expected header '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 9) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": expected 9 tab-separated columns, found " + cols.length);
            }
            Map<Profile, Severity> severities = new EnumMap<>(Profile.class);
            for (Profile p : Profile.values()) {
                String value = cols[4 + p.ordinal()];
                if (!value.equals("-")) {
                    severities.put(p, Severity.parse(value));
                }
            }
            EngineKind engine = EngineKind.valueOf(cols[1].toUpperCase(java.util.Locale.ROOT));
            List<String> tags = cols[7].isBlank() ? List.of() : Arrays.stream(cols[7].split(",")).map(String::trim).toList();
            RuleInfo info = new RuleInfo(cols[0], engine, cols[2], cols[3], severities, tags, cols[8]);
            if (rules.put(info.id(), info) != null) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": duplicate rule id " + info.id());
            }
        }
        return new Catalog(rules);
    }

    public Collection<RuleInfo> rules() {
        return rules.values();
    }

    public Optional<RuleInfo> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** All rule ids, sorted. */
    public Set<String> ids() {
        return new TreeSet<>(rules.keySet());
    }

    /** The rule ids of one engine, sorted. */
    public Set<String> ids(EngineKind engine) {
        return rules.values().stream().filter(r -> r.engine() == engine).map(RuleInfo::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The rules of one engine in one profile. */
    public List<RuleInfo> rules(EngineKind engine, Profile profile) {
        List<RuleInfo> list = new ArrayList<>();
        for (RuleInfo r : rules.values()) {
            if (r.engine() == engine && r.isIn(profile)) {
                list.add(r);
            }
        }
        return list;
    }
}
