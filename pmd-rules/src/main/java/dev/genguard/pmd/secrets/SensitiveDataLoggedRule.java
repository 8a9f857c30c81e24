package dev.genguard.pmd.secrets;

import dev.genguard.pmd.internal.SourceKind;
import dev.genguard.pmd.internal.ValueNames;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pmd.lang.java.ast.ASTArrayAllocation;
import net.sourceforge.pmd.lang.java.ast.ASTArrayInitializer;
import net.sourceforge.pmd.lang.java.ast.ASTConditionalExpression;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTFieldAccess;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.BinaryOp;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JClassSymbol;
import net.sourceforge.pmd.lang.java.symbols.JFieldSymbol;
import net.sourceforge.pmd.lang.java.symbols.JMethodSymbol;
import net.sourceforge.pmd.lang.java.symbols.JRecordComponentSymbol;
import net.sourceforge.pmd.lang.java.symbols.JTypeDeclSymbol;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.JTypeMirror;
import net.sourceforge.pmd.lang.java.types.Substitution;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds passwords, secrets, tokens, API keys, card numbers and authorization headers written to a log or the
 * console: an argument of an SLF4J, Log4j 2, java.util.logging or Commons Logging call, or of
 * {@code System.out/err.print*}, that is (or concatenates, formats or converts) a value named as such, a
 * {@code getHeader("Authorization")}-style look-up, or an object whose {@code toString} prints such a field (a
 * record, or a class of the same sources whose {@code toString} reads it). Reports the argument.
 */
public class SensitiveDataLoggedRule extends AbstractJavaRulechainRule {

    /** Logger types and their logging methods; other methods of these types ({@code isDebugEnabled}) log nothing. */
    private static final List<String> LOGGERS = List.of(
            "org.slf4j.Logger", "org.apache.logging.log4j.Logger", "java.util.logging.Logger",
            "org.apache.commons.logging.Log", "java.lang.System$Logger");
    private static final Set<String> LOG_METHODS = Set.of(
            "trace", "debug", "info", "warn", "error", "fatal", "log", "printf", "fine", "finer", "finest", "config",
            "warning", "severe", "logp", "logrb", "entering", "exiting");

    private static final Set<String> PRINT_METHODS = Set.of("print", "println", "printf", "format");

    /** Calls whose result prints their arguments: formatting. */
    private static final CompoundInvocationMatcher FORMATTERS = InvocationMatcher.parseAll(
            "java.lang.String#format(_*)",
            "java.lang.String#formatted(_*)",
            "java.lang.String#join(_*)",
            "java.lang.String#concat(java.lang.String)",
            "java.text.MessageFormat#format(_*)");

    /** Last words of names that hold a secret: {@code dbPassword}, {@code accessToken}, {@code clientSecret}. */
    private static final Set<String> SECRET_NOUNS = Set.of(
            "password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "token", "jwt", "apikey",
            "credential", "credentials", "creds", "authorization", "bearer");

    /** Words that make a trailing "key" secret: {@code apiKey}, {@code privateKey}; a bare "key" is a map key. */
    private static final Set<String> SECRET_KEY_QUALIFIERS = Set.of(
            "api", "secret", "private", "access", "signing", "encryption", "hmac", "master", "client", "subscription");

    /** Secrets that are often numbers: one-time passwords and card verification codes. */
    private static final Set<String> NUMERIC_SECRETS = Set.of("otp", "cvv", "cvc");

    /** Words that make a trailing "number" or "no" a card number: {@code cardNumber}, {@code ccNo}. */
    private static final Set<String> CARD_WORDS = Set.of("card", "cc", "pan");

    /** Words that say the value is no longer the secret: {@code maskedToken}, {@code hashedPassword}. */
    private static final Set<String> SAFE_FORMS = Set.of(
            "masked", "mask", "redacted", "hashed", "hash", "encrypted", "encoded", "obfuscated", "sanitized",
            "truncated", "partial", "last", "first", "hint", "safe");

