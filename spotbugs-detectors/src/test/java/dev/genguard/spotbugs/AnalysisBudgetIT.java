package dev.genguard.spotbugs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineResult;
import dev.genguard.engine.RawFinding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.spotbugs.SpotBugsRunner;
import dev.genguard.spotbugs.dataflow.AnalysisBudget;
import dev.genguard.spotbugs.dataflow.ClassSource;
import dev.genguard.spotbugs.dataflow.TestClassSource;
import dev.genguard.spotbugs.dataflow.ValueAnalysis;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The analysis budgets through SpotBugs and the packaged plugin, on generated classes no compiler would write: a
 * method whose frames would be too large, a class with more bytecode than one detector analyses per class, and a
 * class SpotBugs itself leaves out. The analysis reports what it analysed, says in one line what it gave up on, and
 * never fails.
 */
class AnalysisBudgetIT {

    /**
     * Four nested loops around 10,000 instructions: each counter's second value sends the loops inside it round
     * again, so the value analysis visits the instructions about five times; 45 such methods need more visits than
     * the class budget, in 450 KB of bytecode.
     */
    private static final int LOOP = 10_000;
    private static final int COUNTERS = 4;
    private static final int METHODS = 45;

    @TempDir
    Path classes;

    @Test
    void overBudgetMethodsAndClassesAreSkippedWithOneLineEach() throws Exception {
        byte[] bytes = budgetClass();
        assertThat(bytes.length).as("under SpotBugs' own class size limit").isLessThan(1_000_000);
        Files.write(Files.createDirectories(classes.resolve("gen")).resolve("Budget.class"), bytes);

        EngineResult result = run();

        // The oracle: the value analysis' visits of each method on its own; a method's analysis completes while the
        // visits of the methods up to and including it are within the class budget.
        ClassNode cls = new ClassNode();
        new ClassReader(bytes).accept(cls, 0);
        long spent = 0;
        int analysed = 0;
        for (MethodNode method : cls.methods.subList(1, cls.methods.size())) {
            ValueAnalysis values = ValueAnalysis.of(source(cls));
            values.analyze(cls, method);
            spent += values.visits();
            if (spent > AnalysisBudget.MAX_CLASS_VISITS) {
                break;
            }
            analysed++;
        }
        assertThat(analysed).as("methods within the class budget").isBetween(10, METHODS - 5);

        List<String> weakCipher = result.errors().stream().map(ScanError::message)
                .filter(m -> m.startsWith("GenGuard: WeakCipherDetector: ")).toList();
        assertThat(weakCipher).containsExactlyInAnyOrder(
                "GenGuard: WeakCipherDetector: value analysis of gen.Budget.wide stopped at its budget (1006 instructions"
                        + " × 8002 locals and stack slots, over the limit of 8000000 frame slots); no findings for this method",
                "GenGuard: WeakCipherDetector: analysis of class gen.Budget stopped at its budget (more than 2000000"
                        + " visits); no findings for its remaining methods");
        // Other detectors that analyse the class say the same, once each; nothing failed.
        assertThat(result.errors()).extracting(ScanError::message).allMatch(m -> m.contains(" stopped at its budget ("))
                .doesNotHaveDuplicates();
        // One weak cipher per loop method, on line i + 1: the methods analysed before the class budget ran out.
        List<Integer> lines = result.findings().stream().filter(f -> f.ruleId().equals("GENGUARD_WEAK_CIPHER"))
                .map(RawFinding::line).sorted().toList();
        assertThat(lines).isEqualTo(java.util.stream.IntStream.rangeClosed(1, analysed).boxed().toList());
    }

    @Test
    void aClassSpotBugsLeavesOutIsAProcessingErrorNotASilentGap() throws Exception {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "gen/Huge", null, "java/lang/Object", null);
        cw.visitSource("Huge.java", null);
        for (int i = 0; i < 1001; i++) {
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "m" + i, "()V", null, null);
            m.visitCode();
            weakCipher(m, i + 1);
            m.visitMaxs(1, 0);
            m.visitEnd();
        }
        cw.visitEnd();
        Files.write(Files.createDirectories(classes.resolve("gen")).resolve("Huge.class"), cw.toByteArray());

        EngineResult result = run();

        assertThat(result.findings()).isEmpty();
        assertThat(result.errors()).containsExactly(new ScanError(dev.genguard.engine.EngineKind.SPOTBUGS, "gen.Huge",
                "SpotBugs skipped class gen.Huge: too big (over 1,000,000 bytes or 1,000 methods) or unreadable, no detector"
                        + " analysed it"));
    }

    private EngineResult run() {
        return SpotBugsRunner.run(new SpotBugsRunner.Request(List.of(classes), List.of(), List.of(), classes,
                List.of(Path.of(System.getProperty("genguard.plugin.jar"))), "default"));
    }

    /**
     * {@code gen.Budget}: {@code wide()}, a short method with 8,000 locals, then {@code m0} ... {@code m44}, each
     * four nested counting loops around 10,000 NOPs and then {@code Cipher.getInstance("DES")} on line i + 1.
     */
    private static byte[] budgetClass() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "gen/Budget", null, "java/lang/Object", null);
        cw.visitSource("Budget.java", null);
        MethodVisitor wide = cw.visitMethod(Opcodes.ACC_STATIC, "wide", "()V", null, null);
        wide.visitCode();
        for (int i = 0; i < 1000; i++) {
            wide.visitInsn(Opcodes.NOP);
        }
        weakCipher(wide, 1000);
        wide.visitMaxs(1, 8001);
        wide.visitEnd();
        for (int i = 0; i < METHODS; i++) {
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "m" + i, "()V", null, null);
            m.visitCode();
            Label[] loops = new Label[COUNTERS];
            for (int c = 0; c < COUNTERS; c++) {
                m.visitInsn(Opcodes.ICONST_0);
                m.visitVarInsn(Opcodes.ISTORE, c);
            }
            for (int c = 0; c < COUNTERS; c++) {
                loops[c] = new Label();
                m.visitLabel(loops[c]);
            }
            for (int n = 0; n < LOOP; n++) {
                m.visitInsn(Opcodes.NOP);
            }
            for (int c = COUNTERS - 1; c >= 0; c--) {
                m.visitIincInsn(c, 1);
                m.visitVarInsn(Opcodes.ILOAD, c);
                m.visitJumpInsn(Opcodes.IFNE, loops[c]);
            }
            weakCipher(m, i + 1);
            m.visitMaxs(1, COUNTERS);
            m.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void weakCipher(MethodVisitor m, int line) {
        Label here = new Label();
        m.visitLabel(here);
        m.visitLineNumber(line, here);
        m.visitLdcInsn("DES");
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "javax/crypto/Cipher", "getInstance",
                "(Ljava/lang/String;)Ljavax/crypto/Cipher;", false);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.RETURN);
    }

    /** The generated class alone as the application; the JDK's classes as the tests read them. */
    private static ClassSource source(ClassNode generated) {
        TestClassSource jdk = new TestClassSource(generated.name);
        return new ClassSource() {
            @Override
            public ClassNode lookupClass(String internalName) {
                return internalName.equals(generated.name) ? generated : jdk.lookupClass(internalName);
            }

            @Override
            public boolean isApplicationClass(String internalName) {
                return internalName.equals(generated.name);
            }

            @Override
            public InputStream openResource(String name) {
                return null;
            }
        };
    }
}
