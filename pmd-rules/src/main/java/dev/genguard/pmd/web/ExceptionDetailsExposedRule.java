package dev.genguard.pmd.web;

import dev.genguard.pmd.internal.Annotations;
import dev.genguard.pmd.internal.SourceKind;
import java.util.List;
import java.util.Set;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTCatchParameter;
import net.sourceforge.pmd.lang.java.ast.ASTClassType;
import net.sourceforge.pmd.lang.java.ast.ASTCompilationUnit;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.BinaryOp;
import net.sourceforge.pmd.lang.java.ast.InvocationNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JTypeDeclSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.JTypeMirror;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds exception messages and stack traces written into an HTTP response: a {@code ResponseEntity} or
 * {@code ProblemDetail} body, the return value of a {@code @ResponseBody} handler or {@code @ExceptionHandler},
 * {@code sendError}'s message, or the servlet response's writer. Reports the argument (or returned value) that
 * carries the detail.
 *
 * <p>A message is only a finding when it comes from an exception type of a library or the JDK, whose text the
 * application does not control (SQL, file paths, class names, upstream responses). The message of an exception
 * type of the application itself (same leading package as the file, e.g. {@code com.acme}) and of Spring's
 * {@code ResponseStatusException} (whose reason the code sets) is taken as written for clients. A stack trace is
 * never meant for clients, whatever the type.
 */
public class ExceptionDetailsExposedRule extends AbstractJavaRulechainRule {

    private static final String THROWABLE = "java.lang.Throwable";

    /** Calls whose arguments are sent to the client: response bodies and error details. */
    private static final CompoundInvocationMatcher BODY_SINKS = InvocationMatcher.parseAll(
            "org.springframework.http.ResponseEntity$BodyBuilder#body(_)",
            "org.springframework.http.ResponseEntity#ok(_)",
            "org.springframework.http.ResponseEntity#new(_*)",
            "org.springframework.http.ProblemDetail#forStatusAndDetail(_,_)",
            "org.springframework.http.ProblemDetail#setDetail(_)",
            "org.springframework.http.ProblemDetail#setTitle(_)");

    /** {@code sendError(status, message)}: the container renders the message into its error page. */
    private static final CompoundInvocationMatcher SEND_ERROR = InvocationMatcher.parseAll(
            "javax.servlet.http.HttpServletResponse#sendError(int,java.lang.String)",
            "jakarta.servlet.http.HttpServletResponse#sendError(int,java.lang.String)");

    private static final CompoundInvocationMatcher RESPONSE_STREAMS = InvocationMatcher.parseAll(
            "javax.servlet.ServletResponse#getWriter()",
            "javax.servlet.ServletResponse#getOutputStream()",
            "jakarta.servlet.ServletResponse#getWriter()",
            "jakarta.servlet.ServletResponse#getOutputStream()");

    /** Writers and streams that wrap another one: {@code new PrintWriter(response.getOutputStream())}. */
    private static final CompoundInvocationMatcher WRAPPERS = InvocationMatcher.parseAll(
            "java.io.PrintWriter#new(_*)",
            "java.io.PrintStream#new(_*)",
            "java.io.OutputStreamWriter#new(_*)",
            "java.io.BufferedWriter#new(_*)");

    private static final Set<String> WRITES = Set.of("print", "println", "write", "append", "printf", "format");

    private static final InvocationMatcher PRINT_STACK_TRACE = InvocationMatcher.parse("java.lang.Throwable#printStackTrace(_)");

    private static final Set<String> MESSAGE_METHODS = Set.of("getMessage", "getLocalizedMessage", "toString");

    /** Conversions of an object to its {@code toString()}: of a throwable, its class name and message. */
    private static final CompoundInvocationMatcher TO_STRING = InvocationMatcher.parseAll(
            "java.lang.String#valueOf(java.lang.Object)",
            "java.util.Objects#toString(_*)");

    /** Exceptions whose message the application sets for clients. */
    private static final List<String> CLIENT_MESSAGE_TYPES = List.of("org.springframework.web.server.ResponseStatusException");

    private static final List<String> HANDLER_ANNOTATIONS = List.of(
            "org.springframework.web.bind.annotation.ExceptionHandler",
            "org.springframework.web.bind.annotation.RequestMapping",
            "org.springframework.web.bind.annotation.GetMapping",
            "org.springframework.web.bind.annotation.PostMapping",
            "org.springframework.web.bind.annotation.PutMapping",
            "org.springframework.web.bind.annotation.DeleteMapping",
            "org.springframework.web.bind.annotation.PatchMapping");

    private static final List<String> BUILT_RESPONSES = List.of(
            "org.springframework.http.HttpEntity", "org.springframework.http.ProblemDetail");

