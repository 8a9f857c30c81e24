package dev.genguard.pmd.crypto;

import dev.genguard.pmd.internal.SourceKind;
import dev.genguard.pmd.internal.ValueNames;
import java.util.List;
import java.util.Set;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTNullLiteral;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.JTypeMirror;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds secrets compared with an early-exit comparison: {@code String.equals}, {@code equalsIgnoreCase},
 * {@code contentEquals}, {@code compareTo}, {@code Arrays.equals} or {@code Objects.equals} where one side is a
 * token, signature, HMAC, hash or digest, password, secret, API key or one-time code (by the name of the variable,
 * field, getter, header or computing method) and the other side is not a constant. The time such a comparison
 * takes reveals how many leading characters matched, which lets an attacker forge a signature or guess a token
 * byte by byte. Reports the comparison call.
 */
public class TimingUnsafeSecretComparisonRule extends AbstractJavaRulechainRule {

    /** Receiver-and-argument comparisons. */
    private static final CompoundInvocationMatcher INSTANCE_COMPARISONS = InvocationMatcher.parseAll(
            "java.lang.String#equals(java.lang.Object)",
            "java.lang.String#equalsIgnoreCase(java.lang.String)",
            "java.lang.String#contentEquals(_)",
            "java.lang.String#compareTo(java.lang.String)");

    /** Two-argument comparisons. */
    private static final CompoundInvocationMatcher STATIC_COMPARISONS = InvocationMatcher.parseAll(
            "java.util.Arrays#equals(byte[],byte[])",
            "java.util.Arrays#equals(char[],char[])",
            "java.util.Objects#equals(java.lang.Object,java.lang.Object)",
            "org.springframework.util.ObjectUtils#nullSafeEquals(java.lang.Object,java.lang.Object)",
            // commons-lang: resolves in users' builds that use it.
            "org.apache.commons.lang3.StringUtils#equals(_,_)",
            "org.apache.commons.lang3.StringUtils#equalsIgnoreCase(_,_)",
            "org.apache.commons.lang.StringUtils#equals(_,_)",
            "org.apache.commons.lang.StringUtils#equalsIgnoreCase(_,_)");

    /** Calls that compute a secret (an HMAC, a digest, a signature) whatever the variable is called. */
    private static final CompoundInvocationMatcher SECRET_PRODUCERS = InvocationMatcher.parseAll(
            "javax.crypto.Mac#doFinal(_*)",
            "java.security.MessageDigest#digest(_*)",
            "java.security.Signature#sign()");

    /** Last words of names that hold a secret to be compared: {@code expectedSignature}, {@code storedHash}. */
    private static final Set<String> SECRET_NOUNS = Set.of(
            "token", "signature", "sig", "hmac", "digest", "password", "passwd", "pwd", "passcode",
            "passphrase", "secret", "apikey", "otp", "totp");

    /** Words that make a trailing "key" a secret: {@code apiKey}, {@code secretKey}; a bare key is a map key. */
    private static final Set<String> SECRET_KEY_QUALIFIERS = Set.of(
            "api", "secret", "access", "signing", "hmac", "auth", "client", "private", "webhook", "shared");

    /**
     * Words that make a trailing "hash" a secret: a stored password hash. Protocol hashes of public or signed values
     * ({@code nonceHash}, {@code accessTokenHash} against a claim of a verified token) are no oracle.
     */
    private static final Set<String> SECRET_HASH_QUALIFIERS = Set.of(
            "password", "passwd", "pwd", "pass", "secret", "credential", "credentials", "key", "api", "pin");

    /**
     * Last words of a side that names a kind of value rather than holding one: comparing a secret-sounding name
     * with it ({@code signature.equals(type.getName())}, {@code tokenType.equals(scheme)}) compares names.
     */
    private static final Set<String> KIND_WORDS = Set.of(
            "name", "type", "kind", "algorithm", "alg", "scheme", "prefix", "format", "mode", "class", "version",
            "method", "descriptor");

    /** Words that make a trailing "code" a one-time secret: {@code verificationCode}; not {@code statusCode}. */
    private static final Set<String> SECRET_CODE_QUALIFIERS = Set.of(
            "verification", "otp", "totp", "mfa", "reset", "auth", "authorization", "security", "sms", "recovery",
            "activation", "invite", "invitation");

    /** First words of methods that compute a secret from their arguments: {@code hmacSha256(body)}, {@code sign(data)}. */
    private static final Set<String> COMPUTING_VERBS = Set.of("hmac", "sign", "hash", "digest", "sha", "md");

