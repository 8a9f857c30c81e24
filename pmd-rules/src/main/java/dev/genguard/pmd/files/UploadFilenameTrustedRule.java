package dev.genguard.pmd.files;

import dev.genguard.pmd.internal.LocalValues;
import dev.genguard.pmd.internal.SourceKind;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.AccessType;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTCastExpression;
import net.sourceforge.pmd.lang.java.ast.ASTConditionalExpression;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.InvocationNode;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JClassSymbol;
import net.sourceforge.pmd.lang.java.symbols.JTypeDeclSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.JMethodSig;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds a client-supplied upload file name ({@code MultipartFile.getOriginalFilename()},
 * {@code Part.getSubmittedFileName()}) used, directly or through locals of the same method, to build a path
 * or file ({@code Paths.get}, {@code Path.of}, {@code resolve}, {@code new File}, {@code new FileOutputStream},
 * {@code Part.write}). Reports the construction. Silent when the name is first reduced to its last segment
 * ({@code Paths.get(name).getFileName()}, commons-io {@code FilenameUtils.getName}, Spring
 * {@code StringUtils.getFilename}), when a guard rejects {@code ..} or separators, or when the normalized target
 * is checked to stay under the upload directory ({@code normalize()} and {@code startsWith(base)} with a throw).
 * Spring's {@code StringUtils.cleanPath} alone keeps a leading {@code ../}, so it passes the taint on.
 */
public class UploadFilenameTrustedRule extends AbstractJavaRulechainRule {

    private static final CompoundInvocationMatcher SOURCES = InvocationMatcher.parseAll(
            "org.springframework.web.multipart.MultipartFile#getOriginalFilename()",
            "jakarta.servlet.http.Part#getSubmittedFileName()",
            "javax.servlet.http.Part#getSubmittedFileName()");

    private static final CompoundInvocationMatcher SINKS = InvocationMatcher.parseAll(
            "java.nio.file.Paths#get(_*)",
            "java.nio.file.Path#of(_*)",
            "java.nio.file.Path#resolve(_*)",
            "java.nio.file.Path#resolveSibling(_*)",
            "java.nio.file.FileSystem#getPath(_*)",
            "java.io.File#new(_*)",
            "java.io.FileOutputStream#new(_*)",
            "java.io.FileWriter#new(_*)",
            "java.io.RandomAccessFile#new(_*)",
            "jakarta.servlet.http.Part#write(_*)",
            "javax.servlet.http.Part#write(_*)");

    /** Helpers that keep only the last path segment. */
    private static final CompoundInvocationMatcher BASENAME = InvocationMatcher.parseAll(
            "org.apache.commons.io.FilenameUtils#getName(_*)",
            "org.apache.commons.io.FilenameUtils#getBaseName(_*)",
            "org.springframework.util.StringUtils#getFilename(_*)");

    /** Calls that make a path canonical, so that a startsWith check on it means containment. */
    private static final Set<String> NORMALIZING = Set.of("normalize", "toRealPath", "getCanonicalPath", "getCanonicalFile");

