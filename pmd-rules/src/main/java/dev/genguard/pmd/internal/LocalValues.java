package dev.genguard.pmd.internal;

import java.util.ArrayList;
import java.util.List;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.AccessType;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTBlock;
import net.sourceforge.pmd.lang.java.ast.ASTBreakStatement;
import net.sourceforge.pmd.lang.java.ast.ASTContinueStatement;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTExpressionStatement;
import net.sourceforge.pmd.lang.java.ast.ASTIfStatement;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTStatement;
import net.sourceforge.pmd.lang.java.ast.ASTThrowStatement;
import net.sourceforge.pmd.lang.java.ast.ASTUnaryExpression;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;

/**
 * Method-local value tracking without a dataflow pass: the values a local variable receives anywhere in its
 * scope, and the guard statements ({@code if (...) throw}) that check a value before use. Flow-insensitive on
 * purpose: generated code builds a value in straight lines, and a rule that sees every assignment never
 * misses the one that splices in input.
 */
public final class LocalValues {

    /** Method-name prefixes of assertion helpers that throw when their argument is false (Spring, Guava, commons-lang). */
    private static final List<String> ASSERTIONS = List.of("isTrue", "state", "check", "validState", "require", "assert");

    private LocalValues() {
    }

    /** The declaration of the local variable, parameter or lambda parameter that {@code expr} reads; null otherwise. */
    public static ASTVariableId declarationOf(ASTExpression expr) {
        if (expr instanceof ASTVariableAccess access) {
            JVariableSymbol sym = access.getReferencedSym();
            if (sym != null && !sym.isField()) {
                return sym.tryGetNode();
            }
        }
        return null;
    }

    /**
     * The initializer and the right-hand side of every assignment of a local variable, simple or compound
     * ({@code +=}); use {@link #isCompound} to tell them apart.
     */
    public static List<ASTExpression> assignedValues(ASTVariableId id) {
        List<ASTExpression> values = new ArrayList<>();
        if (id.getInitializer() != null) {
            values.add(id.getInitializer());
        }
        for (ASTNamedReferenceExpr usage : id.getLocalUsages()) {
            if (usage.getAccessType() == AccessType.WRITE && usage.getParent() instanceof ASTAssignmentExpression assignment
                    && assignment.getLeftOperand() == usage) {
                values.add(assignment.getRightOperand());
            }
        }
        return values;
    }

    /** True when {@code value} is the right-hand side of a compound assignment such as {@code sql += ...}. */
    public static boolean isCompound(ASTExpression value) {
        return value.getParent() instanceof ASTAssignmentExpression assignment && assignment.isCompound()
                && assignment.getRightOperand() == value;
    }

    /**
     * The guard that {@code check} (a test inside a condition) belongs to: the {@code if} statement whose
     * condition holds it through {@code !}, {@code &&} and {@code ||}, when that statement's then-branch ends by
     * throwing, returning or leaving the loop; or an assertion call statement ({@code Assert.isTrue(check, ...)},
     * {@code Preconditions.checkArgument(check)}) whose argument it is. Null when the check guards nothing.
     */
    public static ASTStatement guardOf(ASTExpression check) {
        Node n = check;
        while (n.getParent() instanceof ASTUnaryExpression || n.getParent() instanceof ASTInfixExpression) {
            n = n.getParent();
        }
        Node parent = n.getParent();
        if (parent instanceof ASTIfStatement ifStatement
                && ifStatement.getCondition() == n && endsAbruptly(ifStatement.getThenBranch())) {
            return ifStatement;
        }
        if (parent instanceof ASTArgumentList
                && parent.getParent() instanceof ASTMethodCall call
                && call.getParent() instanceof ASTExpressionStatement statement
                && ASSERTIONS.stream().anyMatch(call.getMethodName()::startsWith)) {
            return statement;
        }
        return null;
    }

    /** True when {@code node} lies in the then-branch of the {@code if} whose condition holds {@code check}. */
    public static boolean inThenBranchOf(ASTExpression check, Node node) {
        Node n = check;
        while (n.getParent() instanceof ASTUnaryExpression || n.getParent() instanceof ASTInfixExpression) {
            n = n.getParent();
        }
        if (n.getParent() instanceof ASTIfStatement ifStatement
                && ifStatement.getCondition() == n) {
            ASTStatement then = ifStatement.getThenBranch();
            return node.ancestors().any(a -> a == then);
        }
        return false;
    }

    private static boolean endsAbruptly(ASTStatement statement) {
        ASTStatement last = statement;
        if (statement instanceof ASTBlock block) {
            if (block.isEmpty()) {
                return false;
            }
            last = block.get(block.size() - 1);
        }
        return last instanceof ASTThrowStatement || last instanceof ASTReturnStatement
                || last instanceof ASTContinueStatement || last instanceof ASTBreakStatement;
    }
}
