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
import java.util.TreeSet;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.classfile.JavaClass;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A {@code PBEKeySpec} for PBKDF2 with an iteration count below OWASP's Password Storage Cheat Sheet figures
 * (1,300,000 for HMAC-SHA1, 600,000 for HMAC-SHA256, 210,000 for HMAC-SHA512), a constant salt, or a key length
 * under 128 bits. Counts, lengths and salts are resolved by the value analysis (constants of any class, helpers,
 * properties defaults). The hash comes from the {@code SecretKeyFactory.getInstance} of the same method; where
 * there is none (or it is not a constant) the SHA-256 figure applies and the message says so. A method whose
 * factories are all password-based ciphers ({@code PBEWith...}) makes a cipher key, which the PMD rule
 * WeakPasswordHashing and {@code GENGUARD_WEAK_CIPHER} judge; it is left out.
 *
 * <p>Reported on the {@code new PBEKeySpec} line, where WeakPasswordHashing reports a constant count too (same
 * CWE, so the Maven plugin keeps one).
 */
public class WeakKdfDetector extends ValueAnalysisDetector {

    static final String TYPE = "GENGUARD_WEAK_KDF";

    private static final String SPEC = "javax/crypto/spec/PBEKeySpec";
    private static final String FACTORY = "javax/crypto/SecretKeyFactory";
    static final int SHA1_ITERATIONS = 1_300_000;
    static final int SHA256_ITERATIONS = 600_000;
    static final int SHA512_ITERATIONS = 210_000;
    private static final int MIN_KEY_BITS = 128;

    private final ConstantBytes constantBytes = new ConstantBytes();

    public WeakKdfDetector(BugReporter bugReporter) {
        super(bugReporter);
    }

    @Override
    protected boolean mayReport(JavaClass javaClass) {
        return ClassReferences.referencesAny(javaClass, SPEC);
    }

    @Override
    protected boolean mayReport(ClassNode cls, MethodNode method) {
        return MethodValues.mayCall(method, SPEC, "<init>");
    }

    /**
     * The PBKDF2 algorithm the method's {@code SecretKeyFactory} uses; "" when there is none, it is not a constant
     * or there are several; null when the method's factories are all password-based ciphers (PBEWith...).
     */
    private static String factoryAlgorithm(MethodValues methodValues) {
        Set<String> pbkdf2 = new TreeSet<>();
        boolean pbeCipher = false;
        boolean unknown = false;
        for (CallSite call : methodValues.calls(FACTORY, "getInstance")) {
            String name = call.argumentCount() > 0 ? call.argument(0).constantString() : null;
            String upper = name == null ? null : name.trim().toUpperCase(Locale.ROOT);
            if (upper == null) {
                unknown = true;
            } else if (upper.startsWith("PBKDF2")) {
                pbkdf2.add(name.trim());
            } else if (upper.startsWith("PBEWITH")) {
                pbeCipher = true;
            }
        }
        if (pbkdf2.isEmpty() && pbeCipher && !unknown) {
            return null;
        }
        return pbkdf2.size() == 1 && !unknown ? pbkdf2.iterator().next() : "";
    }

    static int threshold(String algorithm) {
        String upper = algorithm.toUpperCase(Locale.ROOT);
        if (upper.endsWith("SHA1")) {
            return SHA1_ITERATIONS;
        }
        // SHA-384 runs on SHA-512's 64-bit core; OWASP gives no figure of its own.
        return upper.contains("SHA512") || upper.contains("SHA384") ? SHA512_ITERATIONS : SHA256_ITERATIONS;
    }

    @Override
    protected void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, MethodValues methodValues) {
        Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
        String algorithm = factoryAlgorithm(methodValues);
        if (bcelMethod == null || algorithm == null) {
            return;
        }
        for (CallSite call : methodValues.calls(SPEC, "<init>")) {
            if (call.argumentCount() < 3) {
                continue;
            }
            List<String> weaknesses = new ArrayList<>();
            int priority = Priorities.LOW_PRIORITY + 1;
            AbstractValue iterations = call.argument(2);
            Integer count = iterations.constantInt();
            if (count != null) {
                int minimum = algorithm.isEmpty() ? SHA256_ITERATIONS : threshold(algorithm);
                if (count < minimum) {
                    weaknesses.add(String.format(Locale.ROOT, "use at least %,d iterations%s, not %,d", minimum,
                            algorithm.isEmpty() ? " (OWASP's figure for PBKDF2WithHmacSHA256; the factory is not known here)"
                                    : " of " + algorithm, count));
                    boolean certain = !algorithm.isEmpty() || count < SHA512_ITERATIONS;
                    priority = Math.min(priority, lowered(certain ? Priorities.HIGH_PRIORITY : Priorities.NORMAL_PRIORITY,
                            iterations.origin()));
                }
            }
            ConstantBytes.Found salt = constantBytes.of(call, 1);
            if (salt != null) {
                weaknesses.add("use a random salt per password (SecureRandom), not the constant " + salt.shown());
                priority = Math.min(priority, lowered(Priorities.HIGH_PRIORITY, salt.origin()));
            }
            Integer keyLength = call.argumentCount() > 3 ? call.argument(3).constantInt() : null;
            if (keyLength != null && keyLength < MIN_KEY_BITS) {
                weaknesses.add("derive at least " + MIN_KEY_BITS + " bits, not " + keyLength);
                priority = Math.min(priority, lowered(Priorities.HIGH_PRIORITY, call.argument(3).origin()));
            }
            if (!weaknesses.isEmpty()) {
                String fix = String.join("; ", weaknesses);
                bugAccumulator.accumulateBug(new BugInstance(this, TYPE, priority)
                        .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                        .addString(Character.toUpperCase(fix.charAt(0)) + fix.substring(1)),
                        SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, call.insn()));
            }
        }
    }
}
