package dev.genguard.pmd.errors;

import dev.genguard.pmd.internal.LoggingCalls;
import dev.genguard.pmd.internal.SourceKind;
import dev.genguard.pmd.internal.Types;
import java.util.List;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTBlock;
import net.sourceforge.pmd.lang.java.ast.ASTBodyDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTBreakStatement;
import net.sourceforge.pmd.lang.java.ast.ASTCatchClause;
import net.sourceforge.pmd.lang.java.ast.ASTCatchParameter;
import net.sourceforge.pmd.lang.java.ast.ASTClassType;
import net.sourceforge.pmd.lang.java.ast.ASTEmptyStatement;
import net.sourceforge.pmd.lang.java.ast.ASTExpressionStatement;
import net.sourceforge.pmd.lang.java.ast.ASTFinallyClause;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTLocalVariableDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTStatement;
import net.sourceforge.pmd.lang.java.ast.ASTThrowStatement;
import net.sourceforge.pmd.lang.java.ast.ASTTryStatement;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.ASTYieldStatement;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JFieldSymbol;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds catch blocks that swallow the failure of a security decision: the block is empty or only logs or
 * prints, and the code after the try statement runs as if the decision had passed. Reports the catch parameter.
 *
 * <p>A catch is about a security decision when it catches an exception that only a failed decision throws
 * ({@code SignatureException}, {@code CertificateException}, {@code BadPaddingException}, jjwt's
 * {@code JwtException}, auth0's {@code JWTVerificationException}, Spring Security's {@code AuthenticationException},
 * ...), or when it catches a broad type ({@code Exception}, {@code GeneralSecurityException}, ...) and its try
 * block calls a decision API ({@code Signature.verify}, {@code JwtParser.parseSignedClaims},
 * {@code AuthenticationManager.authenticate}, a decrypting {@code Cipher.doFinal}, ...).
 *
 * <p>The try block decides whether the code after it is the success path. It is not when the try leaves a
 * mark of success that the failure skips: a {@code return} or {@code break}, an assignment to a variable
 * declared outside the try ({@code valid = true}, {@code claims = ...}), or a call after the decision that
 * acts on it ({@code SecurityContextHolder.getContext().setAuthentication(...)}). Those are the idioms of correct
 * code (the failure path falls through to {@code return false}, or simply stays unauthenticated), so they stay
 * silent; what remains is a verification whose only outcome was "did not throw".
 */
public class SwallowedSecurityExceptionRule extends AbstractJavaRulechainRule {

    /** An exception or call and the decision it stands for, named in the message. */
    private record Decision(String type, String what) {
    }

    /** A call that makes a security decision and signals "no" by throwing. */
    private record DecisionCall(InvocationMatcher call, String what) {
        static DecisionCall of(String signature, String what) {
            return new DecisionCall(InvocationMatcher.parse(signature), what);
        }
    }

    /** Exceptions that only a failed decision throws: catching one means a decision is made in the try. */
    private static final List<Decision> DECISION_EXCEPTIONS = List.of(
            new Decision("java.security.SignatureException", "signature verification"),
            new Decision("java.security.cert.CertificateException", "certificate validation"),
            new Decision("java.security.cert.CertPathValidatorException", "certificate validation"),
            new Decision("javax.crypto.BadPaddingException", "decryption"),
            new Decision("io.jsonwebtoken.JwtException", "JWT verification"),
            new Decision("com.auth0.jwt.exceptions.JWTVerificationException", "JWT verification"),
            new Decision("com.nimbusds.jose.proc.BadJOSEException", "JWT verification"),
            new Decision("org.springframework.security.core.AuthenticationException", "authentication"),
            new Decision("org.springframework.security.access.AccessDeniedException", "authorization"),
            new Decision("javax.security.auth.login.LoginException", "authentication"));

    /**
     * Types that also catch decision failures, but mostly catch something else: a catch of these counts only
     * when its try calls a decision API. {@code GeneralSecurityException} around {@code MessageDigest.getInstance}
     * is a missing-algorithm path, not a decision.
     */
    private static final List<String> BROAD_EXCEPTIONS = List.of(
            "java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException",
            "java.security.GeneralSecurityException", "com.nimbusds.jose.JOSEException");

