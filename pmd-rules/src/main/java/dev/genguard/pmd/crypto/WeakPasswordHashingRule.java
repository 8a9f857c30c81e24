package dev.genguard.pmd.crypto;

import dev.genguard.pmd.internal.NameWords;
import dev.genguard.pmd.internal.SourceKind;
import dev.genguard.pmd.internal.Types;
import dev.genguard.pmd.internal.ValueNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.ast.NodeStream;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTBlock;
import net.sourceforge.pmd.lang.java.ast.ASTClassType;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTExecutableDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeExpression;
import net.sourceforge.pmd.lang.java.ast.BinaryOp;
import net.sourceforge.pmd.lang.java.ast.InvocationNode;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.JMethodSig;
import net.sourceforge.pmd.lang.java.types.JPrimitiveType.PrimitiveTypeKind;
import net.sourceforge.pmd.lang.java.types.JTypeMirror;

/**
 * Finds passwords stored with a fast hash instead of a password hashing function: a {@code MessageDigest}
 * (commons-codec {@code DigestUtils}, Guava {@code HashFunction}) fed a password, or fed anything in a method that
 * hashes or checks passwords; PBKDF2 ({@code PBEKeySpec}, Spring's {@code Pbkdf2PasswordEncoder}) with a constant
 * iteration count below OWASP's minimum for its HMAC; bcrypt with a constant cost below 10; and Spring's
 * deprecated digest-based password encoders. Reports the digest call, the iteration count, the cost or the
 * encoder.
 */
public class WeakPasswordHashingRule extends AbstractJavaRulechainRule {

    /** Calls that feed data to a fast hash: the first argument is what gets hashed. */
    private static final Set<String> FAST_HASH_INPUT_NAMES = Set.of(
            "update", "digest", "hashString", "hashUnencodedChars", "hashBytes", "putString", "putUnencodedChars",
            "putBytes");
    private static final CompoundInvocationMatcher FAST_HASH_INPUTS = InvocationMatcher.parseAll(
            "java.security.MessageDigest#update(byte[])",
            "java.security.MessageDigest#update(byte[],int,int)",
            "java.security.MessageDigest#digest(byte[])",
            // Not on the fixtures' classpath: these resolve in users' builds that use the libraries.
            "org.apache.commons.codec.digest.DigestUtils#_(_)",
            "com.google.common.hash.HashFunction#hashString(_,_)",
            "com.google.common.hash.HashFunction#hashUnencodedChars(_)",
            "com.google.common.hash.HashFunction#hashBytes(byte[])",
            "com.google.common.hash.Hasher#putString(_,_)",
            "com.google.common.hash.Hasher#putUnencodedChars(_)",
            "com.google.common.hash.Hasher#putBytes(byte[])");

    private static final CompoundInvocationMatcher MESSAGE_DIGEST_INPUTS = InvocationMatcher.parseAll(
            "java.security.MessageDigest#update(_*)",
            "java.security.MessageDigest#digest(_*)");
    /**
     * Password hashing functions. A fast hash in the same method is a pre-hash (SHA-256 before bcrypt, to get past
     * its 72-byte limit) or a key derivation input, not the stored hash.
     */
    private static final CompoundInvocationMatcher SLOW_HASHES = InvocationMatcher.parseAll(
            "org.springframework.security.crypto.password.PasswordEncoder#encode(_)",
            "org.springframework.security.crypto.password.PasswordEncoder#matches(_,_)",
            "org.springframework.security.crypto.bcrypt.BCrypt#hashpw(_*)",
            "org.springframework.security.crypto.bcrypt.BCrypt#checkpw(_*)",
            "javax.crypto.SecretKeyFactory#generateSecret(_)",
            "org.mindrot.jbcrypt.BCrypt#hashpw(_*)",
            "org.mindrot.jbcrypt.BCrypt#checkpw(_*)",
            "org.bouncycastle.crypto.generators.SCrypt#generate(_*)",
            "org.bouncycastle.crypto.generators.OpenBSDBCrypt#generate(_*)",
            "org.bouncycastle.crypto.generators.Argon2BytesGenerator#generateBytes(_*)",
            "de.mkammerer.argon2.Argon2#hash(_*)",
            "com.password4j.Password#hash(_)");

    private static final InvocationMatcher DIGEST_INSTANCE = InvocationMatcher.parse("java.security.MessageDigest#getInstance(_*)");
    private static final InvocationMatcher SECRET_KEY_FACTORY = InvocationMatcher.parse("javax.crypto.SecretKeyFactory#getInstance(_*)");

