package dev.genguard.pmd.auth;

import dev.genguard.pmd.internal.NameWords;
import dev.genguard.pmd.internal.SourceKind;
import dev.genguard.pmd.internal.Types;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTBlock;
import net.sourceforge.pmd.lang.java.ast.ASTBooleanLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTCatchClause;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTType;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.JPrimitiveType.PrimitiveTypeKind;
import net.sourceforge.pmd.lang.java.types.JTypeMirror;

/**
 * Finds boolean methods that make a security decision and answer "yes" when they cannot decide: a
 * {@code return true} in a catch block, or a body that is nothing but {@code return true} (a stub left in
 * place). Reports the {@code return true} statement.
 */
public class FailOpenSecurityCheckRule extends AbstractJavaRulechainRule {

    private static final String HOSTNAME_VERIFIER = "javax.net.ssl.HostnameVerifier";

    /** First words of a name that always announce a security decision: {@code verifySignature}, {@code authenticate}. */
    private static final Set<String> DECISION_VERBS = Set.of("verify", "authenticate", "authorize", "authorise");

    /** First words that announce a decision only together with a security noun: {@code isAuthorized}, {@code validateToken}. */
    private static final Set<String> CHECK_PREFIXES = Set.of("is", "has", "can", "check", "validate", "may");

    private static final Set<String> SECURITY_WORDS = Set.of(
            "authorized", "authorised", "authenticated", "allowed", "permitted", "permission", "permissions",
            "role", "roles", "authority", "authorities", "access", "token", "jwt", "signature", "credential",
            "credentials", "password", "session", "apikey", "certificate", "cert", "trusted", "hmac", "otp",
            "mfa", "totp", "captcha", "nonce", "csrf", "auth", "admin", "owner", "privilege", "privileges", "scope",
            "grant", "granted", "acl");

    /**
     * Words that turn the question around or make it no decision: for {@code isTokenExpired},
     * {@code isAccessDenied} or {@code isAuthRequired} "true" is the safe answer, and {@code isCredentialsNonExpired}
     * or {@code isTokenPresent} (Spring's UserDetails stubs, presence tests) decide nothing.
     */
    private static final Set<String> NON_DECISION_WORDS = Set.of(
            "non", "not", "expired", "revoked", "blocked", "locked", "denied", "invalid", "forbidden", "blacklisted",
            "banned", "required", "needed", "present", "missing", "configured", "enabled", "supported", "empty",
            "blank", "null", "format", "syntax", "input", "available", "capable", "possible");

    /**
     * Class-name words of test doubles and deliberately permissive implementations, whose name already tells
     * the reviewer that they allow everything ({@code PermitAllAuthorizer}, {@code FakeTokenVerifier}).
     */
    private static final Set<String> PERMISSIVE_CLASS_WORDS = Set.of(
            "fake", "stub", "mock", "dummy", "noop", "permissive", "insecure");

    /**
     * Class-name words of outcome objects whose answer is fixed by what they are: the body of a login success
     * response ({@code AuthenticationSuccess.isAuthenticated()} returns true by definition).
     */
    private static final Set<String> OUTCOME_CLASS_WORDS = Set.of("success", "successful", "succeeded");
    private static final List<List<String>> PERMISSIVE_CLASS_PHRASES = List.of(
            List.of("permit", "all"), List.of("allow", "all"), List.of("always", "allow"), List.of("accept", "all"),
            List.of("no", "op"));

    public FailOpenSecurityCheckRule() {
        super(ASTMethodDeclaration.class);
    }

    @Override
    public Object visit(ASTMethodDeclaration method, Object data) {
        ASTBlock body = method.getBody();
        if (body == null || !returnsBoolean(method) || !isSecurityDecision(method.getName())
                || SourceKind.isTestSource(method)) {
            return data;
        }
        // An interface default is an extension point's documented fallback; implementations decide.
        ASTTypeDeclaration owner = method.getEnclosingType();
        if (owner != null && owner.isInterface()) {
            return data;
        }
        // An allow-all HostnameVerifier.verify is TrustAllCertificates' finding: one flaw, one rule.
        if (owner != null && Types.isA(HOSTNAME_VERIFIER, owner)) {
            return data;
        }
        if (method.isOverridden() && owner != null && isPermissiveByName(owner.getSimpleName())) {
            return data;
        }
        if (owner != null && NameWords.split(owner.getSimpleName()).stream().anyMatch(OUTCOME_CLASS_WORDS::contains)) {
            return data;
        }
        if (body.size() == 1 && body.get(0) instanceof ASTReturnStatement only && isReturnTrue(only)) {
            asCtx(data).addViolation(only, method.getName());
            return data;
        }
        for (ASTReturnStatement ret : body.descendants(ASTReturnStatement.class)) {
            if (isReturnTrue(ret) && isInCatchOf(ret, method)) {
                asCtx(data).addViolation(ret, method.getName());
            }
        }
        return data;
    }

    private static boolean returnsBoolean(ASTMethodDeclaration method) {
        ASTType type = method.getResultTypeNode();
        if (type == null) {
            return false;
        }
        JTypeMirror mirror = type.getTypeMirror().unbox();
        return mirror.isPrimitive(PrimitiveTypeKind.BOOLEAN);
    }

    static boolean isSecurityDecision(String name) {
        List<String> words = NameWords.split(name);
        if (words.isEmpty() || words.stream().anyMatch(NON_DECISION_WORDS::contains)) {
            return false;
        }
        String first = words.get(0);
        if (DECISION_VERBS.contains(first)) {
            return true;
        }
        if (!CHECK_PREFIXES.contains(first)) {
            return false;
        }
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (SECURITY_WORDS.contains(w) || (w.equals("key") && i > 1 && words.get(i - 1).equals("api"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPermissiveByName(String className) {
        List<String> words = NameWords.split(className);
        if (words.stream().anyMatch(PERMISSIVE_CLASS_WORDS::contains)) {
            return true;
        }
        return PERMISSIVE_CLASS_PHRASES.stream().anyMatch(phrase -> Collections.indexOfSubList(words, phrase) >= 0);
    }

    private static boolean isReturnTrue(ASTReturnStatement ret) {
        return ret.getExpr() instanceof ASTBooleanLiteral literal && literal.isTrue();
    }

    /**
     * True when the return sits in a catch block and returns from {@code method} itself, not from a lambda or
     * a local or anonymous class in between.
     */
    private static boolean isInCatchOf(ASTReturnStatement ret, ASTMethodDeclaration method) {
        boolean inCatch = false;
        for (Node n = ret.getParent(); n != null && n != method; n = n.getParent()) {
            if (n instanceof ASTLambdaExpression || n instanceof ASTTypeDeclaration || n instanceof ASTMethodDeclaration) {
                return false;
            }
            if (n instanceof ASTCatchClause) {
                inCatch = true;
            }
        }
        return inCatch;
    }
}
