package dev.genguard.pmd.auth;

import dev.genguard.pmd.internal.Annotations;
import dev.genguard.pmd.internal.SourceKind;
import java.util.List;
import java.util.Set;
import net.sourceforge.pmd.lang.java.ast.ASTAnnotation;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTModifierList;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.Annotatable;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds authorization rules that grant every request: {@code anyRequest().permitAll()} and
 * {@code requestMatchers("/**").permitAll()} (also with {@code AntPathRequestMatcher("/**")},
 * {@code AnyRequestMatcher.INSTANCE} and Spring Security 5's {@code antMatchers}/{@code mvcMatchers}),
 * {@code web.ignoring().anyRequest()} of a {@code WebSecurityCustomizer}, {@code @PreAuthorize("permitAll()")}
 * on a class or on a POST/PUT/PATCH/DELETE handler, and {@code @PermitAll} on an administration class.
 *
 * <p>Left silent: configurations active only under a development or test {@code @Profile}, URL-level
 * {@code permitAll} in a class that enables method security (the handlers carry the decisions), matchers
 * limited to an HTTP method ({@code requestMatchers(HttpMethod.OPTIONS, "/**")}), and test sources.
 */
public class OverlyPermissiveAuthorizationRule extends AbstractJavaRulechainRule {

    private static final String WEB = "org.springframework.security.config.annotation.web.";
    private static final CompoundInvocationMatcher PERMIT_ALL = InvocationMatcher.parseAll(
            WEB + "configurers.AuthorizeHttpRequestsConfigurer$AuthorizedUrl#permitAll()",
            WEB + "configurers.ExpressionUrlAuthorizationConfigurer$AuthorizedUrl#permitAll()");
    private static final InvocationMatcher ANY_REQUEST = InvocationMatcher.parse(WEB + "AbstractRequestMatcherRegistry#anyRequest()");
    /** Matchers by pattern or matcher object; antMatchers and mvcMatchers are Spring Security 5's spellings. */
    private static final CompoundInvocationMatcher PATTERN_MATCHERS = InvocationMatcher.parseAll(
            WEB + "AbstractRequestMatcherRegistry#requestMatchers(_*)",
            WEB + "AbstractRequestMatcherRegistry#antMatchers(_*)",
            WEB + "AbstractRequestMatcherRegistry#mvcMatchers(_*)");
    private static final String IGNORED_REQUESTS = WEB + "builders.WebSecurity$IgnoredRequestConfigurer";

    private static final String PRE_AUTHORIZE = "org.springframework.security.access.prepost.PreAuthorize";
    private static final List<String> PERMIT_ALL_ANNOTATIONS = List.of(
            "jakarta.annotation.security.PermitAll", "javax.annotation.security.PermitAll");
    private static final Set<String> GRANT_ALL_EXPRESSIONS = Set.of("permitAll()", "permitAll", "true");

    private static final List<String> METHOD_SECURITY = List.of(
            "org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity",
            "org.springframework.security.config.annotation.method.configuration.EnableGlobalMethodSecurity",
            "org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity");
    private static final String PROFILE = "org.springframework.context.annotation.Profile";
    private static final Set<String> NON_PRODUCTION_PROFILES = Set.of(
            "dev", "development", "local", "test", "testing", "it", "integration-test");

    public OverlyPermissiveAuthorizationRule() {
        super(ASTMethodCall.class, ASTAnnotation.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        String name = call.getMethodName();
        if (name.equals("permitAll")) {
            if (PERMIT_ALL.anyMatch(call) && call.getQualifier() instanceof ASTMethodCall matcher && matchesEverything(matcher)
                    && !isExempt(call) && !enablesMethodSecurity(call)) {
                SpringSecurityAst.reportAtName(asCtx(data), call, getMessage(), matcher.getMethodName() + "().permitAll()");
            }
        } else if ((name.equals("anyRequest") || PATTERN_MATCHERS.anyMatch(call)) && call.getQualifier() != null
                && TypeTestUtil.isA(IGNORED_REQUESTS, call.getQualifier()) && matchesEverything(call) && !isExempt(call)) {
            SpringSecurityAst.reportAtName(asCtx(data), call, getMessage(), "web.ignoring()." + name + "()");
        }
        return data;
    }

    /** {@code anyRequest()}, or a pattern matcher whose every argument matches every path. */
    private static boolean matchesEverything(ASTMethodCall matcher) {
        if (ANY_REQUEST.matchesCall(matcher)) {
            return true;
        }
        ASTArgumentList args = matcher.getArguments();
        if (args.size() == 0 || !PATTERN_MATCHERS.anyMatch(matcher)) {
            return false;
        }
        for (ASTExpression arg : args) {
            if (!SpringSecurityAst.isMatchAll(arg)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object visit(ASTAnnotation annotation, Object data) {
        if (!(annotation.getParent() instanceof ASTModifierList modifiers) || SourceKind.isTestSource(annotation)) {
            return data;
        }
        JavaNode target = modifiers.getParent();
        if (Annotations.is(annotation, PRE_AUTHORIZE)) {
            ASTExpression value = annotation.getAttribute("value") instanceof ASTExpression e ? e : null;
            boolean grantsAll = value != null && value.getConstValue() instanceof String expr
                    && GRANT_ALL_EXPRESSIONS.contains(expr.strip());
            if (grantsAll && (target instanceof ASTTypeDeclaration
                    || target instanceof ASTMethodDeclaration method && SpringMvc.isStateChangingHandler(method))
                    && !isExempt(annotation)) {
                asCtx(data).addViolation(annotation, "@PreAuthorize(\"" + value.getConstValue() + "\")");
            }
        } else if (target instanceof ASTTypeDeclaration type && Annotations.isAny(annotation, PERMIT_ALL_ANNOTATIONS)
                && SpringMvc.isAdminLike(type) && !isExempt(annotation)) {
            asCtx(data).addViolation(annotation, "@PermitAll on administration class " + type.getSimpleName());
        }
        return data;
    }

    /** Test sources, and declarations active only under a development or test profile. */
    private static boolean isExempt(JavaNode node) {
        if (SourceKind.isTestSource(node)) {
            return true;
        }
        for (JavaNode n = node; n != null; n = n.getParent()) {
            if (n instanceof Annotatable declaration && !(n instanceof ASTAnnotation) && isNonProductionProfile(declaration)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNonProductionProfile(Annotatable declaration) {
        ASTAnnotation profile = declaration.getDeclaredAnnotations().first(a -> Annotations.is(a, PROFILE));
        if (profile == null) {
            return false;
        }
        List<Object> names = profile.getFlatValue("value").toStream()
                .map(v -> v instanceof ASTExpression e ? e.getConstValue() : null).toList();
        return !names.isEmpty() && names.stream().allMatch(v -> v instanceof String s && NON_PRODUCTION_PROFILES.contains(s.strip()));
    }

    /** A class around the call that enables method security: the handlers, not the URLs, carry the decisions. */
    private static boolean enablesMethodSecurity(JavaNode node) {
        return node.ancestors(ASTTypeDeclaration.class)
                .any(t -> Annotations.isAnyPresent(t, METHOD_SECURITY));
    }
}
