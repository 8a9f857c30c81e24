package dev.genguard.pmd.auth;

import dev.genguard.pmd.internal.Annotations;
import dev.genguard.pmd.internal.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import net.sourceforge.pmd.lang.java.ast.ASTAnnotation;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTExpressionStatement;
import net.sourceforge.pmd.lang.java.ast.ASTIfStatement;
import net.sourceforge.pmd.lang.java.ast.ASTMemberValue;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTUnaryExpression;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.ast.UnaryOp;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;
import net.sourceforge.pmd.properties.PropertyDescriptor;
import net.sourceforge.pmd.properties.PropertyFactory;

/**
 * Finds CORS set-ups that let any origin in: {@code allowedOrigins("*")}/{@code allowedOriginPatterns("*")} on a
 * Spring {@code CorsRegistration}, a registration without any origin (Spring then allows all),
 * {@code addAllowedOrigin("*")}, {@code setAllowedOrigins(List.of("*"))} and {@code applyPermitDefaultValues()}
 * on a {@code CorsConfiguration}, {@code @CrossOrigin} without origins or with {@code "*"}, and a hand-set
 * {@code Access-Control-Allow-Origin} header of {@code *} or of the request's own {@code Origin} reflected
 * without a check. Reports the wildcard value (or the annotation, or the call).
 *
 * <p>Severity design: with credentials allowed in the same configuration (the same registration chain, the
 * same {@code CorsConfiguration} object, the same annotation, or an {@code Access-Control-Allow-Credentials:
 * true} header in the same method) any web site can act as the signed-in user; that is always reported, at
 * the rule's severity. A wildcard without credentials is often a deliberate public API, so it is reported only
 * when {@code reportWithoutCredentials} is true (the strict and all profiles), with its own message.
 */
public class PermissiveCorsRule extends AbstractJavaRulechainRule {

    static final PropertyDescriptor<Boolean> REPORT_WITHOUT_CREDENTIALS = PropertyFactory.booleanProperty("reportWithoutCredentials")
            .desc("Also report origins left open to every site when no credentials are allowed")
            .defaultValue(false)
            .build();

    private static final String CORS_CONFIGURATION = "org.springframework.web.cors.CorsConfiguration";
    private static final String CROSS_ORIGIN = "org.springframework.web.bind.annotation.CrossOrigin";
    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";

    /** Spring MVC's and WebFlux's registrations: {@code registry.addMapping(..).allowedOrigins(..)}. */
    private static final CompoundInvocationMatcher REGISTRATION_ORIGINS = InvocationMatcher.parseAll(
            "org.springframework.web.servlet.config.annotation.CorsRegistration#allowedOrigins(_*)",
            "org.springframework.web.servlet.config.annotation.CorsRegistration#allowedOriginPatterns(_*)",
            "org.springframework.web.reactive.config.CorsRegistration#allowedOrigins(_*)",
            "org.springframework.web.reactive.config.CorsRegistration#allowedOriginPatterns(_*)");
    private static final CompoundInvocationMatcher REGISTRATION_CREDENTIALS = InvocationMatcher.parseAll(
            "org.springframework.web.servlet.config.annotation.CorsRegistration#allowCredentials(boolean)",
            "org.springframework.web.reactive.config.CorsRegistration#allowCredentials(boolean)");
    private static final CompoundInvocationMatcher ADD_MAPPING = InvocationMatcher.parseAll(
            "org.springframework.web.servlet.config.annotation.CorsRegistry#addMapping(java.lang.String)",
            "org.springframework.web.reactive.config.CorsRegistry#addMapping(java.lang.String)");

