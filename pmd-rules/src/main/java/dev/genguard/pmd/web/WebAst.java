package dev.genguard.pmd.web;

import dev.genguard.pmd.internal.LocalValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTCastExpression;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTFieldAccess;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTThisExpression;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;

/**
 * Local, single-file value tracking shared by the web rules: which variable an expression names, what was
 * assigned to it, which calls were made on it and whether it left the method. Deliberately shallow: a value
 * that escapes into code we cannot see (a helper, a field of another class) is treated as unknown, and the
 * rules stay silent on unknown values.
 */
final class WebAst {

    private WebAst() {
    }

    /** The expression without casts around it: {@code (HttpURLConnection) url.openConnection()}. */
    static ASTExpression uncast(ASTExpression expr) {
        ASTExpression e = expr;
        while (e instanceof ASTCastExpression cast) {
            e = cast.getOperand();
        }
        return e;
    }

    /** The expression a value flows into: the outermost cast around it, so that parents are the real context. */
    static ASTExpression outerCast(ASTExpression expr) {
        ASTExpression e = expr;
        while (e.getParent() instanceof ASTCastExpression cast) {
            e = cast;
        }
        return e;
    }

    /**
     * The declaration of the variable the expression names, when it is declared in this file and is a local
     * variable or a field (read plainly or as {@code this.x}); null for parameters, catch parameters, and
     * anything else.
     */
    static ASTVariableId declaredVariable(ASTExpression expr) {
        ASTExpression e = uncast(expr);
        if (!(e instanceof ASTVariableAccess || e instanceof ASTFieldAccess access
                && access.getQualifier() instanceof ASTThisExpression)) {
            return null;
        }
        JVariableSymbol symbol = ((ASTNamedReferenceExpr) e).getReferencedSym();
        ASTVariableId id = symbol == null ? null : symbol.tryGetNode();
        if (id == null || !(id.isLocalVariable() || id.isField())) {
            return null;
        }
        return id;
    }

    /** The local variable (declared in a method body) the expression names, or null. */
    static ASTVariableId localVariable(ASTExpression expr) {
        ASTVariableId id = declaredVariable(expr);
        return id != null && id.isLocalVariable() ? id : null;
    }

    /** Every value given to the variable in this file: its initializer and the right side of each plain assignment. */
    static List<ASTExpression> definitions(ASTVariableId variable) {
        List<ASTExpression> values = LocalValues.assignedValues(variable);
        // A compound assignment (+=) builds on the old value: no definition stands for the variable alone.
        return values.stream().anyMatch(LocalValues::isCompound) ? List.of() : values;
    }

    /** The one value the variable ever holds in this file, without casts; null when it has none or several. */
    static ASTExpression onlyDefinition(ASTVariableId variable) {
        List<ASTExpression> values = definitions(variable);
        return values.size() == 1 ? uncast(values.get(0)) : null;
    }

    /**
     * The value behind an expression: the expression itself, or, when it names a local variable or a field of
     * this file with exactly one value, that value. Null when the variable has no single known value.
     */
    static ASTExpression resolve(ASTExpression expr) {
        ASTExpression e = uncast(expr);
        ASTVariableId variable = declaredVariable(e);
        if (variable == null) {
            return e;
        }
        return onlyDefinition(variable);
    }

    /** The calls made on the variable in this file ({@code cookie.setSecure(true)}), in source order. */
    static List<ASTMethodCall> callsOn(ASTVariableId variable) {
        List<ASTMethodCall> calls = new ArrayList<>();
        for (ASTNamedReferenceExpr use : variable.getLocalUsages()) {
            if (use.getParent() instanceof ASTMethodCall call && call.getQualifier() == use) {
                calls.add(call);
            }
        }
        return calls;
    }

    /** The call whose argument the expression is (through casts), or null. */
    static JavaNode invocationTaking(ASTExpression expr) {
        ASTExpression e = outerCast(expr);
        return e.getParent() instanceof ASTArgumentList args ? args.getParent() : null;
    }

    /**
     * Whether a use of a variable hands the value to code this rule cannot see: passed as an argument to any
     * call for which {@code allowed} is false, returned, or stored in another variable.
     */
    static boolean escapes(ASTNamedReferenceExpr use, Predicate<JavaNode> allowed) {
        ASTExpression e = outerCast(use);
        Node parent = e.getParent();
        if (parent instanceof ASTArgumentList args) {
            return !allowed.test((JavaNode) args.getParent());
        }
        if (parent instanceof ASTReturnStatement) {
            return true;
        }
        if (parent instanceof ASTAssignmentExpression assignment) {
            return assignment.getRightOperand() == e;
        }
        return parent instanceof ASTVariableId || parent instanceof ASTVariableDeclarator
                || parent instanceof ASTLambdaExpression;
    }

    /**
     * The calls of a fluent chain, innermost first: for {@code A.from(x).secure(true).build()} the calls
     * {@code from}, {@code secure}, {@code build}.
     */
    static List<ASTMethodCall> chain(ASTMethodCall last) {
        List<ASTMethodCall> calls = new ArrayList<>();
        ASTExpression e = last;
        while (e instanceof ASTMethodCall call) {
            calls.add(0, call);
            e = call.getQualifier();
        }
        return calls;
    }

    static boolean anyNamed(List<ASTMethodCall> calls, String name) {
        return calls.stream().anyMatch(c -> c.getMethodName().equals(name));
    }

    /**
     * Whether a value created here is only a default that the code lets its callers replace: handed straight to
     * a constructor or method ({@code this(HttpClients.createDefault())}, a wrapper), or stored in a field that is
     * assigned elsewhere too (a setter or another constructor takes a configured one). Framework support
     * classes do this; the settings belong to whoever configures them.
     */
    static boolean isReplaceableDefault(ASTExpression created) {
        return invocationTaking(created) != null || isFieldDefault(created);
    }

    /** Whether a value created here is stored in a field that the file assigns elsewhere too (setters, constructors). */
    static boolean isFieldDefault(ASTExpression created) {
        ASTVariableId variable = storedIn(created);
        return variable != null && variable.isField() && definitions(variable).size() > 1;
    }

    /** The variable a newly created value is stored in (initializer or plain assignment), or null. */
    static ASTVariableId storedIn(ASTExpression created) {
        ASTExpression e = outerCast(created);
        if (e.getParent() instanceof ASTVariableDeclarator declarator && declarator.getInitializer() == e) {
            return declarator.getVarId();
        }
        if (e.getParent() instanceof ASTAssignmentExpression assignment && assignment.getRightOperand() == e) {
            return declaredVariable(assignment.getLeftOperand());
        }
        return null;
    }
}
