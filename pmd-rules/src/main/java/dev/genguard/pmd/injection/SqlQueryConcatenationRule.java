package dev.genguard.pmd.injection;

import dev.genguard.pmd.internal.LocalValues;
import dev.genguard.pmd.internal.NameWords;
import dev.genguard.pmd.internal.SourceKind;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTArrayAccess;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.AccessType;
import net.sourceforge.pmd.lang.java.ast.ASTCastExpression;
import net.sourceforge.pmd.lang.java.ast.ASTConditionalExpression;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTFieldAccess;
import net.sourceforge.pmd.lang.java.ast.ASTForeachStatement;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodReference;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTSuperExpression;
import net.sourceforge.pmd.lang.java.ast.ASTSwitchExpression;
import net.sourceforge.pmd.lang.java.ast.ASTThisExpression;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeExpression;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.BinaryOp;
import net.sourceforge.pmd.lang.java.ast.TypeNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JClassSymbol;
import net.sourceforge.pmd.lang.java.symbols.JFieldSymbol;
import net.sourceforge.pmd.lang.java.symbols.JTypeDeclSymbol;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.JArrayType;
import net.sourceforge.pmd.lang.java.types.JClassType;
import net.sourceforge.pmd.lang.java.types.JMethodSig;
import net.sourceforge.pmd.lang.java.types.JTypeMirror;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds SQL and JPQL queries built from a non-constant value and handed to JDBC, JPA or Spring's
 * {@code JdbcTemplate}: a concatenation ({@code +}, {@code +=}, {@code concat}), a {@code String.format},
 * {@code formatted} or {@code String.join}, or a {@code StringBuilder}, either as the argument itself or as a
 * local variable of the same method whose assignments and appends build it. Reports the call that runs the query.
 *
 * <p>A part is trusted when it cannot carry quotes or SQL: a compile-time constant, a number, a boolean or
 * an enum, a date or UUID (or a container of them), a {@code static final} field, this object's own fields and
 * getters (configuration such as a table name), a {@code Class} name, a value checked against an allowlist in the
 * same method ({@code if (!ALLOWED.contains(col)) throw}, {@code col.matches("[a-z_]+")}), a {@code switch} or
 * conditional whose results are trusted, or a value whose name says it is SQL by contract ({@code whereClause},
 * {@code queryString}): such fragments are composed here. A parameter right after an opening quote
 * ({@code "LIKE '%" + query}) is a value whatever its name.
 * A query passed through unchanged (a {@code sql} parameter) is no concatenation and stays silent.
 */
public class SqlQueryConcatenationRule extends AbstractJavaRulechainRule {

    private static final CompoundInvocationMatcher SINKS = InvocationMatcher.parseAll(
            "java.sql.Statement#execute(_*)",
            "java.sql.Statement#executeQuery(_*)",
            "java.sql.Statement#executeUpdate(_*)",
            "java.sql.Statement#executeLargeUpdate(_*)",
            "java.sql.Statement#addBatch(_*)",
            "java.sql.Connection#prepareStatement(_*)",
            "java.sql.Connection#prepareCall(_*)",
            "java.sql.Connection#nativeSQL(_*)",
            "jakarta.persistence.EntityManager#createQuery(_*)",
            "jakarta.persistence.EntityManager#createNativeQuery(_*)",
            "javax.persistence.EntityManager#createQuery(_*)",
            "javax.persistence.EntityManager#createNativeQuery(_*)",
            // Hibernate's Session declares its own query factories (resolved when Hibernate is on the classpath)
            "org.hibernate.query.QueryProducer#createQuery(_*)",
            "org.hibernate.query.QueryProducer#createNativeQuery(_*)",
            "org.hibernate.query.QueryProducer#createSQLQuery(_*)",
            "org.hibernate.query.QueryProducer#createSelectionQuery(_*)",
            "org.hibernate.query.QueryProducer#createMutationQuery(_*)",
            "org.springframework.jdbc.core.JdbcOperations#query(_*)",
            "org.springframework.jdbc.core.JdbcOperations#queryForObject(_*)",
            "org.springframework.jdbc.core.JdbcOperations#queryForList(_*)",
            "org.springframework.jdbc.core.JdbcOperations#queryForMap(_*)",
            "org.springframework.jdbc.core.JdbcOperations#queryForRowSet(_*)",
            "org.springframework.jdbc.core.JdbcOperations#queryForStream(_*)",
            "org.springframework.jdbc.core.JdbcOperations#update(_*)",
            "org.springframework.jdbc.core.JdbcOperations#execute(_*)",
            "org.springframework.jdbc.core.JdbcOperations#batchUpdate(_*)",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#query(_*)",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#queryForObject(_*)",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#queryForList(_*)",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#queryForMap(_*)",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#queryForRowSet(_*)",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#queryForStream(_*)",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#update(_*)",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#execute(_*)",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#batchUpdate(_*)",
            "org.springframework.jdbc.core.simple.JdbcClient#sql(_*)");

