package dev.genguard.harness;

/**
 * An inline expectation on a fixture line, after CodeQL's inline expectations:
 * {@code // expect: A, B} (each id reported exactly once on the line), {@code // expect-missing: A #issue}
 * (a known miss that fails once the rule starts to fire) and {@code // expect-spurious: A #issue}
 * (a tolerated false positive that fails once it stops).
 */
public record Marker(Kind kind, String file, int line, String ruleId) {

    public enum Kind {
        EXPECT("expect"),
        MISSING("expect-missing"),
        SPURIOUS("expect-spurious");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        static Kind ofTag(String tag) {
            for (Kind k : values()) {
                if (k.tag.equals(tag)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown marker " + tag);
        }
    }
}