    private static final CompoundInvocationMatcher CONFIG_ADD_ORIGIN = InvocationMatcher.parseAll(
            CORS_CONFIGURATION + "#addAllowedOrigin(java.lang.String)",
            CORS_CONFIGURATION + "#addAllowedOriginPattern(java.lang.String)");
    private static final CompoundInvocationMatcher CONFIG_SET_ORIGINS = InvocationMatcher.parseAll(
            CORS_CONFIGURATION + "#setAllowedOrigins(java.util.List)",
            CORS_CONFIGURATION + "#setAllowedOriginPatterns(java.util.List)");
    private static final InvocationMatcher CONFIG_PERMIT_DEFAULTS = InvocationMatcher.parse(
            CORS_CONFIGURATION + "#applyPermitDefaultValues()");
    private static final InvocationMatcher CONFIG_CREDENTIALS = InvocationMatcher.parse(
            CORS_CONFIGURATION + "#setAllowCredentials(java.lang.Boolean)");
    /** Where a finished configuration is registered: passing it there is no further configuring. */
    private static final CompoundInvocationMatcher REGISTER = InvocationMatcher.parseAll(
            "org.springframework.web.cors.UrlBasedCorsConfigurationSource#registerCorsConfiguration(_,_)",
            "org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource#registerCorsConfiguration(_,_)");
    /** Collections of one or a few elements as written inline: {@code List.of("*")}, {@code Arrays.asList("*")}. */
    private static final CompoundInvocationMatcher LIST_FACTORIES = InvocationMatcher.parseAll(
            "java.util.List#of(_*)", "java.util.Set#of(_*)", "java.util.Arrays#asList(_*)",
            "java.util.Collections#singletonList(_)", "java.util.Collections#singleton(_)");

    /** Calls that set a header by name and value. */
    private static final CompoundInvocationMatcher SET_HEADER = InvocationMatcher.parseAll(
            "javax.servlet.http.HttpServletResponse#setHeader(java.lang.String,java.lang.String)",
            "javax.servlet.http.HttpServletResponse#addHeader(java.lang.String,java.lang.String)",
            "jakarta.servlet.http.HttpServletResponse#setHeader(java.lang.String,java.lang.String)",
            "jakarta.servlet.http.HttpServletResponse#addHeader(java.lang.String,java.lang.String)",
            "org.springframework.http.HttpHeaders#set(java.lang.String,java.lang.String)",
            "org.springframework.http.HttpHeaders#add(java.lang.String,java.lang.String)",
            "org.springframework.http.ResponseEntity$HeadersBuilder#header(java.lang.String,java.lang.String[])");
    private static final InvocationMatcher SET_ALLOW_ORIGIN = InvocationMatcher.parse(
            "org.springframework.http.HttpHeaders#setAccessControlAllowOrigin(java.lang.String)");
    private static final InvocationMatcher SET_ALLOW_CREDENTIALS = InvocationMatcher.parse(
            "org.springframework.http.HttpHeaders#setAccessControlAllowCredentials(boolean)");

    /** Where a request's own Origin header is read. */
    private static final CompoundInvocationMatcher GET_HEADER = InvocationMatcher.parseAll(
            "javax.servlet.http.HttpServletRequest#getHeader(java.lang.String)",
            "jakarta.servlet.http.HttpServletRequest#getHeader(java.lang.String)",
            "org.springframework.http.HttpHeaders#getFirst(java.lang.String)");
    private static final InvocationMatcher GET_ORIGIN = InvocationMatcher.parse("org.springframework.http.HttpHeaders#getOrigin()");

    /** Calls on an origin that test nothing about which site it is. */
    private static final Set<String> NON_CHECKS = Set.of("isEmpty", "isBlank", "length", "trim", "toString");

    private static final String WITHOUT_CREDENTIALS_MESSAGE = "Allow only the origins that need this API instead of {0}, "
            + "unless it is public and serves no per-user or internal data";