    /**
     * Words that mark the user's own input on both sides, so that the comparison is no oracle: a registration form's
     * {@code password.equals(confirmPassword)}, a change form's {@code newPassword.equals(oldPassword)}.
     */
    private static final Set<String> USER_INPUT_WORDS = Set.of(
            "confirm", "confirmation", "confirmed", "repeat", "repeated", "retype", "retyped", "again", "new");

    public TimingUnsafeSecretComparisonRule() {
        super(ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        ASTExpression left;
        ASTExpression right;
        if (call.getQualifier() != null && call.getArguments().size() == 1 && INSTANCE_COMPARISONS.anyMatch(call)) {
            left = call.getQualifier();
            right = call.getArguments().get(0);
        } else if (call.getArguments().size() == 2 && STATIC_COMPARISONS.anyMatch(call)) {
            left = call.getArguments().get(0);
            right = call.getArguments().get(1);
        } else {
            return data;
        }
        if (isConstant(left) || isConstant(right) || !isComparable(left) || !isComparable(right)
                || isInEqualityMethod(call) || SourceKind.isTestSource(call)) {
            return data;
        }
        String leftSecret = secretName(left);
        String rightSecret = secretName(right);
        String secret = leftSecret != null ? leftSecret : rightSecret;
        if (secret == null || isUserInput(left) || isUserInput(right) || isKind(left) || isKind(right)) {
            return data;
        }
        asCtx(data).addViolation(call, secret, call.getMethodName());
        return data;
    }

    /**
     * Literals, null and compile-time constants: a comparison with them leaks nothing secret. A static final field
     * read from the environment ({@code API_KEY = System.getenv(...)}) is no compile-time constant and still counts.
     */
    private static boolean isConstant(ASTExpression expr) {
        ASTExpression e = ValueNames.unwrap(expr);
        return e instanceof ASTNullLiteral || e.getConstValue() != null;
    }

    /**
     * Strings, char and byte arrays, plain objects ({@code session.getAttribute("csrf")}) and types PMD could not
     * resolve: what secrets are held as. Other types have an {@code equals} of their own.
     */
    private static boolean isComparable(ASTExpression expr) {
        JTypeMirror type = expr.getTypeMirror();
        return TypeTestUtil.isA(CharSequence.class, expr) || TypeTestUtil.isA(byte[].class, expr)
                || TypeTestUtil.isA(char[].class, expr) || type.equals(type.getTypeSystem().OBJECT)
                || type.isClassOrInterface() && type.getSymbol() != null && type.getSymbol().isUnresolved();
    }

    /** Inside {@code equals}, {@code compareTo} or {@code hashCode} the comparison is value equality of an object. */
    private static boolean isInEqualityMethod(ASTMethodCall call) {
        ASTMethodDeclaration method = call.ancestors(ASTMethodDeclaration.class).first();
        if (method == null) {
            return false;
        }
        String name = method.getName();
        return name.equals("equals") && method.getArity() == 1 || name.equals("compareTo") && method.getArity() == 1
                || name.equals("hashCode") && method.getArity() == 0;
    }

    /** The name of the side when it holds a secret, null otherwise. */
    private static String secretName(ASTExpression side) {
        ASTExpression value = ValueNames.unwrap(side);
        if (value instanceof ASTMethodCall call && SECRET_PRODUCERS.anyMatch(call)) {
            return call.getMethodName() + "()";
        }
        String name = ValueNames.nameOf(value);
        if (name == null) {
            return null;
        }
        List<String> words = ValueNames.words(name);
        if (words.isEmpty()) {
            return null;
        }
        String last = words.get(words.size() - 1);
        String before = words.size() > 1 ? words.get(words.size() - 2) : "";
        boolean secret = SECRET_NOUNS.contains(last)
                || last.equals("key") && SECRET_KEY_QUALIFIERS.contains(before)
                || last.equals("code") && SECRET_CODE_QUALIFIERS.contains(before)
                || last.equals("hash") && words.stream().anyMatch(SECRET_HASH_QUALIFIERS::contains)
                || value instanceof ASTMethodCall call && call.getArguments().size() > 0
                        && COMPUTING_VERBS.contains(words.get(0));
        return secret ? name : null;
    }

    /** A side that names a kind of value: {@code Boolean.TYPE.getName()}, {@code expectedType}. */
    private static boolean isKind(ASTExpression side) {
        String name = ValueNames.nameOf(side);
        if (name == null) {
            return false;
        }
        List<String> words = ValueNames.words(name);
        return !words.isEmpty() && KIND_WORDS.contains(words.get(words.size() - 1));
    }

    /** A side whose name shows the comparison is between two inputs of the same user. */
    private static boolean isUserInput(ASTExpression side) {
        String name = ValueNames.nameOf(side);
        return name != null && ValueNames.words(name).stream().anyMatch(USER_INPUT_WORDS::contains);
    }
}
