package dev.genguard.spotbugs.crypto;

import dev.genguard.spotbugs.dataflow.ClassReferences;
import dev.genguard.spotbugs.dataflow.ValueTrackingDetector;
import edu.umd.cs.findbugs.BugAccumulator;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.Locale;
import java.util.Set;
import org.apache.bcel.Const;

/**
 * {@code Cipher.getInstance} with a transformation that is proven weak: a broken algorithm (DES, 3DES, RC2,
 * RC4, Blowfish), ECB mode (also when the mode is left out, as {@code "AES"} means {@code "AES/ECB/PKCS5Padding"}
 * in every JCE provider) or RSA without OAEP. The transformation must resolve to a constant; an unknown value
 * stays silent.
 */
public class WeakCipherDetector extends ValueTrackingDetector {

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

    private final BugAccumulator bugAccumulator;

    public WeakCipherDetector(BugReporter bugReporter) {
        this.bugAccumulator = new BugAccumulator(bugReporter);
    }

    @Override
    public void visitClassContext(ClassContext classContext) {
        if (!ClassReferences.referencesAny(classContext.getJavaClass(), CIPHER)) {
            return;
        }
        super.visitClassContext(classContext);
        bugAccumulator.reportAccumulatedBugs();
    }

    @Override
    public void sawOpcode(int seen) {
        if (seen != Const.INVOKESTATIC || !CIPHER.equals(getClassConstantOperand())
                || !"getInstance".equals(getNameConstantOperand()) || !GET_INSTANCE.contains(getSigConstantOperand())) {
            return;
        }
        int offset = getSigConstantOperand().startsWith("(Ljava/lang/String;)") ? 0 : 1;
        if (stack.getStackDepth() <= offset) {
            return;
        }
        Object value = stack.getStackItem(offset).getConstant();
        if (!(value instanceof String)) {
            return;
        }
        String transformation = (String) value;
        String weakness = weakness(transformation);
        if (weakness != null) {
            bugAccumulator.accumulateBug(new BugInstance(this, TYPE, Priorities.HIGH_PRIORITY)
                    .addClassAndMethod(this)
                    .addString(transformation)
                    .addString(weakness), this);
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