    private static final CompoundInvocationMatcher PBE_KEY_SPECS = InvocationMatcher.parseAll(
            "javax.crypto.spec.PBEKeySpec#new(char[],byte[],int,int)",
            "javax.crypto.spec.PBEKeySpec#new(char[],byte[],int)");

    private static final String PBKDF2_ENCODER = "org.springframework.security.crypto.password.Pbkdf2PasswordEncoder";
    /** The hash-width overload keeps the encoder's default HMAC, SHA-1; the other names it with an enum constant. */
    private static final InvocationMatcher PBKDF2_ENCODER_SHA1 = InvocationMatcher.parse(
            PBKDF2_ENCODER + "#new(java.lang.CharSequence,int,int,int)");
    private static final InvocationMatcher PBKDF2_ENCODER_WITH_ALGORITHM = InvocationMatcher.parse(
            PBKDF2_ENCODER + "#new(java.lang.CharSequence,int,int,_)");

    /** bcrypt cost parameters; the int argument is the log2 cost. */
    private static final CompoundInvocationMatcher BCRYPT_COSTS = InvocationMatcher.parseAll(
            "org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder#new(_*)",
            "org.springframework.security.crypto.bcrypt.BCrypt#gensalt(_*)",
            "org.mindrot.jbcrypt.BCrypt#gensalt(_*)");

    /** Spring Security's deprecated encoders built on a single fast digest. */
    private static final CompoundInvocationMatcher DIGEST_ENCODERS = InvocationMatcher.parseAll(
            "org.springframework.security.crypto.password.MessageDigestPasswordEncoder#new(_*)",
            "org.springframework.security.crypto.password.StandardPasswordEncoder#new(_*)",
            "org.springframework.security.crypto.password.Md4PasswordEncoder#new(_*)",
            "org.springframework.security.crypto.password.LdapShaPasswordEncoder#new(_*)");

    /**
     * Where a legacy encoder is registered to match old hashes while new ones use a strong encoder: Spring's own
     * {@code PasswordEncoderFactories} does this, and it is the documented migration path.
     */
    private static final CompoundInvocationMatcher LEGACY_REGISTRATIONS = InvocationMatcher.parseAll(
            "java.util.Map#put(_,_)",
            "java.util.Map#of(_*)",
            "java.util.Map#entry(_,_)",
            "org.springframework.security.crypto.password.DelegatingPasswordEncoder#setDefaultPasswordEncoderForMatches(_)");

    private static final String PASSWORD_ENCODER = "org.springframework.security.crypto.password.PasswordEncoder";

    /** OWASP Password Storage Cheat Sheet: minimum PBKDF2 iterations per HMAC. */
    private static final Map<String, Integer> PBKDF2_MIN_ITERATIONS = Map.of(
            "SHA1", 1_300_000, "SHA224", 600_000, "SHA256", 600_000, "SHA384", 210_000, "SHA512", 210_000);
    private static final Pattern PBKDF2 = Pattern.compile("PBKDF2WithHmac(SHA\\d+)", Pattern.CASE_INSENSITIVE);
    private static final int BCRYPT_MIN_COST = 10;