    public PermissiveCorsRule() {
        super(ASTMethodCall.class, ASTAnnotation.class);
        definePropertyDescriptor(REPORT_WITHOUT_CREDENTIALS);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (SourceKind.isTestSource(call)) {
            return data;
        }
        ASTArgumentList args = call.getArguments();
        if (REGISTRATION_ORIGINS.anyMatch(call)) {
            for (ASTExpression arg : args) {
                if (isWildcard(arg)) {
                    report(arg, "\"*\"", chainAllowsCredentials(call), data);
                }
            }
        } else if (ADD_MAPPING.anyMatch(call) && registrationWithoutOrigins(call)) {
            report(call, "a registration without allowed origins (Spring then allows all)", chainAllowsCredentials(call), data);
        } else if (CONFIG_ADD_ORIGIN.anyMatch(call) && isWildcard(args.get(0))) {
            report(args.get(0), "\"*\"", configurationAllowsCredentials(call), data);
        } else if (CONFIG_SET_ORIGINS.anyMatch(call)) {
            ASTExpression wildcard = wildcardElement(args.get(0));
            if (wildcard != null) {
                report(wildcard, "\"*\"", configurationAllowsCredentials(call), data);
            }
        } else if (CONFIG_PERMIT_DEFAULTS.matchesCall(call) && isFreshConfiguration(call) && !setsOriginsInScope(call)) {
            report(call, "applyPermitDefaultValues()", configurationAllowsCredentials(call), data);
        } else {
            ASTExpression origin = allowOriginValue(call);
            if (origin != null && !isConfiguredBranch(call)) {
                if (isWildcard(origin)) {
                    report(origin, "\"*\"", headersAllowCredentials(call), data);
                } else if (isUncheckedReflectedOrigin(origin, call)) {
                    report(origin, "the request's own Origin header", headersAllowCredentials(call), data);
                }
            }
        }
        return data;
    }

    @Override
    public Object visit(ASTAnnotation annotation, Object data) {
        if (!Annotations.is(annotation, CROSS_ORIGIN) || SourceKind.isTestSource(annotation)) {
            return data;
        }
        boolean credentials = annotation.getFlatValue("allowCredentials")
                .any(v -> v instanceof ASTExpression e && "true".equals(e.getConstValue()));
        List<ASTMemberValue> origins = new ArrayList<>();
        for (String attribute : List.of("value", "origins", "originPatterns")) {
            annotation.getFlatValue(attribute).forEach(origins::add);
        }
        if (origins.isEmpty()) {
            report(annotation, "@CrossOrigin without origins (it allows all)", credentials, data);
            return data;
        }
        for (ASTMemberValue origin : origins) {
            if (origin instanceof ASTExpression e && isWildcard(e)) {
                report(origin, "\"*\"", credentials, data);
            }
        }
        return data;
    }

    private void report(JavaNode node, String what, boolean credentials, Object data) {
        if (!credentials && !getProperty(REPORT_WITHOUT_CREDENTIALS)) {
            return;
        }
        String message = credentials ? getMessage() : WITHOUT_CREDENTIALS_MESSAGE;
        if (node instanceof ASTMethodCall call) {
            SpringSecurityAst.reportAtName(asCtx(data), call, message, what);
        } else {
            asCtx(data).addViolationWithMessage(node, message, what);
        }
    }

    private static boolean isWildcard(ASTExpression expr) {
        return SpringSecurityAst.isConstant(expr, "*");
    }

    /** The {@code "*"} inside {@code List.of("*")} and its kin, or the argument itself if it is one. */
    private static ASTExpression wildcardElement(ASTExpression list) {
        if (list instanceof ASTMethodCall factory && LIST_FACTORIES.anyMatch(factory)) {
            for (ASTExpression element : factory.getArguments()) {
                if (isWildcard(element)) {
                    return element;
                }
            }
        }
        return null;
    }

    // ---- registrations: registry.addMapping("/api/**").allowedOrigins(..).allowCredentials(true)

    /** The calls of the fluent chain the call belongs to, from its receiver's call to the end of the statement. */
    private static List<ASTMethodCall> chainOf(ASTMethodCall call) {
        List<ASTMethodCall> chain = new ArrayList<>();
        for (ASTExpression e = call; e instanceof ASTMethodCall c; e = c.getQualifier()) {
            chain.add(c);
        }
        for (JavaNode n = call; n.getParent() instanceof ASTMethodCall next && next.getQualifier() == n; n = next) {
            chain.add(next);
        }
        return chain;
    }

