package dev.genguard.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.Severity;
import dev.genguard.engine.governance.source.JavaSource;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static final String CODE = """
            class A {
                void m(String p) {
                    String q = "select * from t where id = " + p;
                    run(q);
                }
            }
            """;

    @Test
    void survivesLineShiftsReformattingAndCommentsButNotAChangedStatement() {
        String base = fingerprint(CODE, "String q =");
        String shifted = CODE.replace("class A {", "import java.util.List;\n\n// header\nclass A {\n    int x;\n");
        assertThat(fingerprint(shifted, "String q =")).isEqualTo(base);
        String reformatted = CODE.replace("String q = \"select", "String   q =\n            \"select")
                .replace("+ p;", "+ p; // user input");
        assertThat(fingerprint(reformatted, "String   q =")).isEqualTo(base);
        assertThat(fingerprint(CODE.replace("+ p;", "+ p.trim();"), "String q =")).isNotEqualTo(base);
        assertThat(fingerprint(CODE.replace("void m(String p)", "void n(String p)"), "String q =")).isNotEqualTo(base);
        assertThat(Fingerprints.of(key(CODE, "String q ="), 2)).isNotEqualTo(base);
        assertThat(base).matches("[0-9a-f]{32}");
    }

    @Test
    void aFindingOnADeclarationIsAboutTheDeclarationWithoutItsCommentsAndAnnotations() {
        String code = "class B {\n    private String dbPassword = \"changeme\";\n}\n";
        String base = fingerprint(code, "dbPassword");
        assertThat(fingerprint(code.replace("\"changeme\";", "\"changeme\"; // TODO rotate"), "dbPassword")).isEqualTo(base);
        assertThat(fingerprint(code.replace("    private", "    @Deprecated\n    private"), "private String")).isEqualTo(base);
        assertThat(fingerprint(code.replace("changeme", "changeit"), "dbPassword")).isNotEqualTo(base);
    }

    @Test
    void findingsOnDifferentCatchClausesOfAMethodAreDifferentCode() {
        // SwallowedSecurityException reports a catch clause's parameter: its code is that clause, not "try ()".
        String code = """
                class C {
                    void m() {
                        try {
                            verify();
                        } catch (SecurityException e) {
                        }
                        try {
                            load();
                        } catch (java.security.GeneralSecurityException e) {
                        }
                    }
                }
                """;
        JavaSource source = JavaSource.parse("src/A.java", code);
        assertThat(source.codeAt(source.lineOf("catch (SecurityException"))).isEqualTo("catch (SecurityException e)");
        assertThat(key(code, "catch (SecurityException")).isNotEqualTo(key(code, "catch (java.security"));
        // An edit of the try body leaves the clause's fingerprint alone.
        assertThat(fingerprint(code.replace("verify();", "verify(true);"), "catch (SecurityException"))
                .isEqualTo(fingerprint(code, "catch (SecurityException"));
    }

    @Test
    void aFindingOnACommentLineIsAboutThatComment() {
        // SecurityDeferredComment reports the comment's line: replacing one deferred control by another in the
        // same method is a new finding, not the baseline one.
        String code = """
                class D {
                    void m() {
                        // TODO: validate the token
                        run();
                    }
                }
                """;
        String replaced = code.replace("TODO: validate the token", "TODO: disable CSRF for now");
        assertThat(fingerprint(replaced, "TODO: disable")).isNotEqualTo(fingerprint(code, "TODO: validate"));
        assertThat(fingerprint(code.replace("run();", "run(1);").replace("        // TODO", "            // TODO"),
                "TODO: validate")).isEqualTo(fingerprint(code, "TODO: validate"));
    }

    @Test
    void findingsOnOneLineIfStatementsAreTheirWholeStatementNotTheNestedReturn() {
        // TimingUnsafeSecretComparison flags the condition, FailOpenSecurityCheck the return: with "return true;"
        // as the code of both lines, fixing one comparison and adding another elsewhere in the method would count
        // the new one as the baseline's.
        String code = """
                class E {
                    boolean m(String a, String b) {
                        if (a.equals(SECRET)) return true;
                        if (b.equals(TOKEN)) return true;
                        return false;
                    }
                }
                """;
        assertThat(key(code, "a.equals(SECRET)")).isNotEqualTo(key(code, "b.equals(TOKEN)"));
        assertThat(JavaSource.parse("src/A.java", code).codeAt(3)).isEqualTo("if (a.equals(SECRET)) return true;");
    }

    @Test
    void aStatementsCodeLeavesOutTheBodiesOfItsMultiLineLambdasAndAnonymousClasses() {
        // A finding on the call (MissingHttpTimeout, say) is about the call, as a finding on an if is about its
        // condition: an edit inside the callback is an unrelated edit.
        String code = """
                class F {
                    void m() {
                        client.send(request, response -> {
                            log(response);
                        });
                        executor.submit(new Runnable() {
                            public void run() {
                                work();
                            }
                        });
                    }
                }
                """;
        String edited = code.replace("log(response);", "log(response.statusCode());").replace("work();", "work(1);");
        assertThat(fingerprint(edited, "client.send")).isEqualTo(fingerprint(code, "client.send"));
        assertThat(fingerprint(edited, "executor.submit")).isEqualTo(fingerprint(code, "executor.submit"));
        assertThat(fingerprint(code.replace("client.send(request", "client.send(other"), "client.send"))
                .isNotEqualTo(fingerprint(code, "client.send"));
    }

    private static String fingerprint(String code, String lineText) {
        return Fingerprints.of(key(code, lineText), 1);
    }

    private static String key(String code, String lineText) {
        JavaSource source = JavaSource.parse("src/A.java", code);
        int line = source.lineOf(lineText);
        Finding f = new Finding("SqlQueryConcatenation", EngineKind.PMD, Severity.CRITICAL, "89", "src/A.java", line,
                line, "msg");
        return Fingerprints.key(f, source.memberAt(line).orElseThrow().signature(), source);
    }
}
