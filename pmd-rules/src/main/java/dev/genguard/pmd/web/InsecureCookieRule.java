package dev.genguard.pmd.web;

import dev.genguard.pmd.internal.SourceKind;
import java.util.List;
import java.util.regex.Pattern;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTBooleanLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTStringLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JFieldSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;

/**
 * Finds cookies sent without the Secure or HttpOnly attribute: a servlet {@code Cookie} (javax or jakarta)
 * created in the method and passed to {@code addCookie} without {@code setSecure(true)} /
 * {@code setHttpOnly(true)}, a Spring {@code ResponseCookie} chain without {@code secure(true)} /
 * {@code httpOnly(true)}, and a {@code Set-Cookie} header written by hand without those attributes (which
 * also catches {@code SameSite=None} without {@code Secure}). Reports the cookie expression.
 *
 * <p>Left alone: cookies that delete ({@code maxAge 0}), cookies handed to a helper before being added (it may
 * set the flags), flags set from a variable (taken as set, e.g. {@code setSecure(request.isSecure())}), and an
 * explicit {@code setHttpOnly(false)}, which documents a cookie meant for scripts (a CSRF token read by the
 * front end). An explicit {@code setSecure(false)} is reported.
 */
public class InsecureCookieRule extends AbstractJavaRulechainRule {

    private static final CompoundInvocationMatcher ADD_COOKIE = InvocationMatcher.parseAll(
            "javax.servlet.http.HttpServletResponse#addCookie(_)",
            "jakarta.servlet.http.HttpServletResponse#addCookie(_)");
    private static final CompoundInvocationMatcher NEW_COOKIE = InvocationMatcher.parseAll(
            "javax.servlet.http.Cookie#new(_*)",
            "jakarta.servlet.http.Cookie#new(_*)");

    private static final InvocationMatcher RESPONSE_COOKIE_BUILD =
            InvocationMatcher.parse("org.springframework.http.ResponseCookie$ResponseCookieBuilder#build()");
    private static final CompoundInvocationMatcher RESPONSE_COOKIE_FROM = InvocationMatcher.parseAll(
            "org.springframework.http.ResponseCookie#from(_*)",
            "org.springframework.http.ResponseCookie#fromClientResponse(_*)");

    /** Header writes: the header name is the first argument, the value the second. */
    private static final CompoundInvocationMatcher HEADER_WRITES = InvocationMatcher.parseAll(
            "javax.servlet.http.HttpServletResponse#addHeader(java.lang.String,java.lang.String)",
            "javax.servlet.http.HttpServletResponse#setHeader(java.lang.String,java.lang.String)",
            "jakarta.servlet.http.HttpServletResponse#addHeader(java.lang.String,java.lang.String)",
            "jakarta.servlet.http.HttpServletResponse#setHeader(java.lang.String,java.lang.String)",
            "org.springframework.http.HttpHeaders#add(java.lang.String,java.lang.String)",
            "org.springframework.http.HttpHeaders#set(java.lang.String,java.lang.String)",
            "org.springframework.http.ResponseEntity$HeadersBuilder#header(java.lang.String,java.lang.String[])");