    private static boolean chainAllowsCredentials(ASTMethodCall call) {
        return chainOf(call).stream().anyMatch(c -> REGISTRATION_CREDENTIALS.anyMatch(c) && isTrue(c.getArguments().get(0)));
    }

    /**
     * An {@code addMapping} whose chain names no origin. Only a chain that ends the statement is judged: a
     * registration kept in a variable or passed on may get its origins elsewhere.
     */
    private static boolean registrationWithoutOrigins(ASTMethodCall addMapping) {
        List<ASTMethodCall> chain = chainOf(addMapping);
        JavaNode last = chain.get(chain.size() - 1);
        if (!(last.getParent() instanceof ASTExpressionStatement)) {
            return false;
        }
        return chain.stream().noneMatch(c -> REGISTRATION_ORIGINS.anyMatch(c)
                || "combine".equals(c.getMethodName()));
    }

    // ---- CorsConfiguration objects

    /** {@code setAllowCredentials(true)} on the same {@code CorsConfiguration} in the same method. */
    private static boolean configurationAllowsCredentials(ASTMethodCall call) {
        Object receiver = receiverOf(call);
        return SpringSecurityAst.configurationScope(call).descendants(ASTMethodCall.class).crossFindBoundaries()
                .any(c -> CONFIG_CREDENTIALS.matchesCall(c) && isTrue(c.getArguments().get(0))
                        && Objects.equals(receiverOf(c), receiver));
    }

    /**
     * What a call is made on: the variable's symbol for {@code config.addAllowedOrigin(..)}, else the start of a
     * fluent chain of {@code CorsConfiguration} calls ({@code new CorsConfiguration().applyPermitDefaultValues()}).
     */
    private static Object receiverOf(ASTMethodCall call) {
        ASTExpression q = call.getQualifier();
        while (q instanceof ASTMethodCall inner && TypeTestUtil.isA(CORS_CONFIGURATION, inner)
                && inner.getQualifier() != null) {
            q = inner.getQualifier();
        }
        if (q instanceof ASTNamedReferenceExpr ref && ref.getReferencedSym() != null) {
            return ref.getReferencedSym();
        }
        return q;
    }

    /** Whether the method sets origins on some configuration: then {@code applyPermitDefaultValues} keeps them. */
    private static boolean setsOriginsInScope(ASTMethodCall call) {
        return SpringSecurityAst.configurationScope(call).descendants(ASTMethodCall.class).crossFindBoundaries()
                .any(c -> CONFIG_ADD_ORIGIN.anyMatch(c) || CONFIG_SET_ORIGINS.anyMatch(c));
    }

    /**
     * Whether {@code applyPermitDefaultValues()} is called on a configuration that this method built and kept to
     * itself: {@code new CorsConfiguration()} directly, or a local variable never handed to another method
     * (a helper such as {@code updateCorsConfig(config, annotation)} may have set its origins).
     */
    private static boolean isFreshConfiguration(ASTMethodCall permitDefaults) {
        Object receiver = receiverOf(permitDefaults);
        if (receiver instanceof ASTConstructorCall) {
            return true;
        }
        if (!(receiver instanceof JVariableSymbol variable) || variable.isField()) {
            return false;
        }
        return SpringSecurityAst.configurationScope(permitDefaults).descendants(ASTMethodCall.class).crossFindBoundaries()
                .none(c -> !REGISTER.anyMatch(c) && c.getArguments().toStream()
                        .any(a -> a instanceof ASTNamedReferenceExpr ref && variable.equals(ref.getReferencedSym())));
    }

    private static boolean isTrue(ASTExpression expr) {
        if (Boolean.TRUE.equals(expr.getConstValue())) {
            return true;
        }
        return expr instanceof ASTNamedReferenceExpr ref && "TRUE".equals(ref.getName())
                && TypeTestUtil.isA(Boolean.class, ref);
    }

    // ---- hand-written headers

    /** The value given to {@code Access-Control-Allow-Origin} by a header call, or null. */
    private static ASTExpression allowOriginValue(ASTMethodCall call) {
        if (SET_ALLOW_ORIGIN.matchesCall(call)) {
            return call.getArguments().get(0);
        }
        return headerValue(call, ALLOW_ORIGIN);
    }