    public SensitiveDataLoggedRule() {
        super(ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (call.getArguments().size() == 0 || !isLogging(call) || SourceKind.isTestSource(call)) {
            return data;
        }
        List<ASTExpression> values = new ArrayList<>();
        for (ASTExpression arg : call.getArguments()) {
            collectPrintedValues(arg, values);
        }
        for (ASTExpression value : values) {
            String what = sensitive(value);
            if (what != null) {
                asCtx(data).addViolation(value, what);
                return data;
            }
        }
        return data;
    }

    private static boolean isLogging(ASTMethodCall call) {
        ASTExpression receiver = call.getQualifier();
        if (receiver == null) {
            return false;
        }
        String method = call.getMethodName();
        if (PRINT_METHODS.contains(method) && receiver instanceof ASTFieldAccess stream) {
            JFieldSymbol field = stream.getReferencedSym();
            return field != null && (field.getSimpleName().equals("out") || field.getSimpleName().equals("err"))
                    && field.getEnclosingClass().getBinaryName().equals("java.lang.System")
                    && !isCommandLineTool(call);
        }
        return LOG_METHODS.contains(method) && LOGGERS.stream().anyMatch(type -> TypeTestUtil.isA(type, receiver));
    }

    /**
     * A class with a {@code main} method is a command-line tool: its console is its user interface, and printing
     * what the user typed or asked for (Tomcat's {@code digest.sh} prints a credential and its hash) is its job.
     */
    private static boolean isCommandLineTool(ASTMethodCall call) {
        ASTTypeDeclaration top = call.ancestors(ASTTypeDeclaration.class).last();
        return top != null && top.getDeclarations(ASTMethodDeclaration.class).any(ASTMethodDeclaration::isMainMethod);
    }

    /** The values an argument prints: the operands of a concatenation, the arguments of a format call, and so on. */
    private static void collectPrintedValues(ASTExpression expr, List<ASTExpression> out) {
        ASTExpression e = ValueNames.unwrap(expr);
        if (e.getConstValue() != null) {
            return;
        }
        if (e instanceof ASTInfixExpression infix && infix.getOperator() == BinaryOp.ADD
                && TypeTestUtil.isA(String.class, infix)) {
            collectPrintedValues(infix.getLeftOperand(), out);
            collectPrintedValues(infix.getRightOperand(), out);
        } else if (e instanceof ASTConditionalExpression conditional) {
            collectPrintedValues(conditional.getThenBranch(), out);
            collectPrintedValues(conditional.getElseBranch(), out);
        } else if (e instanceof ASTMethodCall call && FORMATTERS.anyMatch(call)) {
            if (call.getQualifier() != null) {
                collectPrintedValues(call.getQualifier(), out);
            }
            for (ASTExpression arg : call.getArguments()) {
                collectPrintedValues(arg, out);
            }
        } else if (e instanceof ASTArrayAllocation array && array.getArrayInitializer() != null) {
            collectPrintedValues(array.getArrayInitializer(), out);
        } else if (e instanceof ASTArrayInitializer initializer) {
            for (ASTExpression element : initializer) {
                collectPrintedValues(element, out);
            }
        } else if (e instanceof ASTLambdaExpression lambda && lambda.isExpressionBody()) {
            // Log4j and JUL suppliers: () -> "token " + token
            collectPrintedValues(lambda.getExpressionBody(), out);
        } else {
            out.add(e);
        }
    }

    /** How the message names the value when it is sensitive, else null. */
    private static String sensitive(ASTExpression value) {
        JTypeMirror type = value.getTypeMirror();
        String name = ValueNames.nameOf(value);
        if (type.unbox().isPrimitive()) {
            // Booleans and counts say something about a secret ({@code isTokenValid()}, {@code token.length()});
            // only card numbers and one-time codes are secrets held in numbers.
            return name != null && isNumericSecretName(name) ? name : null;
        }
        if (name != null && (isSecretName(name) || isNumericSecretName(name)) && printsItsValue(type)) {
            return name;
        }
        return secretPrintedBy(type);
    }

    /** Strings, character and byte data, plain objects and unresolved types print the value itself. */
    private static boolean printsItsValue(JTypeMirror type) {
        JTypeDeclSymbol symbol = type.getSymbol();
        return TypeTestUtil.isA(CharSequence.class, type) || type.isArray() || symbol == null
                || symbol.isUnresolved() || type.equals(type.getTypeSystem().OBJECT);
    }

    static boolean isSecretName(String name) {
        List<String> words = ValueNames.words(name);
        if (words.isEmpty() || words.stream().anyMatch(SAFE_FORMS::contains)) {
            return false;
        }
        String last = words.get(words.size() - 1);
        String before = words.size() > 1 ? words.get(words.size() - 2) : "";
        return SECRET_NOUNS.contains(last) || last.equals("key") && SECRET_KEY_QUALIFIERS.contains(before)
                || last.equals("auth") && name.toLowerCase(Locale.ROOT).endsWith("header");
    }

    /** {@code cardNumber}, {@code ccNo}, {@code otp}, {@code cvv}: secrets that may be held in a number. */
    private static boolean isNumericSecretName(String name) {
        List<String> words = ValueNames.words(name);
        if (words.isEmpty() || words.stream().anyMatch(SAFE_FORMS::contains)) {
            return false;
        }
        String last = words.get(words.size() - 1);
        if (NUMERIC_SECRETS.contains(last)) {
            return true;
        }
        return words.size() > 1 && (last.equals("number") || last.equals("no") || last.equals("num"))
                && CARD_WORDS.contains(words.get(words.size() - 2));
    }

    /**
     * For an object logged whole: the secret field its {@code toString} prints, as "LoginRequest.password", or null.
     * A record prints every component unless it declares {@code toString}; a class of the analysed sources prints
     * what its own {@code toString} reads. Classes seen only as bytecode keep the benefit of the doubt.
     */
    private static String secretPrintedBy(JTypeMirror type) {
        if (!(type.getSymbol() instanceof JClassSymbol cls) || cls.isUnresolved() || cls.getPackageName().startsWith("java.")) {
            return null;
        }
        JMethodSymbol toString = null;
        for (JMethodSymbol m : cls.getDeclaredMethods()) {
            if (m.getSimpleName().equals("toString") && m.getArity() == 0) {
                toString = m;
            }
        }
        // javac writes a record's own toString into the class file as a final method; one written by hand is
        // seldom final. From source, a generated toString is not among the declared methods at all.
        boolean generatedToString = toString == null
                || toString.tryGetNode() == null && Modifier.isFinal(toString.getModifiers());
        if (cls.isRecord() && generatedToString) {
            for (JRecordComponentSymbol component : cls.getRecordComponents()) {
                if (isSecretName(component.getSimpleName()) && printsItsValue(component.getTypeMirror(Substitution.EMPTY))) {
                    return cls.getSimpleName() + "." + component.getSimpleName();
                }
            }
            return null;
        }
        // Typed as Object: the declared return type of tryGetNode differs between PMD versions.
        Object node = toString == null ? null : toString.tryGetNode();
        if (!(node instanceof ASTMethodDeclaration declaration) || declaration.getBody() == null) {
            return null;
        }
        for (ASTNamedReferenceExpr ref : declaration.getBody().descendants(ASTNamedReferenceExpr.class)) {
            JVariableSymbol symbol = ref.getReferencedSym();
            if (symbol instanceof JFieldSymbol field && cls.equals(field.getEnclosingClass())
                    && isSecretName(field.getSimpleName()) && printsItsValue(ref.getTypeMirror())) {
                return cls.getSimpleName() + "." + field.getSimpleName();
            }
        }
        return null;
    }
}
