package dev.genguard.engine.governance.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.governance.Suppression;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaSourceTest {

    private static final String CODE = """
            package a;

            import javax.crypto.Cipher;

            /**
             * Sealing.
             * @ai-generated tool=Copilot model="gpt-4o mini" prompt="seal the data"
             */
            @dev.genguard.annotations.SecurityReviewed(by = "alice", date = "2026-11-20", ticket = "SEC-1")
            public class Vault {
                private static final String KEY = "k";

                // @ai-generated tool=Claude
                // genguard:reviewed-by bob SEC-2
                @Override
                public String toString() {
                    return KEY;
                }

                @AiGenerated(tool = "Cursor", model = "m1")
                Vault(String name, int... sizes) {
                    if (name.isEmpty()
                            && sizes.length > 0) { // genguard:ignore RuleA, RuleB -- checked by the caller
                        throw new IllegalArgumentException(); // genguard:ignore RuleC
                    }
                }

                @SuppressWarnings({"unchecked", "genguard:RuleD -- legacy protocol"})
                void legacy() {
                    run();
                }

                @SuppressWarnings("genguard:RuleE") // interop with the 2009 client
                void interop() {
                    run();
                }

                @SuppressWarnings("genguard:RuleF")
                void bare() {
                    run();
                }

                void run() {
                }

                enum Mode { A, B }

                record Pair(String left, String right) {
                }
            }
            """;

    private final JavaSource source = JavaSource.parse("src/a/Vault.java", CODE);

    @Test
    void indexesNamedTypesAndMembersWithStableSignatures() {
        assertThat(source.parseError()).isEmpty();
        assertThat(source.members()).extracting(Member::signature).contains("Vault", "Vault#KEY", "Vault#toString()",
                "Vault#<init>(String,int...)", "Vault#legacy()", "Vault.Mode", "Vault.Mode#A", "Vault.Pair");
        assertThat(source.memberAt(line("return KEY;"))).get().extracting(Member::signature).isEqualTo("Vault#toString()");
        assertThat(source.memberAt(line("import javax"))).isEmpty();
    }

    @Test
    void readsAiTagsAndReviewsFromAnnotationsAndComments() {
        Member type = member("Vault");
        assertThat(type.aiComment()).isNotNull();
        assertThat(type.aiComment().tool()).isEqualTo("Copilot");
        assertThat(type.aiComment().model()).isEqualTo("gpt-4o mini");
        assertThat(type.aiComment().prompt()).isEqualTo("seal the data");
        assertThat(type.aiAnnotation()).isNull();
        assertThat(type.review().by()).isEqualTo("alice");
        assertThat(type.review().ticket()).isEqualTo("SEC-1");
        assertThat(type.review().marker()).isEqualTo("annotation");

        Member toString = member("Vault#toString()");
        assertThat(toString.aiComment().tool()).isEqualTo("Claude");
        assertThat(toString.review().by()).isEqualTo("bob");
        assertThat(toString.review().ticket()).isEqualTo("SEC-2");
        assertThat(toString.review().marker()).isEqualTo("comment");

        Member constructor = member("Vault#<init>(String,int...)");
        assertThat(constructor.aiAnnotation().tool()).isEqualTo("Cursor");
        assertThat(constructor.aiAnnotation().model()).isEqualTo("m1");
        assertThat(constructor.review()).isNull();
        assertThat(member("Vault#legacy()").aiComment()).isNull();
        assertThat(member("Vault#KEY").aiComment()).isNull();
    }

    @Test
    void lineCommentSuppressionsCoverTheirStatementAndNeedAReason() {
        int condition = line("if (name.isEmpty()");
        List<Suppression> atIf = source.suppressionsAt(condition, condition);
        assertThat(atIf).extracting(Suppression::ruleId).containsExactlyInAnyOrder("RuleA", "RuleB");
        assertThat(atIf).allSatisfy(s -> assertThat(s.reason()).isEqualTo("checked by the caller"));
        List<Suppression> atThrow = source.suppressionsAt(line("throw new"), line("throw new"));
        assertThat(atThrow).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("RuleC");
            assertThat(s.hasReason()).isFalse();
        });
        assertThat(source.suppressionsAt(line("return KEY;"), line("return KEY;"))).isEmpty();
    }

    @Test
    void anIgnoreOnOneCatchClauseDoesNotReachAnotherCatchOrTheTryBody() {
        // SwallowedSecurityException reports the catch parameter's line.
        JavaSource c = JavaSource.parse("C.java", """
                class C {
                    void m() {
                        try {
                            verify(); // genguard:ignore SwallowedSecurityException -- not a catch
                        } catch (SecurityException e) { // genguard:ignore SwallowedSecurityException -- logged by the filter
                        } catch (IllegalStateException e) {
                        }
                    }
                }
                """);
        int first = c.lineOf("catch (SecurityException");
        int second = c.lineOf("catch (IllegalStateException");
        assertThat(c.suppressionsAt(first, first)).extracting(Suppression::reason).containsExactly("logged by the filter");
        assertThat(c.suppressionsAt(second, second)).isEmpty();
    }

    @Test
    void suppressWarningsCoversTheDeclarationWithAReasonInTheStringOrAComment() {
        assertThat(source.suppressionsAt(line("void legacy()") + 1, line("void legacy()") + 1)).singleElement()
                .satisfies(s -> {
                    assertThat(s.ruleId()).isEqualTo("RuleD");
                    assertThat(s.reason()).isEqualTo("legacy protocol");
                    assertThat(s.kind()).isEqualTo("annotation");
                });
        assertThat(source.suppressionsAt(line("void interop()") + 1, line("void interop()") + 1)).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("interop with the 2009 client"));
        assertThat(source.suppressionsAt(line("void bare()") + 1, line("void bare()") + 1)).singleElement()
                .satisfies(s -> assertThat(s.hasReason()).isFalse());
        assertThat(source.suppressionsAt(line("void run()"), line("void run()"))).isEmpty();
        assertThat(source.suppressions()).extracting(Suppression::ruleId)
                .containsExactly("RuleA", "RuleB", "RuleC", "RuleD", "RuleE", "RuleF");
    }

    @Test
    void codeOfALineIgnoresLayoutCommentsAndCompoundBodies() {
        JavaSource moved = JavaSource.parse("src/a/Vault.java", CODE
                .replace("public class Vault {", "public class Vault {\n\n    // a new comment\n    private int added;\n")
                .replace("throw new IllegalArgumentException();", "throw   new IllegalArgumentException( );")
                .replace("            return KEY;", "            /* why */ return KEY;"));
        assertThat(moved.codeAt(moved.lineOf("throw"))).isEqualTo(source.codeAt(line("throw new")))
                .isEqualTo("throw new IllegalArgumentException();");
        assertThat(moved.codeAt(moved.lineOf("return KEY;"))).isEqualTo(source.codeAt(line("return KEY;")));
        // A finding on the if's first line is about its condition, not its body.
        assertThat(source.codeAt(line("if (name.isEmpty()"))).isEqualTo("if (name.isEmpty() && sizes.length > 0)");
        assertThat(source.codeAt(line("sizes.length > 0"))).isEqualTo(source.codeAt(line("if (name.isEmpty()")));
    }

    @Test
    void aFileThatDoesNotParseStillYieldsItsIgnoreCommentsAndLineTexts() {
        JavaSource broken = JavaSource.parse("B.java", """
                class B {
                    void m( {
                        x = md5(y);   // genguard:ignore GENGUARD_WEAK_HASH -- cache key only
                }
                """);
        assertThat(broken.parseError()).startsWith("line ");
        assertThat(broken.members()).isEmpty();
        assertThat(broken.suppressionsAt(3, 3)).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("cache key only"));
        assertThat(broken.codeAt(3)).isEqualTo("x = md5(y); // genguard:ignore GENGUARD_WEAK_HASH -- cache key only");
    }

    @Test
    void linesAreCountedAsJavaCountsThemWhateverOtherBreaksTheTextHolds() {
        // A form feed (old page breaks) and U+2028 are not Java line terminators: line numbers of the parser, PMD
        // and git must still match the lines read here.
        String code = "package a;\n/* page \f break */\nclass B {\n    String s = \"x\u2028y\";\n"
                + "    // @ai-generated tool=X\n    // genguard:reviewed-by bob T-1\n    void f() {}\n}\n";
        JavaSource b = JavaSource.parse("B.java", code);
        assertThat(b.line(5)).isEqualTo("    // @ai-generated tool=X");
        Member f = b.members().stream().filter(m -> m.signature().equals("B#f()")).findFirst().orElseThrow();
        assertThat(f.beginLine()).isEqualTo(7);
        assertThat(f.aiComment()).isNotNull();
        assertThat(f.aiComment().tool()).isEqualTo("X");
        assertThat(f.review().by()).isEqualTo("bob");
        assertThat(SourceIndex.of(java.util.Map.of("B.java", code)).lineCount("B.java")).isEqualTo(8);
    }

    @Test
    void aFinalLineBreakEndsTheLastLineAndStartsNoOther() {
        // As wc -l and git count: the risk score's densities and AI shares are per line of code.
        SourceIndex index = SourceIndex.of(java.util.Map.of("A.java", "class A {\n}\n", "B.java", "class B {}",
                "E.java", "", "W.java", "class W {\r\n}\r\n"));
        assertThat(index.lineCount("A.java")).isEqualTo(2);
        assertThat(index.lineCount("B.java")).isEqualTo(1);
        assertThat(index.lineCount("E.java")).isZero();
        assertThat(index.lineCount("W.java")).isEqualTo(2);
        assertThat(index.totalLines()).isEqualTo(5);
        assertThat(JavaSource.parse("A.java", "class A {\n}\n").lineCount()).isEqualTo(2);
    }

    @Test
    void everyLineOfALargeGeneratedFileHasItsMemberAndCode() {
        // A generated or legacy file of 60,000 lines with a finding in each of its 5,000 methods: the lookups a
        // finding needs (member, code, suppressions) must not cost a pass over every statement and member each.
        StringBuilder b = new StringBuilder("package p;\nclass Big {\n");
        for (int m = 0; m < 5_000; m++) {
            b.append("    void m").append(m).append("() {\n");
            for (int s = 0; s < 10; s++) {
                b.append("        String pw").append(s).append(" = \"secret\";\n");
            }
            b.append("    }\n");
        }
        JavaSource big = JavaSource.parse("Big.java", b.append("}\n").toString());
        for (int line = 4; line < big.lineCount(); line += 12) {
            assertThat(big.memberAt(line)).isPresent();
            assertThat(big.codeAt(line)).startsWith("String pw0");
            big.suppressionsAt(line, line);
        }
    }

    @Test
    void markupAndControlCharactersInCommentsAreJustText() {
        JavaSource odd = JavaSource.parse("O.java", """
                class O {
                    /** @ai-generated tool="<script>alert(1)</script>" prompt="a]]>b" */
                    void m() {}
                }
                """);
        assertThat(odd.members().get(1).aiComment().tool()).isEqualTo("<script>alert(1)</script>");
        assertThat(odd.members().get(1).aiComment().prompt()).isEqualTo("a]]>b");
    }

    private Member member(String signature) {
        return source.members().stream().filter(m -> m.signature().equals(signature)).findFirst().orElseThrow();
    }

    private int line(String text) {
        return source.lineOf(text);
    }
}
