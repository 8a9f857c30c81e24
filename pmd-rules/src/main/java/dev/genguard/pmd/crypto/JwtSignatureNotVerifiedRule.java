package dev.genguard.pmd.crypto;

import dev.genguard.pmd.internal.SourceKind;
import java.util.List;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.AssignmentOp;
import net.sourceforge.pmd.lang.java.ast.InvocationNode;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;

/**
 * Finds JSON Web Tokens whose claims are read without a signature check: jjwt's unsecured parsing
 * ({@code unsecured()}, {@code parseUnsecuredClaims}, {@code parseClaimsJwt} and the other pre-0.12 methods that
 * accept unsigned tokens), java-jwt's {@code Algorithm.none()}, Nimbus {@code PlainJWT}, and a token decoded with
 * java-jwt {@code JWT.decode} or Nimbus {@code SignedJWT.parse}/{@code JWTParser.parse} whose claims are read in
 * the same method while nothing in the file verifies a signature. Reports the call.
 */
public class JwtSignatureNotVerifiedRule extends AbstractJavaRulechainRule {

    /** A call that by itself accepts or issues tokens without a signature, and how the message names it. */
    private record Unsigned(InvocationMatcher call, String what) {
        static Unsigned of(String signature, String what) {
            return new Unsigned(InvocationMatcher.parse(signature), what);
        }
    }

    private static final List<Unsigned> UNSIGNED = List.of(
            Unsigned.of("io.jsonwebtoken.JwtParserBuilder#unsecured()", "unsecured() parsing"),
            Unsigned.of("io.jsonwebtoken.JwtParser#parseUnsecuredClaims(_)", "parseUnsecuredClaims"),
            Unsigned.of("io.jsonwebtoken.JwtParser#parseUnsecuredContent(_)", "parseUnsecuredContent"),
            // Deprecated names for the unsigned variants: "Jwt" is jjwt's word for an unprotected token, "Jws" a signed one.
            // The String overloads of jjwt before 0.12 resolve through the same signatures.
            Unsigned.of("io.jsonwebtoken.JwtParser#parseClaimsJwt(_)", "parseClaimsJwt (unsigned tokens only)"),
            Unsigned.of("io.jsonwebtoken.JwtParser#parseContentJwt(_)", "parseContentJwt (unsigned tokens only)"),
            Unsigned.of("io.jsonwebtoken.JwtParser#parsePlaintextJwt(_)", "parsePlaintextJwt (unsigned tokens only)"),
            Unsigned.of("com.auth0.jwt.algorithms.Algorithm#none()", "Algorithm.none()"),
            Unsigned.of("com.nimbusds.jwt.PlainJWT#parse(_)", "PlainJWT.parse"),
            Unsigned.of("com.nimbusds.jwt.PlainJWT#new(_*)", "an unsigned PlainJWT"));

    /** Calls that only decode a token: harmless for reading the key id, unsafe once the claims decide anything. */
    private static final CompoundInvocationMatcher DECODES = InvocationMatcher.parseAll(
            "com.auth0.jwt.JWT#decode(java.lang.String)",
            "com.auth0.jwt.JWT#decodeJwt(java.lang.String)",
            "com.nimbusds.jwt.SignedJWT#parse(java.lang.String)",
            "com.nimbusds.jwt.JWTParser#parse(java.lang.String)");

    /**
     * Reads of the claims a decision is made on: subject, audience, custom claims. Header reads ({@code getKeyId}
     * to pick the verification key) and the timestamps (a client checking whether its own token is due for
     * refresh) are left out on purpose.
     */
    private static final CompoundInvocationMatcher CLAIM_READS = InvocationMatcher.parseAll(
            "com.auth0.jwt.interfaces.Payload#getSubject()",
            "com.auth0.jwt.interfaces.Payload#getClaim(java.lang.String)",
            "com.auth0.jwt.interfaces.Payload#getClaims()",
            "com.auth0.jwt.interfaces.Payload#getAudience()",
            "com.nimbusds.jwt.JWT#getJWTClaimsSet()",
            "com.nimbusds.jose.JOSEObject#getPayload()");

    private static final InvocationMatcher ISSUER_READ = InvocationMatcher.parse("com.nimbusds.jwt.JWTClaimsSet#getIssuer()");

