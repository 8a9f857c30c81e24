package dev.genguard.spotbugs.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/** Hostile or odd bytecode: an error the detector can log, never a crash or a guess. */
class FailSafeTest {

    @Test
    void invalidBytecodeIsAnAnalyzerException() {
        ClassNode cls = new ClassNode();
        cls.name = "Hostile";
        cls.superName = "java/lang/Object";
        MethodNode method = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        method.instructions.add(new VarInsnNode(Opcodes.ALOAD, 7));
        method.instructions.add(new InsnNode(Opcodes.RETURN));
        method.maxLocals = 1;
        method.maxStack = 1;
        cls.methods.add(method);
        assertThatThrownBy(() -> ValueAnalysis.of(new TestClassSource()).analyze(cls, method))
                .isInstanceOf(AnalyzerException.class);
    }

    @Test
    void missingClassesAndUnreachableCalls() throws Exception {
        ClassNode cls = new ClassNode();
        cls.name = "Odd";
        cls.superName = "java/lang/Object";
        MethodNode method = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        method.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "no/such/Helper", "name",
                "()Ljava/lang/String;", false));
        method.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "no/such/Helper", "use",
                "(Ljava/lang/String;)V", false));
        method.instructions.add(new InsnNode(Opcodes.RETURN));
        method.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "no/such/Helper", "dead", "()V", false));
        method.instructions.add(new InsnNode(Opcodes.RETURN));
        method.maxLocals = 0;
        method.maxStack = 1;
        cls.methods.add(method);
        MethodValues values = ValueAnalysis.of(new TestClassSource()).analyze(cls, method);
        assertThat(values.calls()).extracting(CallSite::name).containsExactly("name", "use");
        assertThat(values.calls().get(1).argument(0).isConstant()).isFalse();
        assertThat(values.calls().get(1).line()).isEqualTo(-1);
    }
}
