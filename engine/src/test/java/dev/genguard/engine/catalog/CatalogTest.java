package dev.genguard.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final String HEADER = "id\tengine\tcategory\tcwe\tdefault\tstrict\tall\ttags\ttitle\n";

    @Test
    void shippedCatalogHasBothEnginesAndEveryRuleInAll() {
        Catalog catalog = Catalog.load();
        assertThat(catalog.ids(EngineKind.PMD)).isNotEmpty();
        assertThat(catalog.ids(EngineKind.SPOTBUGS)).isNotEmpty();
        assertThat(catalog.rules()).allSatisfy(r -> {
            assertThat(r.isIn(Profile.ALL)).as(r.id() + " in all").isTrue();
            // Governance rules are process controls; their docs say why they name no CWE.
            assertThat(r.cwe()).as(r.id() + " cwe").matches(r.engine() == EngineKind.GOVERNANCE ? "\\d*" : "\\d+");
            assertThat(r.id()).matches(r.engine() == EngineKind.SPOTBUGS ? "GENGUARD_[A-Z0-9_]+" : "[A-Z][A-Za-z0-9]+");
        });
    }

    @Test
    void parsesSeveritiesPerProfile() throws Exception {
        Catalog c = Catalog.parse(in(HEADER + "Foo\tpmd\tsecrets\t798\t-\tBLOCKER\tMAJOR\ta,b\tFoo title\n"));
        RuleInfo foo = c.rule("Foo").orElseThrow();
        assertThat(foo.isIn(Profile.DEFAULT)).isFalse();
        assertThat(foo.severityIn(Profile.STRICT)).contains(Severity.BLOCKER);
        assertThat(foo.tags()).containsExactly("a", "b");
    }

    @Test
    void rejectsMalformedRowsWithLineNumbers() {
        assertThatThrownBy(() -> Catalog.parse(in(HEADER + "Foo\tpmd\n"))).hasMessageContaining(":2:").hasMessageContaining("9 tab-separated");
        assertThatThrownBy(() -> Catalog.parse(in("id\tengine\n"))).hasMessageContaining("expected header");
        assertThatThrownBy(() -> Catalog.parse(in(HEADER + "F\tpmd\tx\t1\t-\t-\t-\t\tt\nF\tpmd\tx\t1\t-\t-\t-\t\tt\n")))
                .hasMessageContaining("duplicate rule id F");
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
