package dev.genguard.pmd.internal;

import java.util.List;
import java.util.Set;
import net.sourceforge.pmd.lang.java.ast.ASTCastExpression;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTFieldAccess;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.InvocationNode;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;

/**
 * What an expression's value is called in the code, so that rules can ask "is this a password, a token, a
 * signature?" of variables, fields, getters ({@code creds.getPassword()}), computations ({@code hmac(body)}) and
 * keyed look-ups ({@code request.getHeader("Authorization")}, {@code map.get("password")}) alike. Conversions that
 * keep the value ({@code password.getBytes(UTF_8)}, {@code new String(chars)}, {@code Base64} coding) are looked
 * through first.
 */
public final class ValueNames {

    /** Instance calls whose result is the receiver's value in another form: {@code token.getBytes()}. */
    private static final CompoundInvocationMatcher SAME_VALUE_AS_RECEIVER = InvocationMatcher.parseAll(
            "java.lang.String#getBytes(_*)",
            "java.lang.String#toCharArray()",
            "java.lang.String#trim()",
            "java.lang.String#strip()",
            "java.lang.String#toLowerCase(_*)",
            "java.lang.String#toUpperCase(_*)",
            "java.lang.String#intern()",
            "java.lang.CharSequence#toString()");

    /** Calls whose result is their first argument's value in another form: {@code new String(password)}. */
    private static final CompoundInvocationMatcher SAME_VALUE_AS_ARGUMENT = InvocationMatcher.parseAll(
            "java.lang.String#new(char[])",
            "java.lang.String#new(byte[])",
            "java.lang.String#new(byte[],_)",
            "java.lang.String#valueOf(char[])",
            "java.lang.String#valueOf(java.lang.Object)",
            "java.lang.String#copyValueOf(char[])",
            "java.util.Arrays#toString(char[])",
            "java.util.Arrays#toString(byte[])",
            "java.util.Arrays#copyOf(char[],int)",
            "java.util.Arrays#copyOf(byte[],int)",
            "java.util.Base64$Decoder#decode(_)",
            "java.util.Base64$Encoder#encode(byte[])",
            "java.util.Base64$Encoder#encodeToString(byte[])");

    /** Trailing words that do not change what a name holds: {@code passwordBytes}, {@code signatureHex}. */
    private static final Set<String> NEUTRAL_SUFFIXES = Set.of(
            "value", "str", "string", "bytes", "chars", "array", "arr", "hex", "base", "header");

    private ValueNames() {
    }

    /** The expression with value-keeping conversions and casts removed: {@code password} for {@code password.getBytes()}. */
    public static ASTExpression unwrap(ASTExpression expr) {
        ASTExpression e = expr;
        while (true) {
            if (e instanceof ASTCastExpression cast) {
                e = cast.getOperand();
            } else if (e instanceof ASTMethodCall call && call.getQualifier() != null
                    && SAME_VALUE_AS_RECEIVER.anyMatch(call)) {
                e = call.getQualifier();
            } else if (e instanceof InvocationNode call && (call instanceof ASTMethodCall || call instanceof ASTConstructorCall)
                    && call.getArguments().size() > 0 && SAME_VALUE_AS_ARGUMENT.anyMatch(call)) {
                e = call.getArguments().get(0);
            } else {
                return e;
            }
        }
    }

    /**
     * The name the code gives the (unwrapped) value, or null: a variable or field name; for a getter or accessor
     * the property ({@code getPassword()} and {@code password()} give "password"); for a look-up with a constant
     * string key ({@code getHeader("Authorization")}, {@code get("password")}, {@code getenv("DB_PASSWORD")}) the
     * key; for any other call the method name ({@code hmac(body)} gives "hmac").
     */
    public static String nameOf(ASTExpression expr) {
        ASTExpression e = unwrap(expr);
        if (e instanceof ASTVariableAccess access) {
            return access.getName();
        }
        if (e instanceof ASTFieldAccess access) {
            return access.getName();
        }
        if (e instanceof ASTMethodCall call) {
            String method = call.getMethodName();
            int arity = call.getArguments().size();
            if (arity > 0 && method.startsWith("get")
                    && call.getArguments().get(0).getConstValue() instanceof String key) {
                return key;
            }
            if (arity == 0) {
                return stripAccessorPrefix(method);
            }
            return method;
        }
        return null;
    }

    /**
     * The words of a name without trailing words that keep its meaning ({@link #NEUTRAL_SUFFIXES}):
     * {@code signatureHex} gives {@code [signature]}, {@code authorizationHeader} gives {@code [authorization]}.
     */
    public static List<String> words(String name) {
        List<String> words = NameWords.split(name);
        int end = words.size();
        while (end > 1 && NEUTRAL_SUFFIXES.contains(words.get(end - 1))) {
            end--;
        }
        return words.subList(0, end);
    }

    private static String stripAccessorPrefix(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                return method.substring(prefix.length());
            }
        }
        return method;
    }
}
