package dev.genguard.spotbugs.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.junit.jupiter.api.Test;

/** The per-method limits of the value analysis: frame memory and fixpoint visits. */
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
        // A loop through a switch of 5,000 cases: each visit of the switch follows 5,001 edges, on five instructions.
        ValueAnalysis analysis = ValueAnalysis.of(new TestClassSource());
        assertThatThrownBy(() -> analysis.analyze(owner, switchLoop(5000)))
                .isInstanceOf(AnalysisBudget.Exceeded.class)
                .hasMessage("more than 20 visits per instruction");
        long spent = analysis.visits();
        assertThat(spent).isEqualTo(AnalysisBudget.visits(switchLoop(5000)) + 1);

        MethodNode small = switchLoop(50);
        assertThat(analysis.analyze(owner, small).calls()).isEmpty();
        assertThat(analysis.visits()).isGreaterThan(spent + 50);
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

    /** {@code static void m(int)}: a switch over the argument whose every case jumps back to the switch. */
    private static MethodNode switchLoop(int cases) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "(I)V", null, null);
        LabelNode head = new LabelNode();
        LabelNode end = new LabelNode();
        m.instructions.add(head);
        m.instructions.add(new VarInsnNode(Opcodes.ILOAD, 0));
        m.instructions.add(new TableSwitchInsnNode(0, cases - 1, end,
                Collections.nCopies(cases, head).toArray(LabelNode[]::new)));
        m.instructions.add(end);
        m.instructions.add(new InsnNode(Opcodes.RETURN));
        m.maxStack = 1;
        m.maxLocals = 1;
        return m;
    }
}
