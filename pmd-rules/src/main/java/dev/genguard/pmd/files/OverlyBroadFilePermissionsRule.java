package dev.genguard.pmd.files;

import dev.genguard.pmd.internal.NameWords;
import dev.genguard.pmd.internal.SourceKind;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTBodyDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTClassLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTFieldAccess;
import net.sourceforge.pmd.lang.java.ast.ASTIfStatement;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTStringLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JFieldSymbol;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds files opened to every user of the machine: {@code File.setWritable(true, false)} and
 * {@code setReadable(true, false)}, a {@code PosixFilePermissions.fromString} mode that lets others write
 * ({@code "rw-rw-rw-"}, {@code "rwxrwxrwx"}), {@code PosixFilePermission.OTHERS_WRITE} put into a permission
 * set, and {@code EnumSet.allOf(PosixFilePermission.class)}. Reading by others ({@code "rw-r--r--"},
 * {@code OTHERS_READ}) is the system default for ordinary files and is reported only in a method that sets the
 * permissions of a file named as a key, secret or credential. Execute for others ({@code "rwxr-xr-x"},
 * {@code setExecutable(true, false)}) exposes nothing by itself and stays silent.
 */
public class OverlyBroadFilePermissionsRule extends AbstractJavaRulechainRule {

    private static final String PERMISSION = "java.nio.file.attribute.PosixFilePermission";

    private static final CompoundInvocationMatcher OWNER_ONLY_SETTERS = InvocationMatcher.parseAll(
            "java.io.File#setReadable(boolean,boolean)",
            "java.io.File#setWritable(boolean,boolean)");
    private static final InvocationMatcher FROM_STRING =
            InvocationMatcher.parse("java.nio.file.attribute.PosixFilePermissions#fromString(java.lang.String)");
    private static final InvocationMatcher ALL_OF = InvocationMatcher.parse("java.util.EnumSet#allOf(java.lang.Class)");

    /** Calls that apply permissions to a path; their first argument names the file. */
    private static final CompoundInvocationMatcher APPLY = InvocationMatcher.parseAll(
            "java.nio.file.Files#setPosixFilePermissions(_*)",
            "java.nio.file.Files#createFile(_*)",
            "java.nio.file.Files#createDirectory(_*)",
            "java.nio.file.Files#createDirectories(_*)",
            "java.nio.file.Files#newByteChannel(_*)",
            "java.nio.file.Files#write(_*)",
            "java.nio.file.Files#writeString(_*)");

    /** Name words of files that hold secrets: {@code privateKeyPath}, {@code "credentials.json"}, {@code "server.pem"}. */
    private static final Set<String> SECRET_WORDS = Set.of(
            "key", "keys", "secret", "secrets", "credential", "credentials", "password", "passwords", "passwd",
            "token", "tokens", "private", "keystore", "truststore", "pem", "pfx", "jks", "rsa", "netrc", "pgpass",
            "htpasswd", "kubeconfig");

    /** Calls that add an element to a permission set; contains/remove only inspect or narrow it. */
    private static final Set<String> ADDING = Set.of("of", "add", "asList", "copyOf", "addAll", "ofEntries");