    private static final List<DecisionCall> DECISION_CALLS = List.of(
            DecisionCall.of("java.security.Signature#verify(_*)", "signature verification"),
            DecisionCall.of("java.security.cert.Certificate#verify(_*)", "certificate validation"),
            DecisionCall.of("java.security.cert.X509Certificate#checkValidity(_*)", "certificate validation"),
            DecisionCall.of("java.security.cert.CertPathValidator#validate(_*)", "certificate validation"),
            DecisionCall.of("javax.net.ssl.X509TrustManager#checkServerTrusted(_*)", "certificate validation"),
            DecisionCall.of("javax.net.ssl.X509TrustManager#checkClientTrusted(_*)", "certificate validation"),
            DecisionCall.of("io.jsonwebtoken.JwtParser#parse(_*)", "JWT verification"),
            DecisionCall.of("io.jsonwebtoken.JwtParser#parseSignedClaims(_*)", "JWT verification"),
            DecisionCall.of("io.jsonwebtoken.JwtParser#parseSignedContent(_*)", "JWT verification"),
            DecisionCall.of("io.jsonwebtoken.JwtParser#parseEncryptedClaims(_*)", "JWT verification"),
            DecisionCall.of("io.jsonwebtoken.JwtParser#parseEncryptedContent(_*)", "JWT verification"),
            DecisionCall.of("io.jsonwebtoken.JwtParser#parseClaimsJws(_*)", "JWT verification"),
            DecisionCall.of("io.jsonwebtoken.JwtParser#parsePlaintextJws(_*)", "JWT verification"),
            DecisionCall.of("com.auth0.jwt.interfaces.JWTVerifier#verify(_*)", "JWT verification"),
            DecisionCall.of("com.nimbusds.jose.JWSObject#verify(_*)", "JWT verification"),
            DecisionCall.of("com.nimbusds.jose.JWEObject#decrypt(_*)", "decryption"),
            DecisionCall.of("com.nimbusds.jose.proc.JOSEProcessor#process(_*)", "JWT verification"),
            DecisionCall.of("com.nimbusds.jwt.proc.JWTProcessor#process(_*)", "JWT verification"),
            DecisionCall.of("org.springframework.security.authentication.AuthenticationManager#authenticate(_)", "authentication"),
            DecisionCall.of("org.springframework.security.authentication.AuthenticationProvider#authenticate(_)", "authentication"),
            DecisionCall.of("javax.security.auth.login.LoginContext#login()", "authentication"),
            DecisionCall.of("javax.servlet.http.HttpServletRequest#login(_,_)", "authentication"),
            DecisionCall.of("jakarta.servlet.http.HttpServletRequest#login(_,_)", "authentication"),
            DecisionCall.of("org.springframework.security.crypto.encrypt.TextEncryptor#decrypt(_)", "decryption"),
            DecisionCall.of("org.springframework.security.crypto.encrypt.BytesEncryptor#decrypt(_)", "decryption"));

    /** {@code Cipher.doFinal} and {@code unwrap} decide (authenticated decryption, padding) only when decrypting. */
    private static final InvocationMatcher.CompoundInvocationMatcher CIPHER_FINISH = InvocationMatcher.parseAll(
            "javax.crypto.Cipher#doFinal(_*)", "javax.crypto.Cipher#unwrap(_*)");

    private static final String CIPHER = "javax.crypto.Cipher";
    private static final String HOSTNAME_VERIFIER = "javax.net.ssl.HostnameVerifier";

    public SwallowedSecurityExceptionRule() {
        super(ASTCatchClause.class);
    }

    @Override
    public Object visit(ASTCatchClause catchClause, Object data) {
        if (!onlyReports(catchClause.getBody()) || !(catchClause.getParent() instanceof ASTTryStatement tryStatement)
                || SourceKind.isTestSource(catchClause)) {
            return data;
        }
        // Cleanup in a finally block (logout, close) decides nothing.
        if (tryStatement.ancestors(ASTFinallyClause.class).nonEmpty()) {
            return data;
        }
        // A HostnameVerifier's answer is its return value: TrustAllCertificates reports one that accepts all.
        ASTTypeDeclaration owner = catchClause.getEnclosingType();
        if (owner != null && Types.isA(HOSTNAME_VERIFIER, owner)) {
            return data;
        }
        ASTBlock tryBlock = tryStatement.getBody();
        ASTCatchParameter parameter = catchClause.getParameter();
        ASTMethodCall lastDecision = lastDecisionCall(tryBlock);
        String what = decisionCaught(parameter);
        if (what == null && lastDecision != null && catchesBroadly(parameter)) {
            what = whatDecides(lastDecision);
        }
        if (what == null || leavesMarkOfSuccess(tryBlock, lastDecision) || failsAfter(tryStatement)) {
            return data;
        }
        asCtx(data).addViolation(parameter, what);
        return data;
    }

    /** True for a catch block that is empty or only logs or prints: it completes normally and changes nothing. */
    private static boolean onlyReports(ASTBlock body) {
        for (ASTStatement statement : body) {
            boolean reports = statement instanceof ASTEmptyStatement
                    || statement instanceof ASTLocalVariableDeclaration
                    || statement instanceof ASTExpressionStatement expr && LoggingCalls.isLogging(expr.getExpr());
            if (!reports) {
                return false;
            }
        }
        return true;
    }

