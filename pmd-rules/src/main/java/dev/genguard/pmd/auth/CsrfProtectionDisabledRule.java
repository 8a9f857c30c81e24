package dev.genguard.pmd.auth;

import dev.genguard.pmd.internal.SourceKind;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodReference;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.JMethodSig;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;
import net.sourceforge.pmd.properties.PropertyDescriptor;
import net.sourceforge.pmd.properties.PropertyFactory;

/**
 * Finds Spring Security configurations that turn CSRF protection off: {@code csrf().disable()},
 * {@code csrf(AbstractHttpConfigurer::disable)}, {@code csrf(c -> c.disable())} (also inside block lambdas and
 * through a variable), and the blanket exemption {@code ignoringRequestMatchers("/**")}.
 *
 * <p>A configuration that is stateless ({@code SessionCreationPolicy.STATELESS}) and has no login that the
 * browser replays by itself (form login, HTTP Basic, remember-me, OAuth2/SAML login) is a token API, for which
 * Spring's own guidance allows CSRF to be off. The rule reports it only when {@code reportStatelessApis} is
 * true (the strict and all profiles), with a message that says "stateless API": one rule id keeps one
 * severity per profile, so the lower-risk case is switched by property rather than given its own severity.
 */
public class CsrfProtectionDisabledRule extends AbstractJavaRulechainRule {

    static final PropertyDescriptor<Boolean> REPORT_STATELESS_APIS = PropertyFactory.booleanProperty("reportStatelessApis")
            .desc("Also report CSRF disabled in stateless configurations (SessionCreationPolicy.STATELESS, no form, "
                    + "Basic, remember-me or OAuth2/SAML login)")
            .defaultValue(false)
            .build();

    private static final String CONFIGURERS = "org.springframework.security.config.annotation.web.configurers.";
    private static final String CSRF_CONFIGURER = CONFIGURERS + "CsrfConfigurer";
    private static final String ABSTRACT_CONFIGURER = CONFIGURERS + "AbstractHttpConfigurer";
    private static final String HTTP_SECURITY = "org.springframework.security.config.annotation.web.builders.HttpSecurity";

    /** {@code disable()} of any configurer; the receiver is then tested to be the CSRF one. */
    private static final InvocationMatcher DISABLE = InvocationMatcher.parse(ABSTRACT_CONFIGURER + "#disable()");
    private static final InvocationMatcher CSRF_WITH_CUSTOMIZER = InvocationMatcher.parse(HTTP_SECURITY + "#csrf(_)");
    /** Exemptions by pattern; {@code ignoringAntMatchers} is Spring Security 5's spelling. */
    private static final InvocationMatcher.CompoundInvocationMatcher IGNORING = InvocationMatcher.parseAll(
            CSRF_CONFIGURER + "#ignoringRequestMatchers(_*)",
            CSRF_CONFIGURER + "#ignoringAntMatchers(_*)");

    private static final InvocationMatcher SESSION_POLICY = InvocationMatcher.parse(
            CONFIGURERS + "SessionManagementConfigurer#sessionCreationPolicy(_)");
    private static final String SESSION_CREATION_POLICY = "org.springframework.security.config.http.SessionCreationPolicy";

    /**
     * Logins whose credential the browser sends by itself on a forged request: the session cookie of form,
     * OAuth2 and SAML login, the remember-me cookie, and cached HTTP Basic credentials.
     */
    private static final InvocationMatcher.CompoundInvocationMatcher AMBIENT_LOGINS = InvocationMatcher.parseAll(
            HTTP_SECURITY + "#formLogin(_*)",
            HTTP_SECURITY + "#httpBasic(_*)",
            HTTP_SECURITY + "#rememberMe(_*)",
            HTTP_SECURITY + "#oauth2Login(_*)",
            HTTP_SECURITY + "#saml2Login(_*)");

    private static final String STATELESS_MESSAGE = "Stateless API with CSRF protection off ({0}): keep it off only if "
            + "no request is authenticated by a cookie or a browser-sent credential";

    public CsrfProtectionDisabledRule() {
        super(ASTMethodCall.class, ASTMethodReference.class);
        definePropertyDescriptor(REPORT_STATELESS_APIS);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        String name = call.getMethodName();
        if (name.equals("disable")) {
            if (DISABLE.matchesCall(call) && call.getQualifier() != null
                    && TypeTestUtil.isA(CSRF_CONFIGURER, call.getQualifier()) && !SourceKind.isTestSource(call)) {
                report(call, "disable()", data);
            }
        } else if (name.startsWith("ignoring") && IGNORING.anyMatch(call) && !SourceKind.isTestSource(call)) {
            for (ASTExpression arg : call.getArguments()) {
                if (SpringSecurityAst.isMatchAll(arg)) {
                    report(arg, "an exemption of every path", data);
                    break;
                }
            }
        }
        return data;
    }

    @Override
    public Object visit(ASTMethodReference ref, Object data) {
        if (!"disable".equals(ref.getMethodName())) {
            return data;
        }
        ASTMethodCall call = SpringSecurityAst.callTakingArgument(ref);
        if (call != null && CSRF_WITH_CUSTOMIZER.matchesCall(call) && disablesAConfigurer(ref)
                && !SourceKind.isTestSource(ref)) {
            report(ref, "csrf(AbstractHttpConfigurer::disable)", data);
        }
        return data;
    }

    private static boolean disablesAConfigurer(ASTMethodReference ref) {
        JMethodSig method = ref.getReferencedMethod();
        return TypeTestUtil.isA(ABSTRACT_CONFIGURER, method.getDeclaringType());
    }

    private void report(JavaNode node, String what, Object data) {
        boolean stateless = isStatelessApi(SpringSecurityAst.configurationScope(node));
        if (stateless && !getProperty(REPORT_STATELESS_APIS)) {
            return;
        }
        String message = stateless ? STATELESS_MESSAGE : getMessage();
        if (node instanceof ASTMethodCall call) {
            SpringSecurityAst.reportAtName(asCtx(data), call, message, what);
        } else {
            asCtx(data).addViolationWithMessage(node, message, what);
        }
    }

    /** A configuration with a stateless session policy and no login the browser replays by itself. */
    private static boolean isStatelessApi(JavaNode scope) {
        boolean stateless = false;
        for (ASTMethodCall call : scope.descendants(ASTMethodCall.class).crossFindBoundaries()) {
            if (AMBIENT_LOGINS.anyMatch(call) && !SpringSecurityAst.isSwitchedOff(call)) {
                return false;
            }
            if (SESSION_POLICY.matchesCall(call) && call.getArguments().size() == 1
                    && call.getArguments().get(0) instanceof ASTNamedReferenceExpr policy
                    && "STATELESS".equals(policy.getName()) && TypeTestUtil.isA(SESSION_CREATION_POLICY, policy)) {
                stateless = true;
            }
        }
        return stateless;
    }
}