    public OverlyBroadFilePermissionsRule() {
        super(ASTMethodCall.class, ASTFieldAccess.class, ASTVariableAccess.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (OWNER_ONLY_SETTERS.anyMatch(call)) {
            ASTArgumentList args = call.getArguments();
            boolean everyone = Boolean.TRUE.equals(args.get(0).getConstValue()) && Boolean.FALSE.equals(args.get(1).getConstValue());
            boolean write = call.getMethodName().equals("setWritable");
            if (everyone && !appliesRequestedPermission(call) && !SourceKind.isTestSource(call)) {
                asCtx(data).addViolation(call, write ? "write access" : "read access", call.getMethodName() + "(true, false)");
            }
        } else if (FROM_STRING.matchesCall(call)) {
            Object mode = call.getArguments().get(0).getConstValue();
            if (mode instanceof String s && s.length() == 9 && !SourceKind.isTestSource(call)) {
                if (s.charAt(7) == 'w') {
                    asCtx(data).addViolation(call, "write access", '"' + s + '"');
                } else if (s.charAt(6) == 'r' && appliesToSecretFile(call)) {
                    asCtx(data).addViolation(call, "read access to a secret file", '"' + s + '"');
                }
            }
        } else if (ALL_OF.matchesCall(call) && call.getArguments().get(0) instanceof ASTClassLiteral literal
                && TypeTestUtil.isA(PERMISSION, literal.getTypeNode()) && !SourceKind.isTestSource(call)) {
            asCtx(data).addViolation(call, "write access", "EnumSet.allOf(PosixFilePermission.class)");
        }
        return data;
    }

    @Override
    public Object visit(ASTFieldAccess access, Object data) {
        checkConstant(access, data);
        return data;
    }

    @Override
    public Object visit(ASTVariableAccess access, Object data) {
        // OTHERS_WRITE under a static import
        checkConstant(access, data);
        return data;
    }

    private void checkConstant(ASTNamedReferenceExpr ref, Object data) {
        String name = ref.getName();
        if (!name.equals("OTHERS_WRITE") && !name.equals("OTHERS_READ")) {
            return;
        }
        JVariableSymbol sym = ref.getReferencedSym();
        if (!(sym instanceof JFieldSymbol field) || !PERMISSION.equals(field.getEnclosingClass().getCanonicalName())
                || !isAdded(ref) || SourceKind.isTestSource(ref)) {
            return;
        }
        if (name.equals("OTHERS_WRITE")) {
            asCtx(data).addViolation(ref, "write access", "OTHERS_WRITE");
        } else if (appliesToSecretFile(ref)) {
            asCtx(data).addViolation(ref, "read access to a secret file", "OTHERS_READ");
        }
    }

    /** {@code Set.of(..., OTHERS_WRITE)}, {@code perms.add(OTHERS_WRITE)}, {@code EnumSet.of(...)}. */
    private static boolean isAdded(ASTExpression ref) {
        Node parent = ref.getParent();
        return parent instanceof ASTArgumentList && parent.getParent() instanceof ASTMethodCall call
                && ADDING.contains(call.getMethodName());
    }

    /**
     * True when the enclosing method or initializer applies permissions to, or creates, a file whose name
     * (variable, field or literal in the path argument) says it holds a key, secret or credential.
     */
    private static boolean appliesToSecretFile(JavaNode node) {
        ASTBodyDeclaration body = node.ancestors(ASTBodyDeclaration.class).first();
        if (body == null) {
            return false;
        }
        return body.descendants(ASTMethodCall.class).crossFindBoundaries().any(call -> APPLY.anyMatch(call)
                && !call.getArguments().isEmpty() && namesSecret(call.getArguments().get(0)));
    }

    private static boolean namesSecret(ASTExpression path) {
        for (JavaNode n : path.descendantsOrSelf()) {
            String text = null;
            if (n instanceof ASTNamedReferenceExpr ref) {
                text = ref.getName();
            } else if (n instanceof ASTStringLiteral literal) {
                text = literal.getConstValue();
            }
            if (text != null && (NameWords.split(text).stream().anyMatch(SECRET_WORDS::contains)
                    || text.toLowerCase(Locale.ROOT).endsWith(".p12"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the call sits in an {@code if} that tests the permission it grants: code that maps a requested
     * POSIX permission set onto {@code java.io.File} for file systems without POSIX attributes ({@code if
     * (permissions.contains(OTHERS_READ)) file.setReadable(true, false)}, as Tomcat's endpoints do) grants what
     * its caller configured.
     */
    private static boolean appliesRequestedPermission(ASTMethodCall call) {
        ASTIfStatement guard = call.ancestors(ASTIfStatement.class).first();
        return guard != null && guard.getCondition().descendantsOrSelf().filterIs(ASTNamedReferenceExpr.class)
                .any(ref -> ref.getName().startsWith("OTHERS_"));
    }
}
