package dev.genguard.pmd.internal;

import java.util.List;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Recognizes calls that only report: a logger call, a print to a stream, {@code e.printStackTrace()}. Rules
 * use it to tell a block that handles a failure from one that only writes it down and carries on.
 */
public final class LoggingCalls {

    /** Receiver types whose calls only log or print. Resolved by type, so a user's own {@code Logger} stays unknown. */
    private static final List<String> LOGGERS = List.of(
            "org.slf4j.Logger", "java.util.logging.Logger", "java.lang.System$Logger",
            "org.apache.logging.log4j.Logger", "org.apache.commons.logging.Log", "java.io.PrintStream",
            "java.io.PrintWriter");

    private static final InvocationMatcher PRINT_STACK_TRACE = InvocationMatcher.parse("java.lang.Throwable#printStackTrace(_*)");

    private LoggingCalls() {
    }

    /** Whether {@code expr} is a call that only logs or prints ({@code log.warn(...)}, {@code System.err.println(...)}). */
    public static boolean isLogging(ASTExpression expr) {
        if (!(expr instanceof ASTMethodCall call)) {
            return false;
        }
        if (PRINT_STACK_TRACE.matchesCall(call)) {
            return true;
        }
        ASTExpression receiver = call.getQualifier();
        return receiver != null && LOGGERS.stream().anyMatch(type -> TypeTestUtil.isA(type, receiver));
    }
}
