package dev.genguard.spotbugs.web;

import dev.genguard.spotbugs.dataflow.AbstractValue;
import dev.genguard.spotbugs.dataflow.CallSite;
import dev.genguard.spotbugs.dataflow.ClassReferences;
import dev.genguard.spotbugs.dataflow.Invocation;
import dev.genguard.spotbugs.dataflow.MethodValues;
import dev.genguard.spotbugs.dataflow.SpotBugsClassSource;
import dev.genguard.spotbugs.dataflow.ValueAnalysisDetector;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.classfile.JavaClass;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A servlet {@code Cookie} (javax or jakarta) passed to {@code addCookie} whose Secure or HttpOnly flag was not
 * set on every path to the call. The cookie is followed as an object through the value analysis: created in the
 * method or returned by a helper of the analysed code (with the flags that helper set). Reported on the
 * {@code addCookie} line, where PMD's {@code InsecureCookie} reports the same flaw (same CWE, so the Maven plugin
 * keeps one of the two).
 *
 * <p>Silent, as PMD's rule: a cookie of unknown origin (a parameter, a field, an overridable factory method), one
 * handed to code the analysis does not follow before it is added (a helper may set the flags), a flag set from a
 * variable ({@code setSecure(request.isSecure())}) or on some path only (under a configuration switch), an explicit {@code setHttpOnly(false)} (a cookie meant for scripts, such
 * as a CSRF token), a cookie that deletes ({@code setMaxAge(0)}), and test code.
 */
public class InsecureCookieDetector extends ValueAnalysisDetector {

    static final String TYPE = "GENGUARD_INSECURE_COOKIE";

