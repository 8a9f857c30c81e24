package dev.genguard.spotbugs.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.junit.jupiter.api.Test;

/** The limits of the value analysis: frame memory and fixpoint visits per method, visits per class. */
class AnalysisBudgetTest {

    private final ClassNode owner = owner();

    @Test
    void aMethodWhoseFramesWouldBeTooLargeIsNotAnalysed() throws Exception {
        MethodNode method = nops(5000);
        method.maxLocals = (int) (AnalysisBudget.MAX_FRAME_SLOTS / 5000) + 1;
        assertThatThrownBy(() -> ValueAnalysis.of(new TestClassSource()).analyze(owner, method))
                .isInstanceOf(AnalysisBudget.Exceeded.class)
                .hasMessage("5001 instructions × 1602 locals and stack slots, over the limit of 8000000 frame slots");

        MethodNode within = nops(5000);
        within.maxLocals = 1000;
        assertThat(ValueAnalysis.of(new TestClassSource()).analyze(owner, within).calls()).isEmpty();
    }

    @Test
    void aFixpointThatTakesTooManyVisitsIsAbandoned() throws Exception {
        // 40 nested counting loops: each counter's second value sends the loops inside it round again, about 41
        // visits of each instruction of the innermost loop.
        ValueAnalysis analysis = ValueAnalysis.of(new TestClassSource());
        MethodNode deep = nestedLoops(40, 1000);
        assertThatThrownBy(() -> analysis.analyze(owner, deep))
                .isInstanceOf(AnalysisBudget.Exceeded.class)
                .hasMessage("more than 20 visits per instruction")
                .satisfies(e -> assertThat(((AnalysisBudget.Exceeded) e).ofClass()).isFalse());
        long spent = analysis.visits();
        assertThat(spent).isEqualTo(AnalysisBudget.visits(deep));

        // Ten loops take about 11 visits per instruction: within the budget.
        MethodNode shallow = nestedLoops(10, 1000);
        assertThat(analysis.analyze(owner, shallow).calls()).isEmpty();
        assertThat(analysis.visits() - spent).isBetween(10L * 1000, AnalysisBudget.visits(shallow));
    }

    @Test
    void theClassBudgetStopsEveryAnalysisOnceSpent() throws Exception {
        ValueAnalysis analysis = ValueAnalysis.of(new TestClassSource());
        analysis.limitVisits(1500);
        assertThat(analysis.analyze(owner, nops(1000)).calls()).isEmpty();
        assertThatThrownBy(() -> analysis.analyze(owner, nops(1000)))
                .isInstanceOf(AnalysisBudget.Exceeded.class)
                .hasMessage("more than 1500 visits in its class")
                .satisfies(e -> assertThat(((AnalysisBudget.Exceeded) e).ofClass()).isTrue());
        // The next class starts a new budget.
        analysis.limitVisits(1500);
        assertThat(analysis.analyze(owner, nops(1000)).calls()).isEmpty();
    }

    private static ClassNode owner() {
        ClassNode cls = new ClassNode();
        cls.version = Opcodes.V17;
        cls.access = Opcodes.ACC_PUBLIC;
        cls.name = "gen/Budget";
        cls.superName = "java/lang/Object";
        return cls;
    }

    /** {@code static void m()}: {@code count} NOPs and a return. */
    private static MethodNode nops(int count) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        for (int i = 0; i < count; i++) {
            m.instructions.add(new InsnNode(Opcodes.NOP));
        }
        m.instructions.add(new InsnNode(Opcodes.RETURN));
        m.maxStack = 1;
        return m;
    }

    /** {@code static void m()}: {@code depth} nested counting loops around {@code body} NOPs. */
    static MethodNode nestedLoops(int depth, int body) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        LabelNode[] heads = new LabelNode[depth];
        for (int c = 0; c < depth; c++) {
            m.instructions.add(new InsnNode(Opcodes.ICONST_0));
            m.instructions.add(new VarInsnNode(Opcodes.ISTORE, c));
        }
        for (int c = 0; c < depth; c++) {
            heads[c] = new LabelNode();
            m.instructions.add(heads[c]);
        }
        for (int i = 0; i < body; i++) {
            m.instructions.add(new InsnNode(Opcodes.NOP));
        }
        for (int c = depth - 1; c >= 0; c--) {
            m.instructions.add(new IincInsnNode(c, 1));
            m.instructions.add(new VarInsnNode(Opcodes.ILOAD, c));
            m.instructions.add(new JumpInsnNode(Opcodes.IFNE, heads[c]));
        }
        m.instructions.add(new InsnNode(Opcodes.RETURN));
        m.maxStack = 1;
        m.maxLocals = depth;
        return m;
    }
}