    private static final Pattern SECURE_ATTRIBUTE = Pattern.compile(";\\s*secure\\s*(;|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTP_ONLY_ATTRIBUTE = Pattern.compile(";\\s*httponly\\s*(;|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DELETION = Pattern.compile("max-age\\s*=\\s*0\\b|expires\\s*=\\s*thu,\\s*01[ -]jan[ -]1970",
            Pattern.CASE_INSENSITIVE);

    public InsecureCookieRule() {
        super(ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (ADD_COOKIE.anyMatch(call)) {
            checkServletCookie(call.getArguments().get(0), data);
        } else if (RESPONSE_COOKIE_BUILD.matchesCall(call)) {
            checkResponseCookie(call, data);
        } else if (HEADER_WRITES.anyMatch(call) && call.getArguments().size() == 2) {
            checkSetCookieHeader(call, data);
        }
        return data;
    }

    /** What the code says about one flag: never set, set to a literal false, or set (true or a variable). */
    private enum Flag {
        UNSET, FALSE, SET;

        static Flag of(ASTExpression value) {
            return value instanceof ASTBooleanLiteral literal && !literal.isTrue() ? FALSE : SET;
        }

        Flag and(ASTExpression value) {
            return this == SET ? SET : of(value);
        }
    }

    private void checkServletCookie(ASTExpression cookieArg, Object data) {
        ASTExpression cookie = WebAst.uncast(cookieArg);
        Flag secure = Flag.UNSET;
        Flag httpOnly = Flag.UNSET;
        if (!(cookie instanceof ASTConstructorCall created && NEW_COOKIE.anyMatch(created))) {
            ASTVariableId variable = WebAst.localVariable(cookie);
            ASTExpression value = variable == null ? null : WebAst.onlyDefinition(variable);
            if (!(value instanceof ASTConstructorCall created && NEW_COOKIE.anyMatch(created))) {
                // A cookie built elsewhere (a helper, a parameter): its flags are not ours to see.
                return;
            }
            for (ASTNamedReferenceExpr use : variable.getLocalUsages()) {
                if (use.getParent() instanceof ASTMethodCall call && call.getQualifier() == use
                        && call.getArguments().size() == 1) {
                    ASTExpression arg = call.getArguments().get(0);
                    switch (call.getMethodName()) {
                        case "setSecure" -> secure = secure.and(arg);
                        case "setHttpOnly" -> httpOnly = httpOnly.and(arg);
                        case "setMaxAge" -> {
                            if (isZero(arg)) {
                                return;
                            }
                        }
                        default -> { }
                    }
                } else if (WebAst.escapes(use, InsecureCookieRule::isAddCookie)) {
                    return;
                }
            }
        }
        // An explicit setHttpOnly(false) is a deliberate cookie for scripts; an explicit setSecure(false) is not.
        report(cookieArg, secure != Flag.SET, httpOnly == Flag.UNSET, data);
    }

    private static boolean isAddCookie(JavaNode call) {
        return call instanceof ASTMethodCall m && ADD_COOKIE.anyMatch(m);
    }

    private void checkResponseCookie(ASTMethodCall build, Object data) {
        List<ASTMethodCall> chain = WebAst.chain(build);
        // A template kept in a field that setters replace (a locale cookie with configurable flags) is not sent as built.
        if (!RESPONSE_COOKIE_FROM.anyMatch(chain.get(0)) || WebAst.isFieldDefault(build) || SourceKind.isTestSource(build)) {
            return;
        }
        Flag secure = Flag.UNSET;
        Flag httpOnly = Flag.UNSET;
        for (ASTMethodCall c : chain) {
            if (c.getArguments().size() != 1) {
                continue;
            }
            ASTExpression arg = c.getArguments().get(0);
            switch (c.getMethodName()) {
                case "secure" -> secure = secure.and(arg);
                case "httpOnly" -> httpOnly = httpOnly.and(arg);
                case "maxAge" -> {
                    if (isZero(arg)) {
                        return;
                    }
                }
                default -> { }
            }
        }
        report(build, secure != Flag.SET, httpOnly == Flag.UNSET, data);
    }

    private void checkSetCookieHeader(ASTMethodCall call, Object data) {
        Object name = call.getArguments().get(0).getConstValue();
        if (!(name instanceof String header) || !header.equalsIgnoreCase("Set-Cookie")) {
            return;
        }
        ASTExpression value = call.getArguments().get(1);
        if (!(value instanceof ASTStringLiteral || value instanceof ASTInfixExpression)) {
            // cookie.toString() of a ResponseCookie and other values built elsewhere are checked where built.
            return;
        }
        StringBuilder text = new StringBuilder();
        value.descendantsOrSelf().filterIs(ASTStringLiteral.class).forEach(s -> text.append(s.getConstValue()));
        String cookie = text.toString();
        if (!cookie.contains("=") || DELETION.matcher(cookie).find() || SourceKind.isTestSource(call)) {
            return;
        }
        report(value, !SECURE_ATTRIBUTE.matcher(cookie).find(), !HTTP_ONLY_ATTRIBUTE.matcher(cookie).find(), data);
    }

    private void report(ASTExpression cookie, boolean missingSecure, boolean missingHttpOnly, Object data) {
        if (!(missingSecure || missingHttpOnly) || SourceKind.isTestSource(cookie)) {
            return;
        }
        String flags = missingSecure && missingHttpOnly ? "Secure and HttpOnly" : missingSecure ? "Secure" : "HttpOnly";
        asCtx(data).addViolation(cookie, flags);
    }

    private static boolean isZero(ASTExpression expr) {
        Object value = expr.getConstValue();
        if (value instanceof Number n) {
            return n.longValue() == 0;
        }
        // Duration.ZERO
        return expr instanceof ASTNamedReferenceExpr ref && ref.getReferencedSym() instanceof JFieldSymbol field
                && field.getSimpleName().equals("ZERO") && field.getEnclosingClass().getBinaryName().equals("java.time.Duration");
    }
}