    /** Signature checks: one of these anywhere in the file means the decoded token is (or can be) verified. */
    private static final CompoundInvocationMatcher VERIFICATIONS = InvocationMatcher.parseAll(
            "com.auth0.jwt.interfaces.JWTVerifier#verify(_)",
            "com.auth0.jwt.JWT#require(_)",
            "com.auth0.jwt.algorithms.Algorithm#verify(_)",
            "com.nimbusds.jose.JWSObject#verify(_)",
            "com.nimbusds.jose.JWSVerifier#verify(_*)",
            "com.nimbusds.jwt.proc.JWTProcessor#process(_*)");

    public JwtSignatureNotVerifiedRule() {
        super(ASTMethodCall.class, ASTConstructorCall.class);
    }

    /** Packages of the JWT libraries whose APIs the rule watches. */
    private static final List<String> JWT_LIBRARY_PACKAGES = List.of("io.jsonwebtoken", "com.auth0.jwt", "com.nimbusds");

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        check(call, data);
        return data;
    }

    @Override
    public Object visit(ASTConstructorCall call, Object data) {
        check(call, data);
        return data;
    }

    private void check(InvocationNode call, Object data) {
        if (isInJwtLibrary(call)) {
            return;
        }
        for (Unsigned unsigned : UNSIGNED) {
            if (unsigned.call().matchesCall(call)) {
                if (!SourceKind.isTestSource(call)) {
                    asCtx(data).addViolation(reportNode(call), unsigned.what());
                }
                return;
            }
        }
        if (call instanceof ASTMethodCall decode && DECODES.anyMatch(decode) && claimsRead(decode)
                && !verifiesInFile(decode) && !SourceKind.isTestSource(decode)) {
            asCtx(data).addViolation(reportNode(decode), decode.getMethodName() + " without signature verification");
        }
    }

    /**
     * The call, or its argument list when the call starts on an earlier line: a call in a builder chain
     * ({@code Jwts.parser()\n.unsecured()}) begins where the chain begins, and is reported on its own line.
     */
    private static JavaNode reportNode(InvocationNode call) {
        ASTArgumentList args = call.getArguments();
        return args != null && args.getBeginLine() != call.getBeginLine() ? args : call;
    }

    /** Whether the decoded token's claims are read directly or through the variable it is stored in. */
    private static boolean claimsRead(ASTMethodCall decode) {
        if (isClaimReadOn(decode)) {
            return true;
        }
        Node parent = decode.getParent();
        ASTVariableId variable = null;
        if (parent instanceof ASTVariableDeclarator declarator && declarator.getInitializer() == decode) {
            variable = declarator.getVarId();
        } else if (parent instanceof ASTAssignmentExpression assignment && assignment.getRightOperand() == decode
                && assignment.getOperator() == AssignmentOp.ASSIGN
                && assignment.getLeftOperand() instanceof ASTNamedReferenceExpr target) {
            JVariableSymbol symbol = target.getReferencedSym();
            variable = symbol == null ? null : symbol.tryGetNode();
        }
        if (variable == null) {
            return false;
        }
        for (ASTNamedReferenceExpr use : variable.getLocalUsages()) {
            if (isClaimReadOn(use)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClaimReadOn(ASTExpression token) {
        return token.getParent() instanceof ASTMethodCall read && read.getQualifier() == token
                && CLAIM_READS.anyMatch(read) && !isIssuerOnly(read);
    }

    /**
     * {@code getJWTClaimsSet().getIssuer()}: the issuer picks which issuer's keys verify the token (multi-tenant
     * resource servers), as the key id does; it decides nothing by itself.
     */
    private static boolean isIssuerOnly(ASTMethodCall read) {
        return read.getParent() instanceof ASTMethodCall next && next.getQualifier() == read
                && ISSUER_READ.matchesCall(next);
    }

    private static boolean verifiesInFile(ASTMethodCall decode) {
        return decode.getRoot().descendants(ASTMethodCall.class).crossFindBoundaries().any(VERIFICATIONS::anyMatch);
    }

    /**
     * The JWT libraries' own sources implement the unsecured parsing the rule warns about ({@code JWTParser.parse}
     * returns a {@code PlainJWT} for an unsigned token by design); the rule is about code that uses them.
     */
    private static boolean isInJwtLibrary(JavaNode node) {
        String pkg = node.getRoot().getPackageName();
        return JWT_LIBRARY_PACKAGES.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
    }
}
