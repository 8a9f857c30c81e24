package dev.genguard.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.Finding;
import dev.genguard.engine.Severity;
import dev.genguard.engine.governance.sensitive.SensitiveCall;
import dev.genguard.engine.governance.source.SourceIndex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The approval gate's review scope: a review counts for the member it is written on (and a type's for its members). */
class ApprovalGateTest {

    @Test
    void aReviewedMethodOfAnAiTaggedTypePassesTheGate() {
        String code = """
                package a;

                @AiGenerated(tool = "Copilot")
                class Vault {
                    @SecurityReviewed(by = "alice", ticket = "SEC-1")
                    byte[] seal(byte[] data) throws Exception {
                        return javax.crypto.Cipher.getInstance("AES/GCM/NoPadding").doFinal(data);
                    }

                    byte[] open(byte[] data) throws Exception {
                        return javax.crypto.Cipher.getInstance("DES").doFinal(data);
                    }
                }
                """;
        Gate gate = gate("a/Vault.java", code, LineHistory.NONE, "AES/GCM", "\"DES\"");
        // seal() is reviewed; open() is not: one finding, for the call in open().
        assertThat(gate.findings).singleElement().satisfies(f -> assertThat(f.message())
                .contains("line " + gate.lines.get(1)).doesNotContain("line " + gate.lines.get(0)));
        assertThat(gate.touches).extracting(ApprovalGate.Touch::reviewed).containsExactly(true, false);
    }

    @Test
    void aReviewOfOneMethodDoesNotCoverTheNextMethodOfTheSameAiCommit() {
        String code = """
                package a;

                class Keys {
                    // genguard:reviewed-by alice SEC-1
                    byte[] a(byte[] d) throws Exception {
                        return javax.crypto.Cipher.getInstance("AES/GCM/NoPadding").doFinal(d);
                    }

                    byte[] b(byte[] d) throws Exception {
                        return javax.crypto.Cipher.getInstance("DES").doFinal(d);
                    }
                }
                """;
        // One AI commit wrote both methods (lines 5-11); a person reviewed a() afterwards (line 4).
        LineHistory history = history("a/Keys.java", 5, 11);
        Gate gate = gate("a/Keys.java", code, history, "AES/GCM", "\"DES\"");
        assertThat(gate.provenance.regions()).singleElement().satisfies(r -> {
            assertThat(r.member()).isEqualTo("Keys");
            // alice reviewed a(), not the whole run
            assertThat(r.reviewed()).isFalse();
        });
        assertThat(gate.findings).singleElement().satisfies(f -> assertThat(f.message())
                .contains("line " + gate.lines.get(1)).doesNotContain("line " + gate.lines.get(0)));
    }

    @Test
    void anAiTaggedTypeGetsOneFindingPerSensitiveMemberEachAtThatMember() {
        String code = """
                package a;

                @AiGenerated(tool = "Copilot")
                class Vault {
                    byte[] seal(byte[] data) throws Exception {
                        return javax.crypto.Cipher.getInstance("AES/GCM/NoPadding").doFinal(data);
                    }

                    byte[] open(byte[] data) throws Exception {
                        return javax.crypto.Cipher.getInstance("DES").doFinal(data);
                    }
                }
                """;
        Gate gate = gate("a/Vault.java", code, LineHistory.NONE, "AES/GCM", "\"DES\"");
        assertThat(gate.findings).hasSize(2);
        assertThat(gate.findings.get(0).message()).contains("AI-generated seal(byte[])");
        assertThat(gate.findings.get(0).line()).isEqualTo(gate.lines.get(0) - 1);
        assertThat(gate.findings.get(1).message()).contains("AI-generated open(byte[])");
        assertThat(gate.findings.get(1).line()).isEqualTo(gate.lines.get(1) - 1);
    }

    private record Gate(Provenance provenance, List<ApprovalGate.Touch> touches, List<Finding> findings,
                        List<Integer> lines) {
    }

    private static Gate gate(String file, String code, LineHistory history, String... callTexts) {
        SourceIndex index = SourceIndex.of(Map.of(file, code));
        Provenance provenance = Provenance.detect(index, history);
        List<Integer> lines = new java.util.ArrayList<>();
        List<SensitiveCall> calls = new java.util.ArrayList<>();
        for (String text : callTexts) {
            int line = index.file(file).orElseThrow().lineOf(text);
            lines.add(line);
            calls.add(new SensitiveCall(file, line, "crypto", "javax.crypto.Cipher.getInstance", "a.X", "m"));
        }
        List<ApprovalGate.Touch> touches = ApprovalGate.touches(provenance, Map.of(file, calls), index);
        return new Gate(provenance, touches, ApprovalGate.findings(touches, Severity.CRITICAL), lines);
    }

    private static LineHistory history(String file, int from, int to) {
        return FakeHistory.lines(file, from, to, "c1", new AiTag("Copilot", "", "", ""));
    }
}
