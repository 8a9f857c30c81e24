package dev.genguard.pmd.auth;

import java.util.Set;
import net.sourceforge.pmd.lang.ast.impl.javacc.JavaccToken;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTMethodReference;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.symbols.JFieldSymbol;
import net.sourceforge.pmd.reporting.RuleContext;

/** AST helpers shared by the Spring Security configuration rules of this package. */
final class SpringSecurityAst {

    /** Ant-style patterns that match every path: a rule on them applies to the whole application. */
    private static final Set<String> MATCH_ALL_PATTERNS = Set.of("/**", "**");

    private static final String ANY_REQUEST_MATCHER = "org.springframework.security.web.util.matcher.AnyRequestMatcher";

    /** Request matchers built from one pattern: {@code new AntPathRequestMatcher("/**")}, {@code antMatcher("/**")}. */
    private static final InvocationMatcher.CompoundInvocationMatcher PATTERN_MATCHERS = InvocationMatcher.parseAll(
            "org.springframework.security.web.util.matcher.AntPathRequestMatcher#new(java.lang.String)",
            "org.springframework.security.web.util.matcher.AntPathRequestMatcher#antMatcher(java.lang.String)",
            "org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher$Builder#matcher(java.lang.String)");

    private SpringSecurityAst() {
    }

    /** True when the expression is a compile-time constant string equal to {@code value}. */
    static boolean isConstant(ASTExpression expr, String value) {
        return expr != null && value.equals(expr.getConstValue());
    }

    /**
     * True when the expression stands for every request: the pattern {@code "/**"} (as a constant), a request
     * matcher built from it, or {@code AnyRequestMatcher.INSTANCE}.
     */
    static boolean isMatchAll(ASTExpression expr) {
        if (expr.getConstValue() instanceof String s && MATCH_ALL_PATTERNS.contains(s)) {
            return true;
        }
        if ((expr instanceof ASTConstructorCall || expr instanceof ASTMethodCall) && PATTERN_MATCHERS.anyMatch(expr)) {
            ASTArgumentList args = expr instanceof ASTConstructorCall ctor ? ctor.getArguments() : ((ASTMethodCall) expr).getArguments();
            return args.size() == 1 && isMatchAll(args.get(0));
        }
        // AnyRequestMatcher.INSTANCE is typed as the RequestMatcher interface: test the class that declares it.
        return expr instanceof ASTNamedReferenceExpr ref && "INSTANCE".equals(ref.getName())
                && ref.getReferencedSym() instanceof JFieldSymbol field
                && ANY_REQUEST_MATCHER.equals(field.getEnclosingClass().getBinaryName());
    }

    /** The method call whose argument list directly holds the expression, or null. */
    static ASTMethodCall callTakingArgument(ASTExpression expr) {
        return expr.getParent() instanceof ASTArgumentList args && args.getParent() instanceof ASTMethodCall call ? call : null;
    }

    /**
     * The configuration the node belongs to: its enclosing method (a {@code SecurityFilterChain} bean or a
     * {@code configure(HttpSecurity)} override), else the enclosing class (configuration in a field initializer).
     */
    static JavaNode configurationScope(JavaNode node) {
        ASTMethodDeclaration method = node.ancestors(ASTMethodDeclaration.class).first();
        if (method != null) {
            return method;
        }
        ASTTypeDeclaration type = node.getEnclosingType();
        return type != null ? type : node.getRoot();
    }

    /**
     * True when a configurer call switches its feature off rather than on: {@code httpBasic().disable()},
     * {@code httpBasic(AbstractHttpConfigurer::disable)} or {@code formLogin(f -> f.disable())}.
     */
    static boolean isSwitchedOff(ASTMethodCall configurerCall) {
        if (configurerCall.getParent() instanceof ASTMethodCall next && next.getQualifier() == configurerCall
                && "disable".equals(next.getMethodName())) {
            return true;
        }
        ASTArgumentList args = configurerCall.getArguments();
        if (args.size() != 1) {
            return false;
        }
        ASTExpression arg = args.get(0);
        if (arg instanceof ASTMethodReference ref) {
            return "disable".equals(ref.getMethodName());
        }
        return arg instanceof ASTLambdaExpression lambda
                && lambda.descendants(ASTMethodCall.class).crossFindBoundaries()
                        .any(c -> "disable".equals(c.getMethodName()) && c.getArguments().size() == 0);
    }

    /**
     * Reports a call at its method name, not at the start of the chain it ends: in a fluent configuration
     * spread over lines, {@code .disable()} is what the reader looks for, and PMD would otherwise report the
     * line of {@code http}.
     */
    static void reportAtName(RuleContext ctx, ASTMethodCall call, String message, Object... args) {
        JavaccToken name = nameToken(call);
        if (name == null) {
            ctx.addViolationWithMessage(call, message, args);
        } else {
            ctx.addViolationWithPosition(call, name, message, args);
        }
    }

    /** The identifier token of the called method: the token right before the argument list's parenthesis. */
    private static JavaccToken nameToken(ASTMethodCall call) {
        JavaccToken open = call.getArguments().getFirstToken();
        JavaccToken last = call.getLastToken();
        JavaccToken previous = null;
        for (JavaccToken t = call.getFirstToken(); t != null && t != open; t = t.getNext()) {
            if (t == last) {
                return null;
            }
            previous = t;
        }
        return previous != null && call.getMethodName().equals(previous.getImage()) ? previous : null;
    }
}
