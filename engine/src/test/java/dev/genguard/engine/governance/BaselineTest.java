package dev.genguard.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    private final Baseline baseline = new Baseline(1, Fingerprints.VERSION, List.of(
            new Baseline.Entry("bb", "R2", "b/B.java", 4, "B#m()", "fix <b>"),
            new Baseline.Entry("aa", "R1", "a/A.java", 9, "A", "fix \"a\"")));

    @Test
    void roundTripsSortedAndByteIdentical() throws IOException {
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        baseline.write(one);
        new Baseline(1, Fingerprints.VERSION, List.of(baseline.findings().get(1), baseline.findings().get(0))).write(two);
        assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
        Baseline read = Baseline.read(one);
        assertThat(read).isEqualTo(baseline);
        assertThat(read.findings()).extracting(Baseline.Entry::fingerprint).containsExactly("aa", "bb");
        assertThat(read.retain(Set.of("bb")).findings()).extracting(Baseline.Entry::fingerprint).containsExactly("bb");
    }

    @Test
    void aBaselineOfAnotherModuleIsAnErrorNotEveryFindingNewAndEveryEntryFixed() throws IOException {
        Path file = dir.resolve("genguard-baseline.json");
        new Baseline(1, Fingerprints.VERSION, "orders-api", baseline.findings()).write(file);
        Baseline read = Baseline.read(file);
        assertThat(read.module()).isEqualTo("orders-api");
        assertThat(read.retain(Set.of("aa")).module()).isEqualTo("orders-api");
        read.requireModule("orders-api");
        assertThatThrownBy(() -> read.requireModule("billing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders-api'").hasMessageContaining("'billing'").hasMessageContaining("baselineFile");
        // The pipeline refuses it before analysing anything.
        dev.genguard.engine.ScanRequest request = new dev.genguard.engine.ScanRequest(dir, List.of(), List.of(),
                List.of(), dev.genguard.engine.catalog.Profile.DEFAULT, List.of(),
                java.nio.charset.StandardCharsets.UTF_8, 0);
        assertThatThrownBy(() -> new Governance(dev.genguard.engine.catalog.Catalog.load()).assess(request,
                new Governance.Options("billing", LineHistory.NONE,
                        dev.genguard.engine.governance.sensitive.SensitiveApis.load(), read)))
                .hasMessageContaining("recorded for module 'orders-api'");
        // Baselines recorded before modules were named still apply.
        baseline.requireModule("billing");
    }

    @Test
    void aFileThatIsNotABaselineIsAnErrorNamingIt() throws IOException {
        Path broken = Files.writeString(dir.resolve("genguard-baseline.json"), "{ \"schemaVersion\": 1, \"findings\": [ {");
        assertThatThrownBy(() -> Baseline.read(broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("genguard-baseline.json").hasMessageContaining("not a GenGuard baseline");
        Path future = Files.writeString(dir.resolve("future.json"), "{ \"schemaVersion\": 7, \"findings\": [] }");
        assertThatThrownBy(() -> Baseline.read(future)).hasMessageContaining("schemaVersion 7");
        Path other = Files.writeString(dir.resolve("other.json"),
                "{ \"schemaVersion\": 1, \"fingerprints\": \"genguard/v0\", \"findings\": [] }");
        assertThatThrownBy(() -> Baseline.read(other)).hasMessageContaining("genguard:baseline");
    }
}
