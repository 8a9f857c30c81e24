package dev.genguard.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.governance.source.SourceIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private static final String TAGGED = """
            package a;

            @AiGenerated(tool = "Copilot")
            class Tagged {
                /** @ai-generated tool=Claude */
                void inner() {
                }
            }
            """;

    private static final String MIXED = """
            package a;

            import java.util.List;

            class Mixed {
                void human() {
                    int a = 1;
                }

                // genguard:reviewed-by carol SEC-9
                void assisted() {
                    int b = 2;
                    int c = 3;
                    int d = 4;
                }

                // @ai-generated
                void commented() {
                }
            }
            """;

    /** Lines 3 (an import), 12-13 (one commit) and 14 (another) of Mixed come from AI commits. */
    private static final LineHistory HISTORY = new LineHistory() {
        @Override
        public SortedMap<Integer, Origin> aiLines(String file) {
            SortedMap<Integer, Origin> lines = new TreeMap<>();
            if (file.equals("a/Mixed.java")) {
                Origin one = new Origin("c1", new AiTag("Cursor", "", "", "https://prompts/1"));
                lines.put(3, one);
                lines.put(12, one);
                lines.put(13, one);
                lines.put(14, new Origin("c2", new AiTag("Devin", "", "", "")));
                lines.put(18, one);
            }
            return lines;
        }

        @Override
        public Optional<String> owner(String file, int beginLine, int endLine) {
            return Optional.of("@team-" + file.substring(2, 3).toLowerCase());
        }
    };

    @Test
    void gitHistoryStillCountsInAFileTheParserCannotRead() {
        // javac may accept what JavaParser does not (a newer language feature); blame does not need a parse.
        String broken = "package a;\n\nclass Broken {\n    void m() {\n        int x = 1\n    }\n}\n";
        LineHistory history = FakeHistory.lines("a/Broken.java", 4, 6, "c9", new AiTag("Copilot", "", "", ""));
        SourceIndex index = SourceIndex.of(Map.of("a/Broken.java", broken));
        Provenance p = Provenance.detect(index, history);
        assertThat(p.regions()).extracting(r -> r.source() + " " + r.beginLine() + "-" + r.endLine() + " " + r.commit())
                .containsExactly("TRAILER 4-6 c9");
        assertThat(p.contains("a/Broken.java", 5)).isTrue();
        assertThat(index.notes()).singleElement().asString().contains("does not parse");
    }

    @Test
    void everyRegionOfALargeModuleIsFoundByItsLines() {
        // 2,000 files with 10 AI-commit regions each; a finding or sensitive call in each region asks for it.
        StringBuilder b = new StringBuilder("package p;\nclass C {\n");
        for (int m = 0; m < 10; m++) {
            b.append("    void m").append(m).append("() {\n        x();\n        y();\n    }\n");
        }
        Map<String, String> sources = new java.util.HashMap<>();
        for (int f = 0; f < 2_000; f++) {
            sources.put("src/F" + f + ".java", b + "}\n");
        }
        LineHistory history = file -> {
            SortedMap<Integer, LineHistory.Origin> lines = new TreeMap<>();
            for (int m = 0; m < 10; m++) {
                lines.put(4 + 4 * m, new LineHistory.Origin("c" + m, AiTag.UNKNOWN));
            }
            return lines;
        };
        Provenance p = Provenance.detect(SourceIndex.of(sources), history);
        assertThat(p.regions()).hasSize(20_000);
        for (int f = 0; f < 2_000; f++) {
            for (int m = 0; m < 10; m++) {
                assertThat(p.regionAt("src/F" + f + ".java", 4 + 4 * m)).isPresent();
            }
        }
    }

    private final Provenance provenance = Provenance.detect(
            SourceIndex.of(Map.of("a/Tagged.java", TAGGED, "a/Mixed.java", MIXED)), HISTORY);

    @Test
    void aTaggedTypeIsOneRegionCoveringItsMembers() {
        List<AiRegion> tagged = provenance.regions().stream().filter(r -> r.file().equals("a/Tagged.java")).toList();
        assertThat(tagged).singleElement().satisfies(r -> {
            assertThat(r.member()).isEqualTo("Tagged");
            assertThat(r.source()).isEqualTo(ProvenanceSource.ANNOTATION);
            assertThat(r.tag().tool()).isEqualTo("Copilot");
            assertThat(r.beginLine()).isEqualTo(3);
            assertThat(r.endLine()).isEqualTo(8);
            assertThat(r.owner()).isEqualTo("@team-t");
            assertThat(r.reviewed()).isFalse();
        });
        assertThat(provenance.contains("a/Tagged.java", 6)).isTrue();
        assertThat(provenance.contains("a/Tagged.java", 2)).isFalse();
    }

    @Test
    void trailerLinesFormRegionsPerCommitAndMemberAndSkipImportsAndTaggedCode() {
        List<AiRegion> mixed = provenance.regions().stream().filter(r -> r.file().equals("a/Mixed.java")).toList();
        assertThat(mixed).extracting(r -> r.source() + " " + r.member() + " " + r.beginLine() + "-" + r.endLine()
                + " " + r.commit()).containsExactly(
                "TRAILER Mixed#assisted() 12-13 c1",
                "TRAILER Mixed#assisted() 14-14 c2",
                "COMMENT Mixed#commented() 18-19 ");
        AiRegion first = mixed.get(0);
        assertThat(first.tag().tool()).isEqualTo("Cursor");
        assertThat(first.tag().promptLog()).isEqualTo("https://prompts/1");
        assertThat(first.review().by()).isEqualTo("carol");
        assertThat(provenance.aiLines("a/Mixed.java")).isEqualTo(5);
        assertThat(provenance.files()).containsExactly("a/Mixed.java", "a/Tagged.java");
        assertThat(provenance.regionAt("a/Mixed.java", 7)).isEmpty();
        assertThat(provenance.regionAt("a/Mixed.java", 14)).get().extracting(AiRegion::commit).isEqualTo("c2");
    }
}
