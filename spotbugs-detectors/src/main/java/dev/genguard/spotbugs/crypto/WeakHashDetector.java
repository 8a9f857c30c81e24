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
import java.util.Map;
import java.util.Set;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.classfile.JavaClass;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * MD2, MD4, MD5 or SHA-1 obtained through {@code MessageDigest.getInstance} (the algorithm resolved through the
 * value analysis), Commons Codec's {@code DigestUtils} ({@code md5*}, {@code sha1*}, {@code sha*}, {@code md2*},
 * {@code getMd5Digest}..., {@code getDigest} and its constructor with a constant name), Guava's
 * {@code Hashing.md5()}/{@code sha1()} and Spring's {@code DigestUtils.md5*}.
 *
 * <p>The priority follows what the method uses the digest for ({@link HashPurpose}): high where its names speak
 * of a password, credential, token, signature or integrity check; normal where they say nothing; and no report
 * where they say cache key, ETag, fingerprint, checksum or a protocol that fixes the hash (WebSocket, Gravatar).
 * Those stay silent rather than low: a low-priority finding is still shown (one severity lower) in every profile,
 * and an MD5 ETag is no finding worth a reviewer's minute. An algorithm read from configuration lowers the
 * priority one level; an unknown algorithm is not reported.
 */
public class WeakHashDetector extends ValueAnalysisDetector {

    static final String TYPE = "GENGUARD_WEAK_HASH";

    private static final String MESSAGE_DIGEST = "java/security/MessageDigest";
    private static final String CODEC = "org/apache/commons/codec/digest/DigestUtils";
    private static final String GUAVA = "com/google/common/hash/Hashing";
    private static final String SPRING = "org/springframework/util/DigestUtils";

    private static final Set<String> WEAK = Set.of("MD2", "MD4", "MD5", "SHA", "SHA1", "SHA-1");

    /** Helper methods (owner.name) that always use one weak algorithm, whatever their descriptor. */
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry(CODEC + ".md2", "MD2"), Map.entry(CODEC + ".md2Hex", "MD2"),
            Map.entry(CODEC + ".getMd2Digest", "MD2"),
            Map.entry(CODEC + ".md5", "MD5"), Map.entry(CODEC + ".md5Hex", "MD5"),
            Map.entry(CODEC + ".getMd5Digest", "MD5"),
            Map.entry(CODEC + ".sha", "SHA-1"), Map.entry(CODEC + ".shaHex", "SHA-1"),
            Map.entry(CODEC + ".sha1", "SHA-1"), Map.entry(CODEC + ".sha1Hex", "SHA-1"),
            Map.entry(CODEC + ".getShaDigest", "SHA-1"), Map.entry(CODEC + ".getSha1Digest", "SHA-1"),
            Map.entry(GUAVA + ".md5", "MD5"), Map.entry(GUAVA + ".sha1", "SHA-1"),
            Map.entry(SPRING + ".md5Digest", "MD5"), Map.entry(SPRING + ".md5DigestAsHex", "MD5"),
            Map.entry(SPRING + ".appendMd5DigestAsHex", "MD5"));

    public WeakHashDetector(BugReporter bugReporter) {
        super(bugReporter);
    }

    @Override
    protected boolean mayReport(JavaClass javaClass) {
        return ClassReferences.referencesAny(javaClass, MESSAGE_DIGEST, CODEC, GUAVA, SPRING);
    }

    @Override
    protected boolean mayReport(ClassNode cls, MethodNode method) {
        return anyCall(method, WeakHashDetector::isDigestCall)
                && HashPurpose.of(cls.name, method) != HashPurpose.Purpose.NON_SECURITY;
    }

    private static boolean isDigestCall(MethodInsnNode call) {
        return MESSAGE_DIGEST.equals(call.owner) && "getInstance".equals(call.name)
                || FIXED.containsKey(call.owner + '.' + call.name)
                || CODEC.equals(call.owner) && ("getDigest".equals(call.name) || "<init>".equals(call.name));
    }

    /**
     * Whether the call is a helper library calling itself (Commons Codec's {@code DigestUtils.md5Hex} calling its
     * {@code getMd5Digest}, its {@code Md5Crypt}): the library implements the API, its users choose the hash.
     */
    private static boolean ownHelper(String caller, String owner) {
        return !MESSAGE_DIGEST.equals(owner) && packageOf(caller).equals(packageOf(owner));
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    @Override
    protected void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, MethodValues methodValues) {
        HashPurpose.Purpose purpose = HashPurpose.of(cls.name, method);
        Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
        if (bcelMethod == null) {
            return;
        }
        for (CallSite call : methodValues.calls()) {
            if (!isDigestCall(call.insn()) || ownHelper(cls.name, call.owner())) {
                continue;
            }
            String algorithm = FIXED.get(call.owner() + '.' + call.name());
            Origin origin = Origin.CODE;
            if (algorithm == null) {
                AbstractValue name = call.argumentCount() > 0 && call.desc().startsWith("(Ljava/lang/String;")
                        ? call.argument(0) : null;
                if (name == null || name.constantString() == null) {
                    continue;
                }
                algorithm = name.constantString();
                origin = name.origin();
            }
            if (!WEAK.contains(algorithm.trim().toUpperCase(Locale.ROOT))) {
                continue;
            }
            int priority = lowered(purpose == HashPurpose.Purpose.SECURITY
                    ? Priorities.HIGH_PRIORITY : Priorities.NORMAL_PRIORITY, origin);
            bugAccumulator.accumulateBug(new BugInstance(this, TYPE, priority)
                    .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                    .addString(algorithm)
                    .addString(purpose == HashPurpose.Purpose.SECURITY
                            ? "a password, token, signature or integrity check (passwords need Argon2, bcrypt or PBKDF2)"
                            : "hashing"),
                    SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, call.insn()));
        }
    }
}
