package dev.genguard.pmd.crypto;

import dev.genguard.pmd.internal.SourceKind;
import dev.genguard.pmd.internal.Types;
import java.util.List;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTBlock;
import net.sourceforge.pmd.lang.java.ast.ASTBooleanLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTEmptyStatement;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTExpressionStatement;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTStatement;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTThrowStatement;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds TLS trust decisions that accept everything: an {@code X509TrustManager} whose
 * {@code checkServerTrusted}/{@code checkClientTrusted} neither throws nor delegates (reports the method), and
 * a {@code HostnameVerifier} that always returns {@code true} (reports the {@code true}).
 */
public class TrustAllCertificatesRule extends AbstractJavaRulechainRule {

    private static final String TRUST_MANAGER = "javax.net.ssl.X509TrustManager";
    private static final String HOSTNAME_VERIFIER = "javax.net.ssl.HostnameVerifier";

    /**
     * Receivers whose calls only log. A check method that does nothing else accepts every certificate; any
     * other call (a delegate trust manager, a pin comparison) may throw and is given the benefit of the doubt.
     */
    private static final List<String> LOGGERS = List.of(
            "org.slf4j.Logger", "java.util.logging.Logger", "java.lang.System$Logger",
            "org.apache.logging.log4j.Logger", "org.apache.commons.logging.Log", "java.io.PrintStream");

    public TrustAllCertificatesRule() {
        super(ASTMethodDeclaration.class, ASTLambdaExpression.class);
    }

    @Override
    public Object visit(ASTMethodDeclaration method, Object data) {
        ASTBlock body = method.getBody();
        ASTTypeDeclaration owner = method.getEnclosingType();
        if (body == null || owner == null || SourceKind.isTestSource(method)) {
            return data;
        }
        String name = method.getName();
        if ((name.equals("checkServerTrusted") || name.equals("checkClientTrusted"))
                && Types.isA(TRUST_MANAGER, owner) && acceptsAll(body)) {
            asCtx(data).addViolation(method, name);
        } else if (name.equals("verify") && method.getArity() == 2 && Types.isA(HOSTNAME_VERIFIER, owner)) {
            ASTBooleanLiteral always = alwaysTrue(body);
            if (always != null) {
                asCtx(data).addViolation(always, "HostnameVerifier.verify");
            }
        }
        return data;
    }

    @Override
    public Object visit(ASTLambdaExpression lambda, Object data) {
        if (!TypeTestUtil.isA(HOSTNAME_VERIFIER, lambda) || SourceKind.isTestSource(lambda)) {
            return data;
        }
        ASTBooleanLiteral always = lambda.isExpressionBody()
                ? trueLiteral(lambda.getExpressionBody())
                : alwaysTrue(lambda.getBlockBody());
        if (always != null) {
            asCtx(data).addViolation(always, "HostnameVerifier lambda");
        }
        return data;
    }

    /** A check body that cannot reject: empty, or only empty returns and logging. */
    private static boolean acceptsAll(ASTBlock body) {
        for (ASTStatement statement : body) {
            boolean harmless = statement instanceof ASTEmptyStatement
                    || statement instanceof ASTReturnStatement ret && ret.getExpr() == null
                    || statement instanceof ASTExpressionStatement expr && isLogging(expr.getExpr());
            if (!harmless) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLogging(ASTExpression expr) {
        if (!(expr instanceof ASTMethodCall call) || call.getQualifier() == null) {
            return false;
        }
        ASTExpression receiver = call.getQualifier();
        return LOGGERS.stream().anyMatch(type -> TypeTestUtil.isA(type, receiver));
    }

    /**
     * The {@code true} of a verify body whose every return (of its own, not of nested lambdas or classes) is
     * {@code return true} and that throws nothing; null otherwise. A body that compares the host name returns
     * its comparison somewhere, so it is never all-true.
     */
    private static ASTBooleanLiteral alwaysTrue(ASTBlock body) {
        ASTBooleanLiteral first = null;
        for (JavaNode node : body.descendants().filter(n -> n instanceof ASTReturnStatement || n instanceof ASTThrowStatement)) {
            if (!ownedBy(node, body)) {
                continue;
            }
            if (node instanceof ASTThrowStatement) {
                return null;
            }
            ASTBooleanLiteral literal = trueLiteral(((ASTReturnStatement) node).getExpr());
            if (literal == null) {
                return null;
            }
            if (first == null) {
                first = literal;
            }
        }
        return first;
    }

    private static ASTBooleanLiteral trueLiteral(ASTExpression expr) {
        return expr instanceof ASTBooleanLiteral literal && literal.isTrue() ? literal : null;
    }

    /** True when no lambda or class lies between the node and the body it is checked for. */
    private static boolean ownedBy(Node node, ASTBlock body) {
        for (Node n = node.getParent(); n != null && n != body; n = n.getParent()) {
            if (n instanceof ASTLambdaExpression || n instanceof ASTTypeDeclaration) {
                return false;
            }
        }
        return true;
    }
}
