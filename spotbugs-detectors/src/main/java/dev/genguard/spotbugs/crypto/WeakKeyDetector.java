package dev.genguard.spotbugs.crypto;

import dev.genguard.spotbugs.dataflow.AbstractValue;
import dev.genguard.spotbugs.dataflow.CallSite;
import dev.genguard.spotbugs.dataflow.ClassReferences;
import dev.genguard.spotbugs.dataflow.Invocation;
import dev.genguard.spotbugs.dataflow.MethodValues;
import dev.genguard.spotbugs.dataflow.SpotBugsClassSource;
import dev.genguard.spotbugs.dataflow.ValueAnalysisDetector;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.classfile.JavaClass;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Keys too short to resist brute force, or fixed in the code:
 * <ul>
 *   <li>{@code KeyPairGenerator.initialize(n)} under 2048 bits for RSA, DSA and DH, or under 224 bits for EC,
 *       following the generator back to its {@code getInstance}; {@code new RSAKeyGenParameterSpec(n, e)} under
 *       2048 bits; {@code new ECGenParameterSpec(curve)} naming a curve under 224 bits (secp192r1, sect163k1...);</li>
 *   <li>{@code KeyGenerator.init(n)} under 128 bits;</li>
 *   <li>a {@code SecretKeySpec} made from constant bytes (CWE-321, reported under this type): an array of
 *       constants, a constant string's {@code getBytes()}, a constant decoded from Base64 or hex, a constant
 *       static array field.</li>
 * </ul>
 * Sizes and names are resolved by the value analysis; unknown values stay silent. Confidence is high for a
 * constant of the bytecode on a generator of known algorithm; normal for a value from configuration, or a size
 * on a generator of unknown algorithm that is weak for every algorithm accepting that size.
 */
public class WeakKeyDetector extends ValueAnalysisDetector {

    static final String TYPE = "GENGUARD_WEAK_KEY";

    private static final String KEY_PAIR_GENERATOR = "java/security/KeyPairGenerator";
    private static final String KEY_GENERATOR = "javax/crypto/KeyGenerator";
    private static final String RSA_SPEC = "java/security/spec/RSAKeyGenParameterSpec";
    private static final String EC_SPEC = "java/security/spec/ECGenParameterSpec";
    private static final String SECRET_KEY_SPEC = "javax/crypto/spec/SecretKeySpec";

    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 224;
    static final int MIN_SYMMETRIC_BITS = 128;
    /** The largest standard EC field size (sect571): a larger size on an unknown generator is RSA, DSA or DH. */
    private static final int MAX_EC_BITS = 571;

    private static final Set<String> FACTORING = Set.of("RSA", "RSASSA-PSS", "DSA", "DH", "DIFFIEHELLMAN");
    private static final Set<String> ELLIPTIC = Set.of("EC", "ECDSA", "ECDH", "ECMQV");
    /** The field size in a named curve: secp192r1, sect163k1, prime192v1, brainpoolP160r1, c2tnb191v1, P-192. */
    private static final Pattern CURVE_BITS = Pattern.compile(
            "(?:secp|sect|prime|brainpoolp|c2[pot]nb|nist ?p-|p-|b-|k-)(\\d{3})", Pattern.CASE_INSENSITIVE);

    private final ConstantBytes constantBytes = new ConstantBytes();

    public WeakKeyDetector(BugReporter bugReporter) {
        super(bugReporter);
    }

    @Override
    protected boolean mayReport(JavaClass javaClass) {
        return ClassReferences.referencesAny(javaClass, KEY_PAIR_GENERATOR, KEY_GENERATOR, RSA_SPEC, EC_SPEC,
                SECRET_KEY_SPEC);
    }

    @Override
    protected boolean mayReport(ClassNode cls, MethodNode method) {
        return anyCall(method, WeakKeyDetector::isSite);
    }

    private static boolean isSite(MethodInsnNode call) {
        switch (call.owner) {
        case KEY_PAIR_GENERATOR:
            return "initialize".equals(call.name) && call.desc.startsWith("(I");
        case KEY_GENERATOR:
            return "init".equals(call.name) && call.desc.startsWith("(I");
        case RSA_SPEC:
            return "<init>".equals(call.name) && call.desc.startsWith("(I");
        case EC_SPEC:
            return "<init>".equals(call.name) && "(Ljava/lang/String;)V".equals(call.desc);
        case SECRET_KEY_SPEC:
            return "<init>".equals(call.name) && call.desc.startsWith("([B") && call.desc.endsWith("Ljava/lang/String;)V");
        default:
            return false;
        }
    }

