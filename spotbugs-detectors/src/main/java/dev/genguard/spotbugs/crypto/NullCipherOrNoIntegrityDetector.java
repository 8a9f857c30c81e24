package dev.genguard.spotbugs.crypto;

import dev.genguard.spotbugs.dataflow.AbstractValue;
import dev.genguard.spotbugs.dataflow.CallSite;
import dev.genguard.spotbugs.dataflow.ClassReferences;
import dev.genguard.spotbugs.dataflow.MethodValues;
import dev.genguard.spotbugs.dataflow.SpotBugsClassSource;
import dev.genguard.spotbugs.dataflow.ValueAnalysisDetector;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.classfile.JavaClass;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Encryption without integrity: {@code new NullCipher()} (no encryption at all; high confidence), and a block
 * cipher that offers GCM used in an unauthenticated mode (CBC, PCBC, CTR, CFB, OFB) by a class that never
 * computes a MAC (no {@code javax.crypto.Mac} call in the class or its nest). Such ciphertext can be changed
 * without detection, and CBC with padding is open to padding-oracle attacks. The mode check is a heuristic
 * (the MAC may live in another class), hence low confidence, and is meant for the strict profile.
 * Transformations that {@link WeakCipherDetector} reports (ECB, DES, ...) are left to it; unknown
 * transformations stay silent; test classes are skipped.
 */
public class NullCipherOrNoIntegrityDetector extends ValueAnalysisDetector {

    static final String TYPE = "GENGUARD_NULL_CIPHER_OR_NO_INTEGRITY";

    private static final String CIPHER = "javax/crypto/Cipher";
    private static final String NULL_CIPHER = "javax/crypto/NullCipher";
    private static final String MAC = "javax/crypto/Mac";
    private static final Set<String> GET_INSTANCE = Set.of(
            "(Ljava/lang/String;)Ljavax/crypto/Cipher;",
            "(Ljava/lang/String;Ljava/lang/String;)Ljavax/crypto/Cipher;",
            "(Ljava/lang/String;Ljava/security/Provider;)Ljavax/crypto/Cipher;");
    /** 128-bit block ciphers, for which GCM exists (the JDK's for AES; providers such as Bouncy Castle for the rest). */
    private static final Set<String> GCM_CAPABLE = Set.of(
            "AES", "AES_128", "AES_192", "AES_256", "ARIA", "CAMELLIA", "SEED", "SM4", "TWOFISH", "SERPENT");
    private static final List<String> UNAUTHENTICATED_MODES = List.of("CBC", "PCBC", "CTR", "CFB", "OFB");

    public NullCipherOrNoIntegrityDetector(BugReporter bugReporter) {
        super(bugReporter);
    }

    @Override
    protected boolean mayReport(JavaClass javaClass) {
        return !isTestClass(javaClass) && ClassReferences.referencesAny(javaClass, CIPHER, NULL_CIPHER);
    }

    @Override
    protected void visitClass(ClassContext classContext, ClassNode cls) {
        Boolean macInNest = null;
        for (MethodNode method : cls.methods) {
            boolean nullCipher = MethodValues.mayCall(method, NULL_CIPHER, "<init>");
            boolean cipher = MethodValues.mayCall(method, CIPHER, "getInstance");
            if (cipher && macInNest == null) {
                macInNest = computesMac(cls);
            }
            boolean checkModes = cipher && !macInNest;
            MethodValues methodValues = nullCipher || checkModes ? analyze(cls, method) : null;
            if (methodValues != null) {
                visitMethod(classContext, cls, method, checkModes, methodValues);
            }
        }
    }

    private void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, boolean checkModes,
                             MethodValues methodValues) {
        Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
        if (bcelMethod == null) {
            return;
        }
        for (CallSite call : methodValues.calls()) {
            String what = null;
            String why = null;
            int priority = Priorities.LOW_PRIORITY;
            if (call.owner().equals(NULL_CIPHER) && call.name().equals("<init>")) {
                what = "new NullCipher()";
                why = "NullCipher does not encrypt at all";
                priority = Priorities.HIGH_PRIORITY;
            } else if (checkModes && call.owner().equals(CIPHER) && call.name().equals("getInstance")
                    && GET_INSTANCE.contains(call.desc())) {
                AbstractValue transformation = call.argument(0);
                String mode = transformation.constantString() == null ? null
                        : unauthenticatedMode(transformation.constantString());
                if (mode != null) {
                    what = "\"" + transformation.constantString() + "\"";
                    why = mode + " mode with no MAC computed in this class";
                }
            }
            if (what != null) {
                bugAccumulator.accumulateBug(new BugInstance(this, TYPE, priority)
                        .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                        .addString(what)
                        .addString(why),
                        SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, call.insn()));
            }
        }
    }

    /**
     * The unauthenticated mode of a transformation whose cipher offers GCM, or {@code null}; also null for what
     * {@link WeakCipherDetector} reports, so that one flaw has one finding.
     */
    static String unauthenticatedMode(String transformation) {
        if (WeakCipherDetector.weakness(transformation) != null) {
            return null;
        }
        String[] parts = transformation.trim().toUpperCase(Locale.ROOT).split("/", -1);
        if (parts.length < 2 || !GCM_CAPABLE.contains(parts[0].trim())) {
            return null;
        }
        String mode = parts[1].trim();
        for (String unauthenticated : UNAUTHENTICATED_MODES) {
            // CFB8, OFB128, CTR and the like: the mode name followed by an optional bit count.
            if (mode.startsWith(unauthenticated) && mode.substring(unauthenticated.length()).chars().allMatch(Character::isDigit)) {
                return mode;
            }
        }
        return null;
    }

    /** Whether the class or a class of its nest (its outer and inner classes) calls {@code javax.crypto.Mac}. */
    private boolean computesMac(ClassNode cls) {
        String host = cls.nestHostClass != null ? cls.nestHostClass : cls.name;
        ClassNode hostNode = host.equals(cls.name) ? cls : classes.lookupClass(host);
        List<ClassNode> nest = new ArrayList<>();
        nest.add(cls);
        if (hostNode != null && hostNode != cls) {
            nest.add(hostNode);
        }
        if (hostNode != null && hostNode.nestMembers != null) {
            for (String member : hostNode.nestMembers) {
                ClassNode node = member.equals(cls.name) ? null : classes.lookupClass(member);
                if (node != null) {
                    nest.add(node);
                }
            }
        }
        for (ClassNode node : nest) {
            for (MethodNode method : node.methods) {
                for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(MAC)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