    private static ASTExpression headerValue(ASTMethodCall call, String header) {
        ASTArgumentList args = call.getArguments();
        if (args.size() == 2 && args.get(0).getConstValue() instanceof String name && name.equalsIgnoreCase(header)
                && SET_HEADER.anyMatch(call)) {
            return args.get(1);
        }
        return null;
    }

    /** An {@code Access-Control-Allow-Credentials: true} header set in the same method. */
    private static boolean headersAllowCredentials(ASTMethodCall call) {
        return SpringSecurityAst.configurationScope(call).descendants(ASTMethodCall.class).crossFindBoundaries()
                .any(c -> {
                    if (SET_ALLOW_CREDENTIALS.matchesCall(c)) {
                        return isTrue(c.getArguments().get(0));
                    }
                    ASTExpression value = headerValue(c, ALLOW_CREDENTIALS);
                    return value != null && value.getConstValue() instanceof String s
                            && s.toLowerCase(Locale.ROOT).equals("true");
                });
    }

    /**
     * The request's Origin header echoed back, directly or through a local variable, when nothing in the method
     * tests it: a call that takes the origin ({@code allowed.contains(origin)}, {@code origin.endsWith(..)})
     * counts as a check, a null or empty test does not.
     */
    private static boolean isUncheckedReflectedOrigin(ASTExpression value, ASTMethodCall headerCall) {
        JVariableSymbol variable = null;
        if (value instanceof ASTNamedReferenceExpr ref && ref.getReferencedSym() != null
                && !ref.getReferencedSym().isField()) {
            JVariableSymbol sym = ref.getReferencedSym();
            ASTVariableId id = sym.tryGetNode();
            if (id == null || !(id.getParent() instanceof ASTVariableDeclarator decl) || !readsOrigin(decl.getInitializer())) {
                return false;
            }
            variable = sym;
        } else if (!readsOrigin(value)) {
            return false;
        }
        JVariableSymbol origin = variable;
        return SpringSecurityAst.configurationScope(headerCall).descendants(ASTMethodCall.class).crossFindBoundaries()
                .none(c -> c != headerCall && allowOriginValue(c) == null && !NON_CHECKS.contains(c.getMethodName())
                        && (isOrigin(c.getQualifier(), origin) || c.getArguments().toStream().any(a -> isOrigin(a, origin))));
    }

    private static boolean isOrigin(ASTExpression expr, JVariableSymbol variable) {
        if (expr == null) {
            return false;
        }
        if (variable != null) {
            return expr instanceof ASTNamedReferenceExpr ref && variable.equals(ref.getReferencedSym());
        }
        return readsOrigin(expr);
    }

    private static boolean readsOrigin(ASTExpression expr) {
        if (!(expr instanceof ASTMethodCall call)) {
            return false;
        }
        if (GET_ORIGIN.matchesCall(call)) {
            return true;
        }
        return GET_HEADER.anyMatch(call) && call.getArguments().get(0).getConstValue() instanceof String name
                && name.equalsIgnoreCase("Origin");
    }

    /**
     * Whether a hand-set header is written in a branch chosen by a boolean flag, a field or a local copy of one
     * ({@code if (anyOriginAllowed) ... else ...}): a CORS filter that implements the policy its deployer
     * configures, as Tomcat's CorsFilter does, rather than code that opens itself to every origin.
     */
    private static boolean isConfiguredBranch(ASTMethodCall call) {
        ASTIfStatement branch = call.ancestors(ASTIfStatement.class).first();
        if (branch == null) {
            return false;
        }
        ASTExpression condition = branch.getCondition();
        while (condition instanceof ASTUnaryExpression not && not.getOperator() == UnaryOp.NEGATION) {
            condition = not.getOperand();
        }
        return condition instanceof ASTNamedReferenceExpr flag && TypeTestUtil.isA(boolean.class, flag);
    }
}
