package dev.genguard.pmd.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.java.JavaLanguageModule;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * What the fixtures cannot show: the {@code extraPhrases} property (the fixtures run the profiles' defaults) and
 * the quoted phrase in the message.
 */
class SecurityDeferredCommentRuleTest {

    private static final String SOURCE = String.join("\n",
            "package p;",
            "class A {",
            "    void a() {",
            "        // Security review pending for this endpoint.",
            "        int x = 1;",
            "        // For simplicity, we skip",
            "        // signature validation here.",
            "    }",
            "    @SuppressWarnings(\"PMD.SecurityDeferredComment\") // reviewed: demo module",
            "    void b() {",
            "        // TODO: add authentication",
            "    }",
            "}");

    @Test
    void reportsTheFirstLineOfThePhraseAndQuotesIt() {
        List<RuleViolation> violations = run(new SecurityDeferredCommentRule());
        assertThat(violations).extracting(RuleViolation::getBeginLine).containsExactly(6);
        assertThat(violations.get(0).getDescription()).contains("(for simplicity we skip signature validation)");
    }

    @Test
    void suppressWarningsOnTheEnclosingMethodApplies() {
        // Line 12 holds the TODO inside b(), which is annotated; only a()'s comment is reported.
        assertThat(run(new SecurityDeferredCommentRule())).extracting(RuleViolation::getBeginLine).containsExactly(6);
    }

    @Test
    void extraPhrasesCountOnTheirOwn() {
        SecurityDeferredCommentRule rule = new SecurityDeferredCommentRule();
        rule.setProperty(extraPhrases(rule),
                List.of("security review  PENDING"));
        assertThat(run(rule)).extracting(RuleViolation::getBeginLine).containsExactly(4, 6);
    }

    @Test
    void extraPhrasesWithoutWordsMakeTheRuleDysfunctional() {
        SecurityDeferredCommentRule rule = new SecurityDeferredCommentRule();
        rule.setProperty(extraPhrases(rule), List.of("--"));
        assertThat(rule.dysfunctionReason()).contains("extraPhrases");
    }

    @SuppressWarnings("unchecked")
    private static net.sourceforge.pmd.properties.PropertyDescriptor<List<String>> extraPhrases(Rule rule) {
        return (net.sourceforge.pmd.properties.PropertyDescriptor<List<String>>) rule.getPropertyDescriptor("extraPhrases");
    }

    /** Runs the rule over {@link #SOURCE}; violations suppressed by annotation are not in the list. */
    private static List<RuleViolation> run(Rule rule) {
        rule.setLanguage(JavaLanguageModule.getInstance());
        rule.setName("SecurityDeferredComment");
        rule.setMessage("Implement ({0})");
        PMDConfiguration config = new PMDConfiguration();
        config.setThreads(0);
        config.setIgnoreIncrementalAnalysis(true);
        try (PmdAnalysis pmd = PmdAnalysis.create(config)) {
            pmd.addRuleSet(RuleSet.forSingleRule(rule));
            pmd.files().addSourceFile(FileId.fromPathLikeString("p/A.java"), SOURCE);
            Report report = pmd.performAnalysisAndCollectReport();
            assertThat(report.getProcessingErrors()).isEmpty();
            return report.getViolations();
        }
    }
}