    private static final Set<String> RESPONSES = Set.of(
            "javax/servlet/http/HttpServletResponse", "jakarta/servlet/http/HttpServletResponse",
            "javax/servlet/http/HttpServletResponseWrapper", "jakarta/servlet/http/HttpServletResponseWrapper");
    private static final Set<String> COOKIES = Set.of("javax/servlet/http/Cookie", "jakarta/servlet/http/Cookie");
    private static final Set<String> ADD_COOKIE = Set.of(
            "(Ljavax/servlet/http/Cookie;)V", "(Ljakarta/servlet/http/Cookie;)V");
    /** Cookie names that carry a session or a credential: a missing flag there is worth the highest confidence. */
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "sess|sid|token|auth|jwt|remember|login|user|account|csrf|xsrf|refresh|access");

    public InsecureCookieDetector(BugReporter bugReporter) {
        super(bugReporter);
    }

    @Override
    protected boolean mayReport(JavaClass javaClass) {
        return ClassReferences.referencesAny(javaClass, RESPONSES.toArray(new String[0])) && !isTestClass(javaClass);
    }

    @Override
    protected boolean mayReport(ClassNode cls, MethodNode method) {
        return RESPONSES.stream().anyMatch(owner -> MethodValues.mayCall(method, owner, "addCookie"));
    }

    @Override
    protected void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, MethodValues methodValues) {
        Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
        if (bcelMethod == null) {
            return;
        }
        Set<String> setSomewhere = flagsSetSomewhere(methodValues);
        for (CallSite call : methodValues.calls()) {
            if (!RESPONSES.contains(call.owner()) || !"addCookie".equals(call.name()) || !ADD_COOKIE.contains(call.desc())) {
                continue;
            }
            AbstractValue cookie = call.argument(0);
            String missing = madeHere(cookie) ? missingFlags(cookie, setSomewhere) : null;
            if (missing == null) {
                continue;
            }
            String name = cookie.creation() != null && "<init>".equals(cookie.creation().name())
                    && cookie.creation().argumentCount() > 0 ? cookie.creation().argument(0).constantString() : null;
            bugAccumulator.accumulateBug(new BugInstance(this, TYPE, priority(name, missing))
                    .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                    .addString(name == null ? "cookie" : "cookie \"" + name + "\"")
                    .addString(missing),
                    SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, call.insn()));
        }
    }

    /**
     * A cookie constructed in the method, or by a helper whose summary carries it: its flags are known. A cookie
     * returned by any other call (an overridable factory, a lambda) was configured out of sight.
     */
    private static boolean madeHere(AbstractValue cookie) {
        return cookie.isTracked() && !cookie.escaped() && cookie.creation() != null
                && "<init>".equals(cookie.creation().name()) && COOKIES.contains(cookie.creation().owner());
    }

    /**
     * The flags some reachable call in the method sets to true or to a run-time value, on whichever path: a flag
     * set under a configuration switch ({@code if (isCookieSecure()) cookie.setSecure(true)}) is a decision,
     * not an omission. The facts of the object say what holds on every path; this says what the code can do.
     */
    private static Set<String> flagsSetSomewhere(MethodValues methodValues) {
        Set<String> set = new java.util.TreeSet<>();
        for (CallSite call : methodValues.calls()) {
            if (COOKIES.contains(call.owner()) && call.argumentCount() == 1
                    && ("setSecure".equals(call.name()) || "setHttpOnly".equals(call.name()))
                    && !Integer.valueOf(0).equals(call.argument(0).constantInt())) {
                set.add(call.name());
            }
        }
        return set;
    }

    /** HIGH for a session or credential cookie, or an explicit {@code setSecure(false)}; NORMAL otherwise. */
    private static int priority(String name, String missing) {
        boolean sensitive = name != null && SENSITIVE_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
        return sensitive || missing.contains("setSecure(false)") ? Priorities.HIGH_PRIORITY : Priorities.NORMAL_PRIORITY;
    }

    /** What to fix, e.g. "call setSecure(true) and setHttpOnly(true)"; {@code null} when the cookie is fine. */
    static String missingFlags(AbstractValue cookie, Set<String> setSomewhere) {
        Flag secure = Flag.UNSET;
        Flag httpOnly = Flag.UNSET;
        for (Invocation fact : cookie.facts()) {
            if (fact.argumentCount() == 0) {
                continue;
            }
            AbstractValue value = fact.argument(0);
            if ("setMaxAge".equals(fact.name()) && Integer.valueOf(0).equals(value.constantInt())) {
                return null;
            }
            if ("setSecure".equals(fact.name())) {
                secure = Flag.of(value);
            } else if ("setHttpOnly".equals(fact.name())) {
                httpOnly = Flag.of(value);
            } else if ("setAttribute".equals(fact.name()) && value.constantString() != null) {
                // Servlet 6: setAttribute("Secure", "") / setAttribute("HttpOnly", "true") set the attribute.
                String attribute = value.constantString().toLowerCase(Locale.ROOT);
                if ("secure".equals(attribute)) {
                    secure = Flag.SET;
                } else if ("httponly".equals(attribute)) {
                    httpOnly = Flag.SET;
                }
            }
        }
        secure = setSomewhere.contains("setSecure") ? Flag.SET : secure;
        httpOnly = setSomewhere.contains("setHttpOnly") ? Flag.SET : httpOnly;
        boolean secureMissing = secure != Flag.SET;
        // An explicit setHttpOnly(false) documents a cookie that scripts must read (a CSRF token): left alone.
        boolean httpOnlyMissing = httpOnly == Flag.UNSET;
        if (!secureMissing && !httpOnlyMissing) {
            return null;
        }
        String fixSecure = secure == Flag.FALSE ? "replace setSecure(false) with setSecure(true)" : "call setSecure(true)";
        if (secureMissing && httpOnlyMissing) {
            return fixSecure + " and setHttpOnly(true)";
        }
        return secureMissing ? fixSecure : "call setHttpOnly(true)";
    }

    /** A flag as the code sets it: never, to a literal false, or to true or a value only known at run time. */
    private enum Flag {
        UNSET, FALSE, SET;

        static Flag of(AbstractValue value) {
            return Integer.valueOf(0).equals(value.constantInt()) ? FALSE : SET;
        }
    }
}
