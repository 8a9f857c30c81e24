package dev.genguard.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the markers of one fixture file with what an engine reported there. Only the ids of the engine
 * under test are compared (one fixture drives both engines); a marker naming an id that no engine knows is
 * itself a problem, so that a typo cannot silently turn an expectation off.
 */
public final class ExpectationDiff {

    private ExpectationDiff() {
    }

    /**
     * Returns one line per problem, {@code file:line missing|unexpected|... id}, sorted; empty when the
     * findings match the markers.
     *
     * @param fixture   the fixture file and its markers
     * @param reported  what the engine reported in this file (ids of other engines are ignored)
     * @param engineIds the rule ids of the engine under test
     * @param allIds    the rule ids of every engine (from the catalog)
     */
    public static List<String> compare(FixtureFile fixture, Collection<Reported> reported,
                                       Set<String> engineIds, Set<String> allIds) {
        List<String> problems = new ArrayList<>();
        Map<Key, Marker.Kind> expected = new TreeMap<>();
        for (Marker m : fixture.markers()) {
            if (!allIds.contains(m.ruleId())) {
                problems.add(format(m.file(), m.line(), "unknown rule id in marker", m.ruleId()));
                continue;
            }
            if (!engineIds.contains(m.ruleId())) {
                continue;
            }
            Marker.Kind previous = expected.put(new Key(m.line(), m.ruleId()), m.kind());
            if (previous != null) {
                problems.add(format(m.file(), m.line(), "duplicate marker", m.ruleId()));
            }
        }
        Map<Key, Long> actual = reported.stream()
                .filter(r -> engineIds.contains(r.ruleId()))
                .collect(Collectors.groupingBy(r -> new Key(r.line(), r.ruleId()), TreeMap::new, Collectors.counting()));

        Set<Key> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (Key key : keys) {
            Marker.Kind kind = expected.get(key);
            long count = actual.getOrDefault(key, 0L);
            String file = fixture.relativePath();
            if (kind == null) {
                problems.add(format(file, key.line(), count > 1 ? "unexpected (x" + count + ")" : "unexpected", key.ruleId()));
            } else if (kind == Marker.Kind.EXPECT && count == 0) {
                problems.add(format(file, key.line(), "missing", key.ruleId()));
            } else if (kind == Marker.Kind.EXPECT && count > 1) {
                problems.add(format(file, key.line(), "reported " + count + " times, expected once", key.ruleId()));
            } else if (kind == Marker.Kind.MISSING && count > 0) {
                problems.add(format(file, key.line(), "fires now: turn expect-missing into expect", key.ruleId()));
            } else if (kind == Marker.Kind.SPURIOUS && count == 0) {
                problems.add(format(file, key.line(), "no longer fires: remove expect-spurious", key.ruleId()));
            }
        }
        problems.sort(null);
        return problems;
    }

    /** Groups findings by fixture file. */
    public static Map<String, List<Reported>> byFile(Collection<Reported> reported) {
        return reported.stream().sorted().collect(Collectors.groupingBy(Reported::file, TreeMap::new,
                Collectors.mapping(Function.identity(), Collectors.toList())));
    }

    private static String format(String file, int line, String what, String id) {
        return file + ":" + line + " " + what + " " + id;
    }

    private record Key(int line, String ruleId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(line, o.line);
            return c != 0 ? c : ruleId.compareTo(o.ruleId);
        }
    }
}
