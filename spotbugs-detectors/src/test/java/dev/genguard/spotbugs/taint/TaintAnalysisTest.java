package dev.genguard.spotbugs.taint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.TestClassSource;
import dev.genguard.spotbugs.taint.samples.TaintSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The taint analysis on {@link TaintSamples}, with rules of its own: every {@code bad*} method has a finding, no
 * {@code good*} method has one. The rules are the same data format the plugin ships.
 */
class TaintAnalysisTest {

    private static final String SAMPLES = Type.getInternalName(TaintSamples.class);

    static TaintRules sampleRules() {
        return TaintRules.of(Map.of(
                "sources.tsv", "request\tcall\t" + SAMPLES + "$Request\tparam\t*\n",
                "sinks.tsv", "GENGUARD_SQL_INJECTION\trequest\t" + SAMPLES + "$Db\tquery\t*\t0\n"
                        + "GENGUARD_SQL_INJECTION\trequest\t" + SAMPLES + "$Db\tlookup\t*\t0\n"
                        + "GENGUARD_COMMAND_INJECTION\trequest\t" + SAMPLES + "$Db\trun\t*\t0\n",
                "sanitizers.tsv", SAMPLES + "$Encoder\tsql\t*\tGENGUARD_SQL_INJECTION\t-\n"
                        + "java/io/File\tgetCanonicalPath\t*\t-\tnormalized\n"
                        + "java/nio/file/Path\tnormalize\t*\t-\tnormalized\n",
                "validators.tsv", "java/util/Collection\tcontains\t*\t0\ttrue\t*\t-\n"
                        + "java/nio/file/Path\tstartsWith\t*\treceiver\ttrue\tGENGUARD_SQL_INJECTION\tnormalized\n"
                        + "java/nio/file/Path\tequals\t*\treceiver\ttrue\tGENGUARD_SQL_INJECTION\tnormalized\n"
                        + "java/lang/String\tcontains\t*\treceiver\tfalse\tGENGUARD_SQL_INJECTION\t-\t..\n"
                        + "java/lang/String\tstartsWith\t*\treceiver\ttrue\tGENGUARD_SQL_INJECTION\tnormalized\n"));
    }

    @TestFactory
    Stream<DynamicTest> badCasesHaveFindingsAndGoodCasesNone() {
        TestClassSource source = new TestClassSource("dev/genguard/spotbugs/taint/samples/");
        ClassNode cls = source.lookupClass(SAMPLES);
        TaintAnalysis analysis = new TaintAnalysis(sampleRules(), source);
        List<DynamicTest> tests = new ArrayList<>();
        for (MethodNode method : cls.methods) {
            boolean bad = method.name.startsWith("bad");
            if (!bad && !method.name.startsWith("good")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(method.name, () -> {
                List<TaintAnalysis.Finding> findings = analysis.findings(cls, method);
                if (bad) {
                    assertThat(findings).as(method.name).isNotEmpty();
                } else {
                    assertThat(findings).as(method.name).isEmpty();
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(35);
        return tests.stream();
    }

    @Test
    void whatASinkReturnsIsNotTheDataItConsumed() throws Exception {
        assertThat(findings("sinkResultIsNotTheQuery")).extracting(TaintAnalysis.Finding::bugType)
                .containsExactly("GENGUARD_SQL_INJECTION");
    }

    @Test
    void findingsNameTheSourceAndTheSinkAndTheLine() throws Exception {
        TaintAnalysis.Finding finding = findings("badHelperSink").get(0);
        assertThat(finding.source()).isEqualTo("TaintSamples.Request.param");
        assertThat(finding.sink()).startsWith("TaintSamples.Db.query (through TaintSamples.helperSink, line ");
        assertThat(finding.line()).isPositive();
        assertThat(finding.labels()).isEqualTo(TaintRules.Label.REQUEST.bit());
    }

    @Test
    void aMethodOverTheBudgetReportsNothingAndSaysWhyOnce() throws Exception {
        // The same bad method, padded past the instruction limit.
        MethodNode padded = copy(BAD_HELPER_SINK);
        for (int i = 0; i <= TaintAnalysis.MAX_INSTRUCTIONS; i++) {
            padded.instructions.insert(new org.objectweb.asm.tree.InsnNode(org.objectweb.asm.Opcodes.NOP));
        }
        List<String> reasons = new ArrayList<>();
        TaintAnalysis analysis = new TaintAnalysis(sampleRules(), SOURCE);
        assertThat(analysis.findings(SAMPLES_CLASS, padded, reasons::add)).isEmpty();
        assertThat(reasons).singleElement().asString().contains("over the limit of " + TaintAnalysis.MAX_INSTRUCTIONS);
        reasons.clear();
        assertThat(analysis.findings(SAMPLES_CLASS, copy(BAD_HELPER_SINK), reasons::add)).isNotEmpty();
        assertThat(reasons).isEmpty();
    }

    @Test
    void aMethodWhoseFramesWouldBeTooLargeReportsNothingAndSaysWhy() throws Exception {
        MethodNode wide = copy(BAD_HELPER_SINK);
        wide.maxLocals = (int) (dev.genguard.spotbugs.dataflow.AnalysisBudget.MAX_FRAME_SLOTS / wide.instructions.size()) + 1;
        List<String> reasons = new ArrayList<>();
        assertThat(new TaintAnalysis(sampleRules(), SOURCE).findings(SAMPLES_CLASS, wide, reasons::add)).isEmpty();
        assertThat(reasons).singleElement().asString().endsWith("over the limit of 8000000 frame slots");
    }

    private static final String BAD_HELPER_SINK = "badHelperSink";
    private static final TestClassSource SOURCE = new TestClassSource("dev/genguard/spotbugs/taint/samples/");
    private static final ClassNode SAMPLES_CLASS = SOURCE.lookupClass(SAMPLES);

    /** A copy of a sample method, for a test to change. */
    private static MethodNode copy(String name) {
        MethodNode method = SAMPLES_CLASS.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
        MethodNode copy = new MethodNode(method.access, method.name, method.desc, method.signature, null);
        method.accept(copy);
        return copy;
    }

    private static List<TaintAnalysis.Finding> findings(String name) throws Exception {
        TestClassSource source = new TestClassSource("dev/genguard/spotbugs/taint/samples/");
        ClassNode cls = source.lookupClass(SAMPLES);
        MethodNode method = cls.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
        return new TaintAnalysis(sampleRules(), source).findings(cls, method);
    }
}