    /** Last words of names that hold a password in clear: {@code rawPassword}, {@code pwd}. */
    private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "pwd", "pw", "passphrase", "pass");
    /** First words of methods that hash or check a password: {@code hashPassword}, {@code checkPassword}. */
    private static final Set<String> HASHING_VERBS = Set.of(
            "hash", "encode", "encrypt", "digest", "check", "verify", "matches", "match", "compare", "store", "save");
    /** Words that make a password method about something else: {@code hashPasswordResetToken}. */
    private static final Set<String> BREACH_WORDS = Set.of("pwned", "breach", "breached", "compromised", "leaked");
    private static final Set<String> OTHER_SUBJECTS = Set.of("token", "reset", "link", "policy", "strength", "history");

    public WeakPasswordHashingRule() {
        super(ASTMethodDeclaration.class, ASTConstructorDeclaration.class, ASTConstructorCall.class, ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTMethodDeclaration method, Object data) {
        checkFastHash(method, data);
        return data;
    }

    @Override
    public Object visit(ASTConstructorDeclaration constructor, Object data) {
        checkFastHash(constructor, data);
        return data;
    }

    @Override
    public Object visit(ASTConstructorCall call, Object data) {
        if (PBE_KEY_SPECS.anyMatch(call)) {
            String algorithm = pbkdf2Algorithm(call);
            if (algorithm != null) {
                checkIterations(call.getArguments().get(2), algorithm, data);
            }
        } else if (PBKDF2_ENCODER_SHA1.matchesCall(call)) {
            checkIterations(call.getArguments().get(2), "PBKDF2WithHmacSHA1", data);
        } else if (PBKDF2_ENCODER_WITH_ALGORITHM.matchesCall(call)
                && call.getArguments().get(3) instanceof ASTNamedReferenceExpr constant) {
            JVariableSymbol symbol = constant.getReferencedSym();
            if (symbol != null) {
                checkIterations(call.getArguments().get(2), symbol.getSimpleName(), data);
            }
        } else if (BCRYPT_COSTS.anyMatch(call)) {
            checkBcryptCost(call, data);
        } else if (DIGEST_ENCODERS.anyMatch(call) && !isLegacyRegistration(call) && !SourceKind.isTestSource(call)) {
            asCtx(data).addViolation(call, call.getTypeNode().getTypeMirror().getSymbol().getSimpleName()
                    + " is a single fast digest");
        }
        return data;
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (BCRYPT_COSTS.anyMatch(call)) {
            checkBcryptCost(call, data);
        }
        return data;
    }

    /**
     * A cheap look at the source before {@link #FAST_HASH_INPUTS} asks type resolution: one of the digest methods
     * by name, or any static method of a class written {@code DigestUtils} (commons-codec's helpers are named for
     * their algorithm: {@code md5Hex}, {@code sha256}), which a wildcard matcher would otherwise resolve for every call.
     */
    private static boolean mayBeFastHashInput(ASTMethodCall call) {
        return FAST_HASH_INPUT_NAMES.contains(call.getMethodName())
                || call.getQualifier() instanceof ASTTypeExpression type
                        && type.getTypeNode() instanceof ASTClassType named && "DigestUtils".equals(named.getSimpleName())
                || call.getQualifier() == null && (call.getMethodName().startsWith("md")
                        || call.getMethodName().startsWith("sha"));
    }

    /**
     * One finding per method: the first fast-hash call fed a password, or, in a method that hashes or checks
     * passwords, the first fast-hash call.
     */
    private void checkFastHash(ASTExecutableDeclaration method, Object data) {
        ASTBlock body = method.getBody();
        if (body == null) {
            return;
        }
        List<ASTMethodCall> inputs = body.descendants(ASTMethodCall.class)
                .filter(c -> mayBeFastHashInput(c) && FAST_HASH_INPUTS.anyMatch(c)).toList();
        if (inputs.isEmpty() || SourceKind.isTestSource(method)) {
            return;
        }
        ASTMethodCall report = null;
        for (ASTMethodCall input : inputs) {
            if (input.getArguments().size() > 0 && mentionsPassword(input.getArguments().get(0))) {
                report = input;
                break;
            }
        }
        if (report == null && isPasswordHashingMethod(method)) {
            report = inputs.get(0);
        }
        if (report != null && !isBreachCheck(method)
                && body.descendants(ASTMethodCall.class).none(SLOW_HASHES::anyMatch)) {
            asCtx(data).addViolation(report, hashName(report, body));
        }
    }

    /**
     * A check of the password against a breach corpus (Have I Been Pwned's range API takes the first five hex
     * digits of its SHA-1): the hash is a look-up key that the protocol fixes, not how the password is stored.
     */
    private static boolean isBreachCheck(ASTExecutableDeclaration method) {
        ASTTypeDeclaration owner = method.getEnclosingType();
        List<String> words = new ArrayList<>(NameWords.split(method.getName()));
        if (owner != null) {
            words.addAll(NameWords.split(owner.getSimpleName()));
        }
        return words.stream().anyMatch(BREACH_WORDS::contains);
    }

    /** The password itself, or a concatenation that includes it ({@code salt + password}). */
    private static boolean mentionsPassword(ASTExpression expr) {
        ASTExpression e = ValueNames.unwrap(expr);
        if (e instanceof ASTInfixExpression infix && infix.getOperator() == BinaryOp.ADD) {
            return mentionsPassword(infix.getLeftOperand()) || mentionsPassword(infix.getRightOperand());
        }
        String name = ValueNames.nameOf(e);
        if (name == null || e.getConstValue() != null) {
            return false;
        }
        List<String> words = ValueNames.words(name);
        return !words.isEmpty() && PASSWORD_WORDS.contains(words.get(words.size() - 1));
    }

    /**
     * {@code hashPassword}, {@code checkPassword}; {@code encode}/{@code matches} of a Spring
     * {@code PasswordEncoder}; {@code hash}/{@code encode} of a class named for passwords ({@code PasswordHasher}).
     */
    private static boolean isPasswordHashingMethod(ASTExecutableDeclaration method) {
        List<String> words = NameWords.split(method.getName());
        if (words.isEmpty() || !HASHING_VERBS.contains(words.get(0)) || words.stream().anyMatch(OTHER_SUBJECTS::contains)) {
            return false;
        }
        if (words.stream().anyMatch(PASSWORD_WORDS::contains)) {
            return true;
        }
        ASTTypeDeclaration owner = method.getEnclosingType();
        if (owner == null || !(method instanceof ASTMethodDeclaration)) {
            return false;
        }
        if (method.getName().equals("encode") || method.getName().equals("matches")) {
            if (Types.isA(PASSWORD_ENCODER, owner)) {
                return true;
            }
        }
        List<String> ownerWords = NameWords.split(owner.getSimpleName());
        return ownerWords.stream().anyMatch(PASSWORD_WORDS::contains)
                && ownerWords.stream().noneMatch(OTHER_SUBJECTS::contains);
    }

    /** What is wrong with the hash: the algorithm of the method's constant {@code MessageDigest}, or the call. */
    private static String hashName(ASTMethodCall input, ASTBlock body) {
        if (MESSAGE_DIGEST_INPUTS.anyMatch(input)) {
            for (ASTMethodCall get : body.descendants(ASTMethodCall.class).filter(DIGEST_INSTANCE::matchesCall)) {
                if (get.getArguments().size() > 0 && get.getArguments().get(0).getConstValue() instanceof String alg) {
                    return "the " + alg + " MessageDigest is a fast hash";
                }
            }
            return "a MessageDigest is a fast hash";
        }
        return input.getMethodName() + " is a fast hash";
    }

    /**
     * The PBKDF2 algorithm of the constant SecretKeyFactory in the method, or in the file when the method has none;
     * null when there is none or the factory is not PBKDF2 (a PBE cipher key has other rules).
     */
    private static String pbkdf2Algorithm(ASTConstructorCall spec) {
        Node method = spec.ancestors(ASTExecutableDeclaration.class).first();
        if (method != null && method.descendants(ASTMethodCall.class).any(SECRET_KEY_FACTORY::matchesCall)) {
            return pbkdf2Algorithm(method.descendants(ASTMethodCall.class));
        }
        return pbkdf2Algorithm(spec.getRoot().descendants(ASTMethodCall.class).crossFindBoundaries());
    }

    /** The weakest (highest minimum) constant PBKDF2 algorithm requested among the calls, or null. */
    private static String pbkdf2Algorithm(NodeStream<ASTMethodCall> calls) {
        String found = null;
        for (ASTMethodCall call : calls.filter(SECRET_KEY_FACTORY::matchesCall)) {
            if (call.getArguments().size() > 0 && call.getArguments().get(0).getConstValue() instanceof String alg
                    && PBKDF2.matcher(alg).find()) {
                // With several algorithms in one file, the laxest threshold is used: no finding without certainty.
                if (found == null || minIterations(alg) < minIterations(found)) {
                    found = alg;
                }
            }
        }
        return found;
    }

    private static int minIterations(String algorithm) {
        Matcher m = PBKDF2.matcher(algorithm);
        if (!m.find()) {
            return 0;
        }
        return PBKDF2_MIN_ITERATIONS.getOrDefault(m.group(1).toUpperCase(Locale.ROOT), 0);
    }

    private void checkIterations(ASTExpression iterations, String algorithm, Object data) {
        int min = minIterations(algorithm);
        if (iterations.getConstValue() instanceof Integer n && n < min && !SourceKind.isTestSource(iterations)) {
            asCtx(data).addViolation(iterations, String.format(Locale.ROOT,
                    "%s needs at least %,d iterations (OWASP), not %,d", algorithm, min, n));
        }
    }

    private void checkBcryptCost(InvocationNode call, Object data) {
        JMethodSig sig = call.getMethodType();
        List<JTypeMirror> formals = sig.getFormalParameters();
        ASTArgumentList args = call.getArguments();
        for (int i = 0; i < formals.size() && i < args.size(); i++) {
            if (formals.get(i).isPrimitive(PrimitiveTypeKind.INT)) {
                ASTExpression cost = args.get(i);
                // -1 asks BCryptPasswordEncoder for its default cost, 10.
                if (cost.getConstValue() instanceof Integer n && n < BCRYPT_MIN_COST && n != -1
                        && !SourceKind.isTestSource(call)) {
                    asCtx(data).addViolation(cost, String.format(Locale.ROOT,
                            "bcrypt needs a cost of at least %d (the default), not %d", BCRYPT_MIN_COST, n));
                }
                return;
            }
        }
    }

    private static boolean isLegacyRegistration(ASTConstructorCall encoder) {
        return encoder.getParent() instanceof ASTArgumentList args && args.getParent() instanceof InvocationNode call
                && LEGACY_REGISTRATIONS.anyMatch(call);
    }
}