    private static final String RESPONSE_BODY = "org.springframework.web.bind.annotation.ResponseBody";
    private static final List<String> RESPONSE_BODY_TYPES = List.of(
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.web.bind.annotation.RestControllerAdvice",
            RESPONSE_BODY);

    /** How many variables deep a value is followed ({@code body.put("error", msg)} where {@code msg = e.getMessage()}). */
    private static final int MAX_DEPTH = 3;

    public ExceptionDetailsExposedRule() {
        super(ASTMethodCall.class, ASTConstructorCall.class, ASTReturnStatement.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (SourceKind.isTestSource(call)) {
            return data;
        }
        if (BODY_SINKS.anyMatch(call)) {
            reportFirstArgument(call, true, data);
        } else if (SEND_ERROR.anyMatch(call)) {
            ASTExpression message = call.getArguments().get(1);
            if (carriesDetail(message, MAX_DEPTH)) {
                asCtx(data).addViolation(message, "this error message");
            }
        } else if (PRINT_STACK_TRACE.matchesCall(call) && isResponseStream(call.getArguments().get(0), MAX_DEPTH)) {
            asCtx(data).addViolation(call, "printing the stack trace to the response");
        } else if (WRITES.contains(call.getMethodName()) && call.getQualifier() != null
                && isResponseStream(call.getQualifier(), MAX_DEPTH)) {
            reportFirstArgument(call, false, data);
        }
        return data;
    }

    @Override
    public Object visit(ASTConstructorCall call, Object data) {
        if (BODY_SINKS.anyMatch(call) && !SourceKind.isTestSource(call)) {
            reportFirstArgument(call, true, data);
        }
        return data;
    }

    @Override
    public Object visit(ASTReturnStatement ret, Object data) {
        ASTExpression value = ret.getExpr();
        if (value == null) {
            return data;
        }
        ASTMethodDeclaration method = returningMethod(ret);
        if (method == null || !isResponseBodyHandler(method) || SourceKind.isTestSource(ret)) {
            return data;
        }
        if (BUILT_RESPONSES.stream().anyMatch(t -> TypeTestUtil.isA(t, value))) {
            // Response entities and problem details are checked where they are built.
            return data;
        }
        if (carriesDetail(value, MAX_DEPTH)) {
            asCtx(data).addViolation(value, "this response body");
        }
        return data;
    }

    /**
     * Reports the first argument of a sink that carries exception detail. A throwable given whole to a body is
     * serialised with its stack trace; printed to a writer, only its {@code toString()} (class and message).
     */
    private void reportFirstArgument(InvocationNode call, boolean serialised, Object data) {
        ASTArgumentList args = call.getArguments();
        for (ASTExpression arg : args) {
            boolean whole = serialised ? TypeTestUtil.isA(THROWABLE, arg) : isForeignThrowable(arg);
            if (whole || carriesDetail(arg, MAX_DEPTH)) {
                asCtx(data).addViolation(arg, serialised ? "this response body" : "this response output");
                return;
            }
        }
    }

    /**
     * Whether the expression carries an exception's message or stack trace, directly or through local variables
     * (their values and what was put into them: {@code body.put("error", e.getMessage())}).
     */
    static boolean carriesDetail(ASTExpression expr, int depth) {
        for (ASTExpression e : expr.descendantsOrSelf().crossFindBoundaries().filterIs(ASTExpression.class)) {
            if (e instanceof ASTMethodCall call && isDetailCall(call, depth)) {
                return true;
            }
            if (e instanceof ASTInfixExpression infix && infix.getOperator() == BinaryOp.ADD
                    && TypeTestUtil.isA(String.class, infix)
                    && (isForeignThrowable(infix.getLeftOperand()) || isForeignThrowable(infix.getRightOperand()))) {
                return true;
            }
            if (depth > 0 && e instanceof ASTNamedReferenceExpr && variableCarriesDetail(e, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDetailCall(ASTMethodCall call, int depth) {
        ASTExpression receiver = call.getQualifier();
        String name = call.getMethodName();
        if (receiver != null && TypeTestUtil.isA(THROWABLE, receiver)) {
            if (name.equals("getStackTrace")) {
                return true;
            }
            return MESSAGE_METHODS.contains(name) && call.getArguments().isEmpty() && !isClientMessage(receiver);
        }
        if (TO_STRING.anyMatch(call) && !call.getArguments().isEmpty() && isForeignThrowable(call.getArguments().get(0))) {
            return true;
        }
        // A StringWriter that a stack trace was printed into: sw.toString(), sw.getBuffer().
        if (receiver != null && TypeTestUtil.isA("java.io.StringWriter", receiver)) {
            ASTVariableId writer = WebAst.localVariable(receiver);
            return writer != null && receivesStackTrace(writer);
        }
        return false;
    }

    private static boolean isForeignThrowable(ASTExpression expr) {
        return TypeTestUtil.isA(THROWABLE, expr) && !isClientMessage(expr);
    }

    private static boolean variableCarriesDetail(ASTExpression reference, int depth) {
        ASTVariableId variable = WebAst.localVariable(reference);
        if (variable == null) {
            return false;
        }
        for (ASTExpression value : WebAst.definitions(variable)) {
            if (carriesDetail(value, depth)) {
                return true;
            }
        }
        for (ASTMethodCall call : WebAst.callsOn(variable)) {
            for (ASTExpression arg : call.getArguments()) {
                if (carriesDetail(arg, depth)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code e.printStackTrace(new PrintWriter(sw))}: the writer ends up holding the stack trace. */
    private static boolean receivesStackTrace(ASTVariableId writer) {
        for (ASTNamedReferenceExpr use : writer.getLocalUsages()) {
            for (Node n = use.getParent(); n instanceof ASTExpression || n instanceof ASTArgumentList; n = n.getParent()) {
                if (n instanceof ASTMethodCall call && PRINT_STACK_TRACE.matchesCall(call)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the throwable's message is written for clients: its type (every alternative of a multi-catch) is
     * the application's own or a {@code ResponseStatusException}.
     */
    private static boolean isClientMessage(ASTExpression throwable) {
        ASTExpression e = WebAst.uncast(throwable);
        if (e instanceof ASTNamedReferenceExpr ref && ref.getReferencedSym() != null
                && ref.getReferencedSym().tryGetNode() != null
                && ref.getReferencedSym().tryGetNode().getParent() instanceof ASTCatchParameter catchParam) {
            List<ASTClassType> types = catchParam.getAllExceptionTypes().toList();
            return !types.isEmpty() && types.stream().allMatch(t -> isClientMessageType(t.getTypeMirror(), t));
        }
        return isClientMessageType(e.getTypeMirror(), e);
    }

    private static boolean isClientMessageType(JTypeMirror type, Node context) {
        if (CLIENT_MESSAGE_TYPES.stream().anyMatch(t -> TypeTestUtil.isA(t, type))) {
            return true;
        }
        JTypeDeclSymbol symbol = type.getSymbol();
        if (symbol == null) {
            return false;
        }
        String ownPackage = context.getRoot() instanceof ASTCompilationUnit unit ? unit.getPackageName() : "";
        return sameOrganisation(symbol.getPackageName(), ownPackage);
    }

    /**
     * Whether two packages belong to the same code base: they share their first two segments ({@code com.acme}),
     * or are equal when the file's package is shorter.
     */
    static boolean sameOrganisation(String typePackage, String filePackage) {
        String[] own = filePackage.split("\\.");
        String[] other = typePackage.split("\\.");
        int n = Math.min(2, own.length);
        if (filePackage.isEmpty() || other.length < n) {
            return typePackage.equals(filePackage);
        }
        for (int i = 0; i < n; i++) {
            if (!own[i].equals(other[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the expression is the servlet response's writer or stream, or a writer wrapped around it. */
    private static boolean isResponseStream(ASTExpression expr, int depth) {
        ASTExpression e = WebAst.uncast(expr);
        if (e instanceof ASTMethodCall call) {
            return RESPONSE_STREAMS.anyMatch(call);
        }
        if (e instanceof ASTConstructorCall ctor) {
            return WRAPPERS.anyMatch(ctor) && !ctor.getArguments().isEmpty()
                    && isResponseStream(ctor.getArguments().get(0), depth);
        }
        ASTVariableId variable = WebAst.localVariable(e);
        if (variable == null || depth == 0) {
            return false;
        }
        ASTExpression value = WebAst.onlyDefinition(variable);
        return value != null && isResponseStream(value, depth - 1);
    }

    /** The method a return statement returns from, or null when it returns from a lambda or a nested class. */
    private static ASTMethodDeclaration returningMethod(ASTReturnStatement ret) {
        for (Node n = ret.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ASTLambdaExpression || n instanceof ASTTypeDeclaration) {
                return null;
            }
            if (n instanceof ASTMethodDeclaration method) {
                return method;
            }
        }
        return null;
    }

    /** A request or exception handler whose return value Spring writes into the response body. */
    private static boolean isResponseBodyHandler(ASTMethodDeclaration method) {
        if (!Annotations.isAnyPresent(method, HANDLER_ANNOTATIONS)) {
            return false;
        }
        ASTTypeDeclaration owner = method.getEnclosingType();
        return Annotations.isPresent(method, RESPONSE_BODY) || owner != null && Annotations.isAnyPresent(owner, RESPONSE_BODY_TYPES);
    }
}