    public UploadFilenameTrustedRule() {
        super(ASTMethodCall.class, ASTConstructorCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        check(call, call.getArguments(), data);
        return data;
    }

    @Override
    public Object visit(ASTConstructorCall call, Object data) {
        check(call, call.getArguments(), data);
        return data;
    }

    private void check(InvocationNode sink, ASTArgumentList args, Object data) {
        if (args == null || args.isEmpty() || !SINKS.anyMatch(sink)) {
            return;
        }
        boolean tainted = args.toStream().any(arg -> TypeTestUtil.isA(String.class, arg) && tainted(arg, new HashSet<>()));
        if (!tainted || reducedToFileName(sink) || guardedContainment(sink, false) || SourceKind.isTestSource(sink)) {
            return;
        }
        ASTVariableId target = assignedLocal(sink);
        if (target != null && containmentChecked(target, normalizes(target), 0)) {
            return;
        }
        asCtx(data).addViolation(sink);
    }

    /** True when the expression carries the uploaded name, possibly concatenated, trimmed or cleaned. */
    private static boolean tainted(ASTExpression e, Set<Node> seen) {
        if (e == null || e.getConstValue() != null) {
            return false;
        }
        if (e instanceof ASTInfixExpression infix) {
            return tainted(infix.getLeftOperand(), seen) || tainted(infix.getRightOperand(), seen);
        }
        if (e instanceof ASTConditionalExpression cond) {
            return tainted(cond.getThenBranch(), seen) || tainted(cond.getElseBranch(), seen);
        }
        if (e instanceof ASTCastExpression cast) {
            return tainted(cast.getOperand(), seen);
        }
        if (e instanceof ASTMethodCall call) {
            return taintedCall(call, seen);
        }
        ASTVariableId local = LocalValues.declarationOf(e);
        if (local == null || !local.isLocalVariable() || !seen.add(local) || nameChecked(local)) {
            return false;
        }
        return LocalValues.assignedValues(local).stream().anyMatch(value -> tainted(value, seen));
    }

    private static boolean taintedCall(ASTMethodCall call, Set<Node> seen) {
        if (SOURCES.anyMatch(call)) {
            return true;
        }
        if (BASENAME.anyMatch(call)) {
            return false;
        }
        JMethodSig method = call.getMethodType();
        String owner = declaringType(method);
        String name = call.getMethodName();
        if (owner.equals("java.lang.String")) {
            // name.substring(name.lastIndexOf('.')) keeps the extension, name.substring(name.lastIndexOf('/') + 1)
            // the last segment: neither can climb out of the directory.
            if (name.equals("substring") && call.getArguments().descendants(ASTMethodCall.class)
                    .any(c -> c.getMethodName().equals("lastIndexOf"))) {
                return false;
            }
            boolean receiver = !method.isStatic() && tainted(call.getQualifier(), seen);
            return receiver || call.getArguments().toStream().any(arg -> tainted(arg, seen));
        }
        if (owner.equals("org.springframework.util.StringUtils") && name.equals("cleanPath")
                || owner.equals("java.util.Objects") && name.startsWith("requireNonNull")) {
            return tainted(call.getArguments().get(0), seen);
        }
        // Any other call (a UUID, the user's own sanitizer) makes a new name.
        return false;
    }

    /**
     * True when a guard in the method rejects the name by a traversal test on it: {@code name.contains("..")},
     * {@code name.contains("/")}, {@code name.contains(File.separator)}, {@code name.indexOf('\\') >= 0},
     * {@code name.matches(regex)}, {@code PATTERN.matcher(name).matches()}, followed by a throw or return.
     */
    private static boolean nameChecked(ASTVariableId local) {
        for (ASTNamedReferenceExpr usage : local.getLocalUsages()) {
            Node parent = usage.getParent();
            ASTMethodCall check = null;
            if (parent instanceof ASTMethodCall c && c.getQualifier() == usage && c.getArguments().size() >= 1) {
                String name = c.getMethodName();
                if (name.equals("matches")) {
                    check = c;
                } else if ((name.equals("contains") || name.equals("indexOf") || name.equals("startsWith")
                        || name.equals("endsWith")) && mentionsTraversal(c.getArguments().get(0))) {
                    check = c;
                }
            } else if (parent instanceof ASTArgumentList && parent.getParent() instanceof ASTMethodCall c
                    && c.getMethodName().equals("matcher") && c.getParent() instanceof ASTMethodCall m
                    && m.getQualifier() == c && m.getMethodName().equals("matches")) {
                check = m;
            }
            if (check != null && LocalValues.guardOf(check) != null) {
                return true;
            }
            // name = name.substring(name.lastIndexOf('/') + 1): the name cut to its last segment in place, as
            // servlet code does for browsers that send the client's whole path (Tomcat's manager).
            if (isSelfReducedToLastSegment(usage, local)) {
                return true;
            }
            // if (!base.resolve(name).normalize().startsWith(base)) throw ...
            if (parent instanceof ASTArgumentList && parent.getParent() instanceof InvocationNode sink
                    && SINKS.anyMatch(sink) && guardedContainment(sink, false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code usage} is the receiver of {@code name.substring(name.lastIndexOf('/') + 1)} (or of the
     * platform separator) assigned back to {@code name} itself.
     */
    private static boolean isSelfReducedToLastSegment(ASTNamedReferenceExpr usage, ASTVariableId local) {
        if (!(usage.getParent() instanceof ASTMethodCall substring) || substring.getQualifier() != usage
                || !substring.getMethodName().equals("substring")
                || !(substring.getParent() instanceof ASTAssignmentExpression assignment)
                || assignment.getRightOperand() != substring
                || LocalValues.declarationOf(assignment.getLeftOperand()) != local) {
            return false;
        }
        return substring.getArguments().descendants(ASTMethodCall.class)
                .any(c -> c.getMethodName().equals("lastIndexOf") && c.getArguments().size() == 1
                        && LocalValues.declarationOf(c.getQualifier()) == local
                        && isSlash(c.getArguments().get(0)));
    }

    private static boolean isSlash(ASTExpression arg) {
        Object value = arg.getConstValue();
        if (value != null) {
            return "/".equals(value.toString());
        }
        return arg instanceof ASTNamedReferenceExpr ref && ref.getName().toLowerCase(Locale.ROOT).contains("separator");
    }

    private static boolean mentionsTraversal(ASTExpression arg) {
        Object value = arg.getConstValue();
        if (value != null) {
            String text = value.toString();
            return text.contains("..") || text.contains("/") || text.contains("\\");
        }
        return arg instanceof ASTNamedReferenceExpr ref && ref.getName().toLowerCase(Locale.ROOT).contains("separator");
    }

    /** {@code Paths.get(name).getFileName()}, {@code new File(name).getName()}: only the last segment is kept. */
    private static boolean reducedToFileName(JavaNode sink) {
        Node n = sink;
        while (n.getParent() instanceof ASTMethodCall step && step.getQualifier() == n) {
            String name = step.getMethodName();
            if (name.equals("getFileName") || name.equals("getName")) {
                return true;
            }
            n = step;
        }
        return false;
    }

    /**
     * The local variable that receives the sink's value, through method chains ({@code .normalize()}) and
     * enclosing path constructions ({@code base.resolve(Paths.get(name))}); null when none does.
     */
    private static ASTVariableId assignedLocal(JavaNode node) {
        Node n = node;
        while (true) {
            Node parent = n.getParent();
            if (parent instanceof ASTMethodCall step && step.getQualifier() == n || parent instanceof ASTCastExpression) {
                n = parent;
            } else if (parent instanceof ASTArgumentList && parent.getParent() instanceof InvocationNode outer
                    && (outer instanceof ASTMethodCall || outer instanceof ASTConstructorCall)) {
                n = parent.getParent();
            } else if (parent instanceof ASTVariableDeclarator declarator) {
                ASTVariableId id = declarator.getVarId();
                return id.isLocalVariable() ? id : null;
            } else if (parent instanceof ASTAssignmentExpression assignment && assignment.getRightOperand() == n) {
                ASTVariableId id = LocalValues.declarationOf(assignment.getLeftOperand());
                return id != null && id.isLocalVariable() ? id : null;
            } else {
                return null;
            }
        }
    }

    /**
     * True when a guard checks that the path in {@code local} (or in a local derived from it) stays in a
     * directory: {@code startsWith(base)} or {@code getParent().equals(base)} with a throw or return, on a path
     * that was normalized first. Without normalization {@code base.resolve("../x").startsWith(base)} holds.
     */
    private static boolean containmentChecked(ASTVariableId local, boolean normalized, int depth) {
        for (ASTNamedReferenceExpr usage : local.getLocalUsages()) {
            if (usage.getAccessType() != AccessType.READ) {
                continue;
            }
            if (guardedContainment(usage, normalized)) {
                return true;
            }
            ASTVariableId derived = depth < 2 ? assignedLocal(usage) : null;
            if (derived != null && derived != local
                    && containmentChecked(derived, normalized || normalizes(derived), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Follows the call chain on {@code start} to a guarding {@code startsWith}/{@code equals} on a normalized path. */
    private static boolean guardedContainment(Node start, boolean normalized) {
        boolean normalizes = normalized;
        Node n = start;
        while (n.getParent() instanceof ASTMethodCall step && step.getQualifier() == n) {
            String name = step.getMethodName();
            normalizes |= NORMALIZING.contains(name);
            if ((name.equals("startsWith") || name.equals("equals")) && normalizes && LocalValues.guardOf(step) != null) {
                return true;
            }
            n = step;
        }
        return false;
    }

    private static boolean normalizes(ASTVariableId local) {
        return LocalValues.assignedValues(local).stream().anyMatch(value ->
                value.descendantsOrSelf().filterIs(ASTMethodCall.class).any(c -> NORMALIZING.contains(c.getMethodName())));
    }

    private static String declaringType(JMethodSig method) {
        JTypeDeclSymbol sym = method.getDeclaringType().getSymbol();
        return sym instanceof JClassSymbol cls && cls.getCanonicalName() != null ? cls.getCanonicalName() : "";
    }
}