    @Override
    protected void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, MethodValues methodValues) {
        Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
        if (bcelMethod == null) {
            return;
        }
        for (CallSite call : methodValues.calls()) {
            if (!isSite(call.insn())) {
                continue;
            }
            Finding finding = check(call);
            if (finding != null) {
                bugAccumulator.accumulateBug(new BugInstance(this, TYPE, finding.priority)
                        .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                        .addString(finding.fix),
                        SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, call.insn()));
            }
        }
    }

    private static final class Finding {
        final int priority;
        final String fix;

        Finding(int priority, String fix) {
            this.priority = priority;
            this.fix = fix;
        }
    }

    private Finding check(CallSite call) {
        switch (call.owner()) {
        case KEY_PAIR_GENERATOR:
            return keyPair(call);
        case KEY_GENERATOR:
            return symmetric(call);
        case RSA_SPEC:
            Integer bits = call.argument(0).constantInt();
            return bits == null || bits >= MIN_RSA_BITS ? null : new Finding(
                    lowered(Priorities.HIGH_PRIORITY, call.argument(0).origin()),
                    "Use at least " + MIN_RSA_BITS + "-bit RSA keys, not " + bits);
        case EC_SPEC:
            String curve = call.argument(0).constantString();
            Integer curveBits = curve == null ? null : curveBits(curve);
            return curveBits == null || curveBits >= MIN_EC_BITS ? null : new Finding(
                    lowered(Priorities.HIGH_PRIORITY, call.argument(0).origin()),
                    "Use a curve of at least " + MIN_EC_BITS + " bits (secp256r1, X25519), not " + curve);
        default:
            ConstantBytes.Found key = constantBytes.of(call, 0);
            return key == null ? null : new Finding(lowered(Priorities.HIGH_PRIORITY, key.origin()),
                    "Load the key from a key store or secret manager, not the hardcoded " + key.shown());
        }
    }

    private static Finding keyPair(CallSite call) {
        AbstractValue size = call.argument(0);
        Integer bits = size.constantInt();
        if (bits == null) {
            return null;
        }
        String algorithm = algorithm(call.receiver(), KEY_PAIR_GENERATOR);
        String upper = algorithm == null ? null : algorithm.toUpperCase(Locale.ROOT);
        if (upper != null && FACTORING.contains(upper)) {
            return bits >= MIN_RSA_BITS ? null : new Finding(lowered(Priorities.HIGH_PRIORITY, size.origin()),
                    "Use at least " + MIN_RSA_BITS + "-bit " + algorithm + " keys, not " + bits);
        }
        if (upper != null && ELLIPTIC.contains(upper)) {
            return bits >= MIN_EC_BITS ? null : new Finding(lowered(Priorities.HIGH_PRIORITY, size.origin()),
                    "Use an EC curve of at least " + MIN_EC_BITS + " bits (secp256r1), not " + bits);
        }
        if (upper != null) {
            // EdDSA, XDH and other algorithms whose size names a fixed curve or parameter set.
            return null;
        }
        // Unknown generator: weak whatever the algorithm if under every minimum, or too large for EC yet under RSA's.
        if (bits < MIN_EC_BITS || bits > MAX_EC_BITS && bits < MIN_RSA_BITS) {
            return new Finding(lowered(Priorities.NORMAL_PRIORITY, size.origin()),
                    "Use at least " + MIN_RSA_BITS + "-bit RSA, DSA or DH keys (" + MIN_EC_BITS
                            + " bits for EC), not " + bits);
        }
        return null;
    }

    private static Finding symmetric(CallSite call) {
        AbstractValue size = call.argument(0);
        Integer bits = size.constantInt();
        if (bits == null || bits >= MIN_SYMMETRIC_BITS) {
            return null;
        }
        String algorithm = algorithm(call.receiver(), KEY_GENERATOR);
        // Under 128 bits is weak for every symmetric algorithm, known or not.
        return new Finding(lowered(Priorities.HIGH_PRIORITY, size.origin()),
                "Use at least " + MIN_SYMMETRIC_BITS + "-bit " + (algorithm == null ? "" : algorithm + " ")
                        + "keys, not " + bits);
    }

    /** The constant algorithm a tracked generator was created with by {@code getInstance}, or null. */
    private static String algorithm(AbstractValue generator, String owner) {
        Invocation creation = generator == null ? null : generator.creation();
        if (creation == null || !owner.equals(creation.owner()) || !"getInstance".equals(creation.name())
                || creation.argumentCount() == 0) {
            return null;
        }
        String name = creation.argument(0).constantString();
        return name == null ? null : name.trim();
    }

    /** The field size of a named curve, or null when the name carries none (X25519, a custom name). */
    static Integer curveBits(String curve) {
        Matcher m = CURVE_BITS.matcher(curve.trim());
        return m.lookingAt() ? Integer.valueOf(m.group(1)) : null;
    }
}