    private static final String STRING = "java.lang.String";
    private static final List<String> BUILDERS = List.of("java.lang.StringBuilder", "java.lang.StringBuffer");

    /** Name words of values that hold SQL text by contract rather than data: {@code whereClause}, {@code countSql}. */
    private static final Set<String> SQL_WORDS = Set.of(
            "sql", "hql", "jpql", "ddl", "dml", "query", "clause", "subquery", "subselect");

    /** Stream steps that keep the elements' provenance. */
    private static final Set<String> STREAM_STEPS = Set.of(
            "filter", "sorted", "distinct", "limit", "skip", "peek", "stream", "parallelStream", "boxed");

    public SqlQueryConcatenationRule() {
        super(ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (call.getArguments().isEmpty() || !SINKS.anyMatch(call) || SourceKind.isTestSource(call)) {
            return data;
        }
        ASTArgumentList args = call.getArguments();
        // batchUpdate(String... sql) runs every argument; the other sinks take the query first and bind values after it.
        boolean allQueries = call.getMethodName().equals("batchUpdate")
                && args.toStream().all(arg -> TypeTestUtil.isA(STRING, arg));
        int n = allQueries ? args.size() : 1;
        for (int i = 0; i < n; i++) {
            ASTExpression query = args.get(i);
            if (TypeTestUtil.isA(STRING, query) && builtFromUntrusted(query, new HashSet<>())) {
                asCtx(data).addViolation(call, call.getMethodName());
                return data;
            }
        }
        return data;
    }

    /** True when {@code e} is a string built here (not passed through) that splices in an untrusted part. */
    private static boolean builtFromUntrusted(ASTExpression e, Set<Node> seen) {
        if (e.getConstValue() != null) {
            return false;
        }
        if (e instanceof ASTInfixExpression infix) {
            return infix.getOperator() == BinaryOp.ADD && untrusted(e, seen);
        }
        if (e instanceof ASTConditionalExpression cond) {
            return builtFromUntrusted(cond.getThenBranch(), seen) || builtFromUntrusted(cond.getElseBranch(), seen);
        }
        if (e instanceof ASTSwitchExpression sw) {
            return sw.getYieldExpressions().any(y -> builtFromUntrusted(y, seen));
        }
        if (e instanceof ASTCastExpression cast) {
            return builtFromUntrusted(cast.getOperand(), seen);
        }
        if (e instanceof ASTMethodCall call) {
            return isBuilding(call) && untrusted(call, seen);
        }
        ASTVariableId local = LocalValues.declarationOf(e);
        if (local != null && local.isLocalVariable() && seen.add(local)) {
            for (ASTExpression value : LocalValues.assignedValues(local)) {
                if (LocalValues.isCompound(value) ? untrusted(value, seen) : builtFromUntrusted(value, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Calls that build a string from parts: concat, format, formatted, join, a builder's toString, a joining collector. */
    private static boolean isBuilding(ASTMethodCall call) {
        String name = call.getMethodName();
        JMethodSig method = call.getMethodType();
        if (isDeclaredIn(method, STRING)) {
            return name.equals("concat") || name.equals("format") || name.equals("formatted") || name.equals("join");
        }
        if (name.equals("toString") && call.getQualifier() != null && isBuilder(call.getQualifier())) {
            return true;
        }
        return isJoiningCollect(call);
    }

    /** True when a part may carry text the program does not control. */
    private static boolean untrusted(ASTExpression e, Set<Node> seen) {
        if (e == null || e.getConstValue() != null || e instanceof ASTLiteral || isTrustedType(e.getTypeMirror())) {
            return false;
        }
        if (e instanceof ASTInfixExpression infix) {
            // Walk a long a + b + c chain along its left spine, not by recursion: generated code concatenates
            // hundreds of lines, and a hostile input thousands.
            ASTInfixExpression link = infix;
            while (true) {
                ASTExpression right = link.getRightOperand();
                if (untrusted(right, seen) || isQuoted(link.getLeftOperand()) && isUncheckedParameter(right)) {
                    return true;
                }
                ASTExpression left = link.getLeftOperand();
                if (left instanceof ASTInfixExpression next && next.getConstValue() == null) {
                    link = next;
                } else {
                    return untrusted(left, seen);
                }
            }
        }
        if (e instanceof ASTConditionalExpression cond) {
            return untrusted(cond.getThenBranch(), seen) || untrusted(cond.getElseBranch(), seen);
        }
        if (e instanceof ASTSwitchExpression sw) {
            return sw.getYieldExpressions().any(y -> untrusted(y, seen));
        }
        if (e instanceof ASTCastExpression cast) {
            return untrusted(cast.getOperand(), seen);
        }
        if (e instanceof ASTArrayAccess access) {
            return untrusted(access.getQualifier(), seen);
        }
        if (e instanceof ASTVariableAccess || e instanceof ASTFieldAccess) {
            return untrustedVariable((ASTNamedReferenceExpr) e, seen);
        }
        if (e instanceof ASTMethodCall call) {
            return untrustedCall(call, seen);
        }
        if (e instanceof ASTConstructorCall ctor && isBuilder(ctor)) {
            return untrustedBuilder(ctor, seen);
        }
        return !(e instanceof ASTThisExpression);
    }

    /**
     * True when the text before a part opens a quoted SQL literal or identifier ({@code "... LIKE '%" + q}):
     * what follows is a value there, whatever its name says.
     */
    private static boolean isQuoted(ASTExpression before) {
        ASTExpression last = before instanceof ASTInfixExpression infix && before.getConstValue() == null
                ? infix.getRightOperand() : before;
        return last.getConstValue() instanceof String text
                && (text.endsWith("'") || text.endsWith("'%") || text.endsWith("\""));
    }

    /** A method parameter that no allowlist check confines: in a quoted position it is data, even if named {@code query}. */
    private static boolean isUncheckedParameter(ASTExpression e) {
        ASTVariableId id = LocalValues.declarationOf(e);
        return id != null && id.isFormalParameter() && !isTrustedType(e.getTypeMirror()) && !isAllowlisted(id, e);
    }

    private static boolean untrustedVariable(ASTNamedReferenceExpr ref, Set<Node> seen) {
        JVariableSymbol sym = ref.getReferencedSym();
        if (sym == null) {
            return true;
        }
        if (sym instanceof JFieldSymbol field) {
            // Constants and this object's own fields are configuration (a table name, a prefix); another
            // object's fields (user.name) are data.
            boolean constant = field.isFinal() && Modifier.isStatic(field.getModifiers());
            return !constant && !isOwn(ref) && !isSqlNamed(field.getSimpleName());
        }
        ASTVariableId id = sym.tryGetNode();
        if (id == null) {
            return true;
        }
        if (isAllowlisted(id, ref)) {
            return false;
        }
        if (id.isLambdaParameter()) {
            return untrustedLambdaParameter(id, seen);
        }
        if (id.isForeachVariable()) {
            ASTForeachStatement loop = id.ancestors(ASTForeachStatement.class).first();
            return loop == null || untrusted(loop.getIterableExpr(), seen);
        }
        if (id.isLocalVariable() && !id.isPatternBinding()) {
            if (!seen.add(id)) {
                return false;
            }
            if (isBuilder(id)) {
                return untrustedBuilderLocal(id, seen);
            }
            for (ASTExpression value : LocalValues.assignedValues(id)) {
                if (untrusted(value, seen)) {
                    return true;
                }
            }
            return false;
        }
        return !isSqlNamed(id.getName());
    }

    /** A lambda parameter of a stream step is as trusted as the stream's elements: {@code COLUMNS.stream().map(c -> c + " = ?")}. */
    private static boolean untrustedLambdaParameter(ASTVariableId id, Set<Node> seen) {
        ASTLambdaExpression lambda = id.ancestors(ASTLambdaExpression.class).first();
        if (lambda != null && lambda.getParent() instanceof ASTArgumentList list
                && list.getParent() instanceof ASTMethodCall step && step.getQualifier() != null
                && isStream(step.getQualifier())) {
            return untrustedStream(step.getQualifier(), seen);
        }
        return true;
    }

    private static boolean untrustedCall(ASTMethodCall call, Set<Node> seen) {
        String name = call.getMethodName();
        ASTExpression qualifier = call.getQualifier();
        JMethodSig method = call.getMethodType();
        boolean statik = method.isStatic();
        if (qualifier != null && !statik && call.getArguments().isEmpty() && isTrustedType(qualifier.getTypeMirror())) {
            return false; // an enum constant's name() or fixed column, a number's or UUID's toString()
        }
        if (name.equals("toString") && qualifier != null && isBuilder(qualifier)) {
            return untrustedBuilder(qualifier, seen);
        }
        if (qualifier != null && TypeTestUtil.isA(Class.class, qualifier)) {
            return false; // entityClass.getSimpleName() in generic DAOs: a name from the program
        }
        if (isJoiningCollect(call)) {
            return untrustedStream(qualifier, seen) || anyUntrusted(((ASTMethodCall) call.getArguments().get(0)).getArguments(), seen);
        }
        String owner = declaringType(method);
        // String's own methods and the JDK's value helpers (String.valueOf, Collections.nCopies, List.of) keep
        // the trust of their inputs: "?".repeat(n) and String.join(",", nCopies(n, "?")) are placeholders.
        if (owner.equals(STRING) || statik && (owner.startsWith("java.lang.") || owner.startsWith("java.util."))
                && !owner.startsWith("java.util.regex.")) {
            boolean receiverUntrusted = !statik && qualifier != null && untrusted(qualifier, seen);
            return receiverUntrusted || anyUntrusted(call.getArguments(), seen);
        }
        if ((name.equals("get") || name.equals("getOrDefault")) && qualifier != null && isConstantField(qualifier)
                && TypeTestUtil.isA("java.util.Map", qualifier)) {
            // A lookup in a fixed map: the keys choose among the program's own values.
            return name.equals("getOrDefault") && untrusted(call.getArguments().get(1), seen);
        }
        if (call.getArguments().isEmpty() && !statik && isOwnState(qualifier)) {
            return false; // a getter on this object's state, like its fields: getTableName(), metadata.getEntityName()
        }
        if (isOwn(call) && isDeclaredInEnclosingClass(call)) {
            // A helper of this class fed only trusted values (detectAlias(queryString)) returns trusted text.
            return anyUntrusted(call.getArguments(), seen);
        }
        // A helper named for SQL returns a composed fragment: buildWhereClause(filter), getInsertSql().
        return !isSqlNamed(name);
    }

    /**
     * This object's state: one of its fields, or a chain of getters on it ({@code entityInformation.getEntityName()},
     * {@code getIdAttribute().getName()}).
     */
    private static boolean isOwnState(ASTExpression e) {
        if (e == null || e instanceof ASTThisExpression || e instanceof ASTSuperExpression) {
            return true;
        }
        if (e instanceof ASTNamedReferenceExpr ref) {
            return ref.getReferencedSym() instanceof JFieldSymbol && isOwn(e);
        }
        return e instanceof ASTMethodCall call && call.getArguments().isEmpty() && !call.getMethodType().isStatic()
                && isOwnState(call.getQualifier());
    }

    /** A field read or method call on this object: unqualified, {@code this.x} or {@code super.x()}. */
    private static boolean isOwn(ASTExpression e) {
        ASTExpression qualifier = e instanceof ASTFieldAccess access ? access.getQualifier()
                : e instanceof ASTMethodCall call ? call.getQualifier() : null;
        return qualifier == null || qualifier instanceof ASTThisExpression || qualifier instanceof ASTSuperExpression;
    }

    private static boolean isDeclaredInEnclosingClass(ASTMethodCall call) {
        ASTTypeDeclaration enclosing = call.getEnclosingType();
        return enclosing != null && call.getMethodType().getSymbol().getEnclosingClass().equals(enclosing.getSymbol());
    }

    private static boolean anyUntrusted(ASTArgumentList args, Set<Node> seen) {
        return args.toStream().any(arg -> untrusted(arg, seen));
    }

    // ---- StringBuilder ----

    private static boolean isBuilder(TypeNode node) {
        return BUILDERS.stream().anyMatch(type -> TypeTestUtil.isA(type, node));
    }

    /** Whether a builder expression ({@code sb}, {@code new StringBuilder(x)}, {@code sb.append(y)}) holds an untrusted part. */
    private static boolean untrustedBuilder(ASTExpression e, Set<Node> seen) {
        if (e instanceof ASTConstructorCall ctor) {
            return ctor.getArguments() != null && anyUntrusted(ctor.getArguments(), seen);
        }
        if (e instanceof ASTMethodCall call && call.getQualifier() != null && isBuilder(call.getQualifier())) {
            return untrustedBuilderStep(call, seen) || untrustedBuilder(call.getQualifier(), seen);
        }
        ASTVariableId local = LocalValues.declarationOf(e);
        if (local != null && local.isLocalVariable()) {
            return seen.add(local) && untrustedBuilderLocal(local, seen);
        }
        // A builder field, parameter or helper result is out of this method's sight.
        return false;
    }

    private static boolean untrustedBuilderStep(ASTMethodCall step, Set<Node> seen) {
        String name = step.getMethodName();
        if (name.equals("append") || name.equals("insert") || name.equals("replace")) {
            return anyUntrusted(step.getArguments(), seen);
        }
        return false;
    }

    /** A local builder: its initial values and every append chain rooted at it ({@code sb.append(a).append(b)}). */
    private static boolean untrustedBuilderLocal(ASTVariableId id, Set<Node> seen) {
        for (ASTExpression value : LocalValues.assignedValues(id)) {
            if (untrustedBuilder(value, seen)) {
                return true;
            }
        }
        for (ASTNamedReferenceExpr usage : id.getLocalUsages()) {
            if (usage.getAccessType() != AccessType.READ) {
                continue;
            }
            Node n = usage;
            while (n.getParent() instanceof ASTMethodCall step && step.getQualifier() == n) {
                if (untrustedBuilderStep(step, seen)) {
                    return true;
                }
                n = step;
            }
        }
        return false;
    }

    // ---- streams ----

    private static boolean isStream(ASTExpression e) {
        return TypeTestUtil.isA("java.util.stream.BaseStream", e);
    }

    /** {@code stream.collect(Collectors.joining(...))}. */
    private static boolean isJoiningCollect(ASTMethodCall call) {
        return call.getMethodName().equals("collect") && call.getQualifier() != null && isStream(call.getQualifier())
                && call.getArguments().size() == 1 && call.getArguments().get(0) instanceof ASTMethodCall collector
                && collector.getMethodName().equals("joining")
                && isDeclaredIn(collector.getMethodType(), "java.util.stream.Collectors");
    }

    /** Whether a stream's elements may be untrusted, following map/filter steps back to its source. */
    private static boolean untrustedStream(ASTExpression e, Set<Node> seen) {
        if (isTrustedType(e.getTypeMirror())) {
            return false;
        }
        if (!(e instanceof ASTMethodCall call)) {
            return untrusted(e, seen);
        }
        ASTExpression qualifier = call.getQualifier();
        String name = call.getMethodName();
        if (qualifier != null && !(qualifier instanceof ASTTypeExpression) && isStream(qualifier)) {
            if (STREAM_STEPS.contains(name)) {
                return untrustedStream(qualifier, seen);
            }
            if ((name.equals("map") || name.equals("mapToObj")) && call.getArguments().size() == 1) {
                ASTExpression mapper = call.getArguments().get(0);
                if (mapper instanceof ASTLambdaExpression lambda) {
                    return untrustedLambdaResult(lambda, seen);
                }
                return !(mapper instanceof ASTMethodReference) || untrustedStream(qualifier, seen);
            }
            return true;
        }
        if ((name.equals("stream") || name.equals("parallelStream")) && qualifier != null) {
            return untrusted(qualifier, seen);
        }
        // Stream.of(...), Arrays.stream(...), IntStream.range(...)
        return !(call.getMethodType().isStatic() && declaringType(call.getMethodType()).startsWith("java.util."))
                || anyUntrusted(call.getArguments(), seen);
    }

    private static boolean untrustedLambdaResult(ASTLambdaExpression lambda, Set<Node> seen) {
        if (lambda.isExpressionBody()) {
            return untrusted(lambda.getExpressionBody(), seen);
        }
        return lambda.getBlockBody().descendants(ASTReturnStatement.class).any(ret -> untrusted(ret.getExpr(), seen));
    }

    // ---- allowlists ----

    /**
     * True when the variable is confined to a fixed set: an allowlist test on it ({@code ALLOWED.contains(v)},
     * {@code map.containsKey(v)}, {@code v.matches(regex)}, {@code "asc".equalsIgnoreCase(v)}) guards the method
     * ({@code if (!...) throw}, {@code Assert.isTrue(...)}) or encloses {@code use} in its then-branch.
     */
    private static boolean isAllowlisted(ASTVariableId id, Node use) {
        for (ASTNamedReferenceExpr usage : id.getLocalUsages()) {
            ASTMethodCall check = allowlistCheck(usage);
            if (check != null && (LocalValues.guardOf(check) != null || LocalValues.inThenBranchOf(check, use))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The allowlist test that {@code usage} takes part in: {@code SET.contains(v)}, {@code MAP.containsKey(v)},
     * {@code PATTERN.matcher(v).matches()}, {@code "asc".equals(v)}, {@code v.matches(regex)}, {@code v.equals("asc")}.
     */
    private static ASTMethodCall allowlistCheck(ASTNamedReferenceExpr usage) {
        Node parent = usage.getParent();
        if (parent instanceof ASTArgumentList list && list.size() == 1 && list.getParent() instanceof ASTMethodCall c) {
            String name = c.getMethodName();
            if (name.equals("matcher") && c.getParent() instanceof ASTMethodCall m && m.getQualifier() == c
                    && m.getMethodName().equals("matches")) {
                return m;
            }
            if (name.equals("contains") || name.equals("containsKey")) {
                return c.getQualifier() != null ? c : null;
            }
            boolean constantReceiver = c.getQualifier() != null && c.getQualifier().getConstValue() != null;
            return (name.equals("equals") || name.equals("equalsIgnoreCase")) && constantReceiver ? c : null;
        }
        if (parent instanceof ASTMethodCall c && c.getQualifier() == usage && c.getArguments().size() == 1) {
            String name = c.getMethodName();
            boolean constantArgument = c.getArguments().get(0).getConstValue() != null;
            return (name.equals("matches") || name.equals("equals") || name.equals("equalsIgnoreCase")) && constantArgument
                    ? c : null;
        }
        return null;
    }

    // ---- types and names ----

    /** Numbers, booleans, characters, enums, and arrays, collections, optionals and streams of them. */
    private static boolean isTrustedType(JTypeMirror type) {
        if (type == null) {
            return false;
        }
        if (type == type.getTypeSystem().UNKNOWN || type == type.getTypeSystem().ERROR || type.isBottom()) {
            return false;
        }
        if (type.isPrimitive() || type.isBoxedPrimitive() || isEnum(type) || TypeTestUtil.isA(Number.class, type)
                || TypeTestUtil.isA("java.time.temporal.Temporal", type) || TypeTestUtil.isA("java.util.Date", type)
                || TypeTestUtil.isA("java.util.UUID", type)) {
            return true;
        }
        if (type.isArray()) {
            return isTrustedType(((JArrayType) type).getComponentType());
        }
        for (Class<?> container : List.of(Iterable.class, java.util.stream.Stream.class, java.util.Optional.class)) {
            if (TypeTestUtil.isA(container, type)) {
                JClassSymbol sym = (JClassSymbol) type.getTypeSystem().getClassSymbol(container);
                JTypeMirror asSuper = sym == null ? null : type.getAsSuper(sym);
                return asSuper instanceof JClassType ct && ct.getTypeArgs().size() == 1
                        && isTrustedType(ct.getTypeArgs().get(0));
            }
        }
        return false;
    }

    private static boolean isEnum(JTypeMirror type) {
        JTypeDeclSymbol sym = type.getSymbol();
        return sym instanceof JClassSymbol cls && cls.isEnum();
    }

    private static boolean isConstantField(ASTExpression e) {
        return e instanceof ASTNamedReferenceExpr ref && ref.getReferencedSym() instanceof JFieldSymbol field
                && field.isFinal() && Modifier.isStatic(field.getModifiers());
    }

    private static boolean isSqlNamed(String name) {
        return NameWords.split(name).stream().anyMatch(SQL_WORDS::contains);
    }

    private static String declaringType(JMethodSig method) {
        JTypeDeclSymbol sym = method.getDeclaringType().getSymbol();
        return sym instanceof JClassSymbol cls && cls.getCanonicalName() != null ? cls.getCanonicalName() : "";
    }

    private static boolean isDeclaredIn(JMethodSig method, String type) {
        return declaringType(method).equals(type);
    }
}