    /** The decision named by a caught exception type, or null when none of the caught types is a decision failure. */
    private static String decisionCaught(ASTCatchParameter parameter) {
        for (ASTClassType type : parameter.getAllExceptionTypes()) {
            for (Decision d : DECISION_EXCEPTIONS) {
                if (TypeTestUtil.isA(d.type(), type)) {
                    return d.what();
                }
            }
        }
        return null;
    }

    private static boolean catchesBroadly(ASTCatchParameter parameter) {
        for (ASTClassType type : parameter.getAllExceptionTypes()) {
            for (String broad : BROAD_EXCEPTIONS) {
                if (TypeTestUtil.isExactlyA(broad, type)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The last call of the try block (its own, not of a nested lambda or class) that makes a security decision. */
    private static ASTMethodCall lastDecisionCall(ASTBlock tryBlock) {
        ASTMethodCall last = null;
        for (ASTMethodCall call : tryBlock.descendants(ASTMethodCall.class)) {
            if (whatDecides(call) != null && ownedBy(call, tryBlock)) {
                last = call;
            }
        }
        return last;
    }

    private static String whatDecides(ASTMethodCall call) {
        for (DecisionCall d : DECISION_CALLS) {
            if (d.call().matchesCall(call)) {
                return d.what();
            }
        }
        if (CIPHER_FINISH.anyMatch(call) && decrypts(call)) {
            return "decryption";
        }
        return null;
    }

    /** Whether the code around a {@code Cipher} call puts a cipher in decrypt or unwrap mode. */
    private static boolean decrypts(ASTMethodCall call) {
        JavaNode scope = call.ancestors(ASTBodyDeclaration.class).first();
        if (scope == null) {
            return false;
        }
        return scope.descendants(ASTNamedReferenceExpr.class).crossFindBoundaries().any(ref -> {
            String name = ref.getName();
            if (!name.equals("DECRYPT_MODE") && !name.equals("UNWRAP_MODE")) {
                return false;
            }
            JVariableSymbol symbol = ref.getReferencedSym();
            return symbol instanceof JFieldSymbol field && field.getEnclosingClass().getBinaryName().equals(CIPHER);
        });
    }

    /**
     * Whether the try block records success in a way its failure skips, so that the code after the try is not
     * the success path: a return, break or yield; an assignment to a variable declared outside the try; or a
     * statement after the decision that acts on it. Without a known decision call (a caught decision exception
     * thrown by the user's own helper) the decision is taken to be the try's first statement.
     */
    private static boolean leavesMarkOfSuccess(ASTBlock tryBlock, ASTMethodCall decision) {
        for (JavaNode node : tryBlock.descendants().filter(n -> n instanceof ASTReturnStatement
                || n instanceof ASTBreakStatement || n instanceof ASTYieldStatement
                || n instanceof ASTAssignmentExpression)) {
            if (!ownedBy(node, tryBlock)) {
                continue;
            }
            if (!(node instanceof ASTAssignmentExpression assignment) || assignsOutside(assignment, tryBlock)) {
                return true;
            }
        }
        int decidedAt;
        if (decision != null) {
            decidedAt = decision.getTextRegion().getEndOffset();
        } else if (tryBlock.isEmpty()) {
            return false;
        } else {
            decidedAt = tryBlock.get(0).getTextRegion().getEndOffset();
        }
        for (ASTExpressionStatement statement : tryBlock.descendants(ASTExpressionStatement.class)) {
            if (statement.getTextRegion().getStartOffset() >= decidedAt && ownedBy(statement, tryBlock)
                    && !LoggingCalls.isLogging(statement.getExpr())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the statement after the try throws: then the swallowed failure still ends in a failure
     * ({@code catch (AuthenticationException ignored) {} throw original;}).
     */
    private static boolean failsAfter(ASTTryStatement tryStatement) {
        return tryStatement.getNextSibling() instanceof ASTThrowStatement;
    }

    /** True unless the assignment targets a local variable declared inside the try block. */
    private static boolean assignsOutside(ASTAssignmentExpression assignment, ASTBlock tryBlock) {
        if (!(assignment.getLeftOperand() instanceof ASTNamedReferenceExpr target)) {
            return true;
        }
        JVariableSymbol symbol = target.getReferencedSym();
        ASTVariableId declaration = symbol == null ? null : symbol.tryGetNode();
        return declaration == null || declaration.ancestors().none(a -> a == tryBlock);
    }

    /** True when no lambda or class lies between the node and the block it is checked for. */
    private static boolean ownedBy(Node node, ASTBlock block) {
        for (Node n = node.getParent(); n != null && n != block; n = n.getParent()) {
            if (n instanceof ASTLambdaExpression || n instanceof ASTTypeDeclaration) {
                return false;
            }
        }
        return true;
    }
}
