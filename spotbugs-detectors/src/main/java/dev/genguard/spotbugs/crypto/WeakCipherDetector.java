package dev.genguard.spotbugs.crypto;

import dev.genguard.spotbugs.dataflow.AbstractValue;
import dev.genguard.spotbugs.dataflow.CallSite;
import dev.genguard.spotbugs.dataflow.ClassReferences;
import dev.genguard.spotbugs.dataflow.MethodValues;
import dev.genguard.spotbugs.dataflow.Origin;
import dev.genguard.spotbugs.dataflow.SpotBugsClassSource;
import dev.genguard.spotbugs.dataflow.ValueAnalysisDetector;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.Locale;
import java.util.Set;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.classfile.JavaClass;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code Cipher.getInstance} with a transformation that is proven weak: a broken algorithm (DES, 3DES, RC2,
 * RC4, Blowfish), ECB mode (also when the mode is left out, as {@code "AES"} means {@code "AES/ECB/PKCS5Padding"}
 * in every JCE provider) or RSA without OAEP. The transformation must resolve to a constant through the value
 * analysis (locals, constants of any class, concatenation, builders, format, helper methods, the arguments of a
 * private helper's call sites, properties resources); an unknown value stays silent. Confidence follows the
 * constant's {@link Origin}: high when the bytecode proves it, normal when it comes from configuration or from a
 * default that a deployment may override.
 */
public class WeakCipherDetector extends ValueAnalysisDetector {

    static final String TYPE = "GENGUARD_WEAK_CIPHER";

    private static final String CIPHER = "javax/crypto/Cipher";
    private static final Set<String> GET_INSTANCE = Set.of(
            "(Ljava/lang/String;)Ljavax/crypto/Cipher;",
            "(Ljava/lang/String;Ljava/lang/String;)Ljavax/crypto/Cipher;",
            "(Ljava/lang/String;Ljava/security/Provider;)Ljavax/crypto/Cipher;");

    private static final Set<String> BROKEN_ALGORITHMS = Set.of(
            "DES", "DESEDE", "TRIPLEDES", "3DES", "RC2", "RC4", "ARCFOUR", "ARC4", "BLOWFISH");
    // Block ciphers whose provider default mode is ECB when the transformation names no mode.
    private static final Set<String> BLOCK_CIPHERS = Set.of(
            "AES", "AES_128", "AES_192", "AES_256", "ARIA", "CAMELLIA", "SEED", "SM4", "TWOFISH", "SERPENT");

    public WeakCipherDetector(BugReporter bugReporter) {
        super(bugReporter);
    }

    @Override
    protected boolean mayReport(JavaClass javaClass) {
        return ClassReferences.referencesAny(javaClass, CIPHER);
    }

    @Override
    protected boolean mayReport(ClassNode cls, MethodNode method) {
        return MethodValues.mayCall(method, CIPHER, "getInstance");
    }

    @Override
    protected void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, MethodValues methodValues) {
        Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
        for (CallSite call : methodValues.calls(CIPHER, "getInstance")) {
            AbstractValue transformation = call.argument(0);
            String weakness = GET_INSTANCE.contains(call.desc()) && transformation.constantString() != null
                    ? weakness(transformation.constantString()) : null;
            if (weakness != null && bcelMethod != null) {
                int priority = transformation.origin() == Origin.CODE
                        ? Priorities.HIGH_PRIORITY : Priorities.NORMAL_PRIORITY;
                bugAccumulator.accumulateBug(new BugInstance(this, TYPE, priority)
                        .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                        .addString(transformation.constantString())
                        .addString(weakness),
                        SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, call.insn()));
            }
        }
    }

    /** Why a transformation is weak, or {@code null} when it is not (or not recognized). */
    static String weakness(String transformation) {
        String[] parts = transformation.trim().toUpperCase(Locale.ROOT).split("/", -1);
        String algorithm = parts[0].trim();
        String mode = parts.length > 1 ? parts[1].trim() : "";
        String padding = parts.length > 2 ? parts[2].trim() : "";
        if (BROKEN_ALGORITHMS.contains(algorithm) || algorithm.startsWith("PBEWITH")
                && (algorithm.endsWith("DES") || algorithm.contains("DESEDE") || algorithm.contains("RC2")
                || algorithm.contains("RC4"))) {
            return algorithm + " is a broken cipher";
        }
        if ("RSA".equals(algorithm)) {
            // RSA has no real mode ("ECB"/"NONE" are placeholders); the padding decides, and the default is PKCS#1 v1.5.
            return padding.startsWith("OAEP") ? null : "RSA without OAEP padding";
        }
        if ("ECB".equals(mode)) {
            return "ECB mode";
        }
        if (mode.isEmpty() && BLOCK_CIPHERS.contains(algorithm)) {
            return "no mode, which defaults to ECB";
        }
        return null;
    }
}
