package dev.genguard.pmd.secrets;

import dev.genguard.pmd.internal.Annotations;
import dev.genguard.pmd.internal.NameWords;
import dev.genguard.pmd.internal.SourceKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTStringLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.AssignmentOp;
import net.sourceforge.pmd.lang.java.ast.InvocationNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;

/**
 * Finds string literals used as passwords, secrets, API keys or signing keys: passed to a credential
 * parameter of a known API (resolved by type), stored in a variable that reaches such a parameter, or stored
 * in a variable, field or setter whose name says it holds a credential. Reports the literal.
 */
public class HardcodedCredentialRule extends AbstractJavaRulechainRule {

    /** A credential parameter of a library API: the call and the index of the argument that is the secret. */
    private record Sink(InvocationMatcher call, int argument, String what) {
        static Sink of(String signature, int argument, String what) {
            return new Sink(InvocationMatcher.parse(signature), argument, what);
        }
    }

    private static final List<Sink> SINKS = List.of(
            Sink.of("java.sql.DriverManager#getConnection(java.lang.String,java.lang.String,java.lang.String)", 2,
                    "the database password"),
            Sink.of("java.net.PasswordAuthentication#new(java.lang.String,char[])", 1, "the password"),
            Sink.of("javax.crypto.spec.SecretKeySpec#new(_*)", 0, "the secret key"),
            Sink.of("javax.crypto.spec.PBEKeySpec#new(_*)", 0, "the password"),
            Sink.of("io.jsonwebtoken.security.Keys#hmacShaKeyFor(byte[])", 0, "the JWT signing key"),
            Sink.of("io.jsonwebtoken.security.Keys#password(char[])", 0, "the password"),
            Sink.of("io.jsonwebtoken.JwtBuilder#signWith(io.jsonwebtoken.SignatureAlgorithm,java.lang.String)", 1,
                    "the JWT signing key"),
            Sink.of("io.jsonwebtoken.JwtBuilder#signWith(io.jsonwebtoken.SignatureAlgorithm,byte[])", 1,
                    "the JWT signing key"),
            Sink.of("io.jsonwebtoken.JwtParserBuilder#setSigningKey(java.lang.String)", 0, "the JWT signing key"),
            Sink.of("io.jsonwebtoken.JwtParserBuilder#setSigningKey(byte[])", 0, "the JWT signing key"),
            // jjwt before 0.11 configured the parser itself; still found in generated code.
            Sink.of("io.jsonwebtoken.JwtParser#setSigningKey(java.lang.String)", 0, "the JWT signing key"),
            Sink.of("io.jsonwebtoken.JwtParser#setSigningKey(byte[])", 0, "the JWT signing key"),
            Sink.of("com.auth0.jwt.algorithms.Algorithm#HMAC256(_)", 0, "the JWT signing key"),
            Sink.of("com.auth0.jwt.algorithms.Algorithm#HMAC384(_)", 0, "the JWT signing key"),
            Sink.of("com.auth0.jwt.algorithms.Algorithm#HMAC512(_)", 0, "the JWT signing key"));

    /** Calls on a literal that turn it into the bytes or chars a sink takes: {@code "k".getBytes(UTF_8)}. */
    private static final InvocationMatcher.CompoundInvocationMatcher CONVERSIONS_OF_QUALIFIER = InvocationMatcher.parseAll(
            "java.lang.String#getBytes(_*)",
            "java.lang.String#toCharArray()");
    /**
     * Calls that take a literal and return the key bytes: {@code Base64.getDecoder().decode("...")}. Kept apart
     * from the calls above so that the charset of {@code getBytes("UTF-8")} is never taken for the secret.
     */
    private static final InvocationMatcher DECODE = InvocationMatcher.parse("java.util.Base64$Decoder#decode(java.lang.String)");

    /** Words that name a credential when they end a name: {@code dbPassword}, {@code JWT_SECRET}, {@code authToken}. */
    private static final Set<String> CREDENTIAL_NOUNS = Set.of(
            "password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "secrets",
            "credential", "credentials", "token", "apikey");

    /**
     * Words that make a trailing "key" a secret key ({@code apiKey}, {@code SECRET_KEY}, {@code signingKey});
     * a bare "key" names map keys and property keys far more often than secrets.
     */
    private static final Set<String> SECRET_KEY_QUALIFIERS = Set.of(
            "api", "private", "secret", "signing", "sign", "access", "encryption", "encrypt", "hmac", "jwt",
            "master", "aes", "client", "app", "auth", "subscription", "shared", "crypto", "cipher");

    /**
     * First words of builder-style credential methods ({@code .password("...")}, {@code .clientSecret("...")}).
     * Narrower than {@link #CREDENTIAL_NOUNS}: {@code token("IDENT")} and {@code pass(...)} are common in parsers.
     */
    private static final Set<String> BUILDER_CREDENTIAL_WORDS = Set.of(
            "password", "passwd", "passphrase", "secret", "credentials", "apikey", "api", "client", "private");

    /**
     * Words that make a constant the name of a field rather than its value: {@code ATT_PASSWORD} (an XML attribute),
     * {@code FORM_PASSWORD} ("j_password"), {@code ELT_SIGNING_CREDENTIAL}, {@code PASSWORD_HEADER}. Such a
     * constant only counts when its value reaches a credential sink.
     */
    private static final Set<String> FIELD_NAME_WORDS = Set.of(
            "att", "attr", "attribute", "elt", "element", "param", "parameter", "field", "header", "form", "property",
            "column", "label");

    /** Values that are flags or nothing: {@code DEFAULT_SUPPORTS_CREDENTIALS = "false"}. */
    private static final Set<String> NON_SECRET_VALUES = Set.of("true", "false", "null", "none", "yes", "no");

    /** Suffixes that do not change what a name holds: {@code passwordValue}, {@code secretBytes}. */
    private static final Set<String> NEUTRAL_SUFFIXES = Set.of("value", "str", "string", "bytes", "chars");

    /** Spring/Micronaut placeholders and URLs: references to configuration, not the secret itself. */
    private static final Pattern CONFIG_REFERENCE = Pattern.compile("^[$#]\\{.*}$|^[A-Za-z][A-Za-z0-9+.-]*://.*");
    /** A property path such as "spring.datasource.password": the key under which the secret is configured. */
    private static final Pattern PROPERTY_PATH = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+$");
    /** An HTTP header name such as "X-API-Key" or "Access-Control-Allow-Credentials". */
    private static final Pattern HEADER_NAME = Pattern.compile("^[Xx]-[A-Za-z0-9-]+$|^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$");

    public HardcodedCredentialRule() {
        super(ASTStringLiteral.class);
    }

    @Override
    public Object visit(ASTStringLiteral literal, Object data) {
        if (literal.getConstValue().isBlank() || SourceKind.isTestSource(literal)) {
            return data;
        }
        ASTExpression value = valueOf(literal);
        String sink = sinkOf(value);
        if (sink != null) {
            asCtx(data).addViolation(literal, sink);
            return data;
        }
        Node parent = value.getParent();
        if (parent instanceof ASTVariableDeclarator declarator && declarator.getInitializer() == value) {
            ASTVariableId variable = declarator.getVarId();
            checkStored(literal, variable.getSymbol(), variable, variable.getName(), data);
        } else if (parent instanceof ASTAssignmentExpression assignment && assignment.getRightOperand() == value
                && assignment.getOperator() == AssignmentOp.ASSIGN
                && assignment.getLeftOperand() instanceof ASTNamedReferenceExpr target) {
            JVariableSymbol symbol = target.getReferencedSym();
            ASTVariableId declaration = symbol == null ? null : symbol.tryGetNode();
            checkStored(literal, symbol, declaration, target.getName(), data);
        } else if (parent instanceof ASTArgumentList args && args.size() == 1
                && args.getParent() instanceof ASTMethodCall call && isCredentialSetter(call.getMethodName())
                && isPlausibleSecret(literal.getConstValue())) {
            asCtx(data).addViolation(literal, "the value passed to " + call.getMethodName());
        }
        return data;
    }

    /** A literal stored in a variable: a finding when the variable reaches a sink or its name says credential. */
    private void checkStored(ASTStringLiteral literal, JVariableSymbol symbol, ASTVariableId declaration,
                             String name, Object data) {
        if (declaration != null) {
            // Values injected by the framework: the literal is only a default that configuration replaces.
            if (Annotations.isPresent(declaration, "org.springframework.beans.factory.annotation.Value")) {
                return;
            }
            String sink = sinkReachedBy(declaration);
            if (sink != null) {
                asCtx(data).addViolation(literal, sink);
                return;
            }
        }
        String value = literal.getConstValue();
        if (!isCredentialName(name) || !isPlausibleSecret(value)) {
            return;
        }
        // A constant that spells its own name ("API_KEY = \"api_key\"", "PASSWORD = \"password\"") names a form
        // field, header or property key. It only counts as a secret when it reached a sink above.
        boolean constant = symbol != null && symbol.isField() && symbol.isFinal() && declaration != null
                && declaration.isStatic();
        if (constant && (NameWords.normalize(value).equals(NameWords.normalize(name))
                || NameWords.split(name).stream().anyMatch(FIELD_NAME_WORDS::contains))) {
            return;
        }
        asCtx(data).addViolation(literal, name);
    }

    /** The literal, or the conversion call that wraps it ({@code "k".getBytes()}), as the value that flows on. */
    private static ASTExpression valueOf(ASTExpression expr) {
        if (expr.getParent() instanceof ASTMethodCall call && call.getQualifier() == expr
                && CONVERSIONS_OF_QUALIFIER.anyMatch(call)) {
            return call;
        }
        if (expr.getParent() instanceof ASTArgumentList args && args.getParent() instanceof ASTMethodCall call
                && DECODE.matchesCall(call)) {
            return call;
        }
        return expr;
    }

    /** What the expression is, when it is the credential argument of a sink; null otherwise. */
    private static String sinkOf(ASTExpression value) {
        if (!(value.getParent() instanceof ASTArgumentList args) || !(args.getParent() instanceof InvocationNode call)) {
            return null;
        }
        int index = value.getIndexInParent();
        for (Sink sink : SINKS) {
            if (sink.argument() == index && sink.call().matchesCall(call)) {
                return sink.what();
            }
        }
        return null;
    }

    /** The sink that one of the variable's uses in this file reaches, directly or through a conversion. */
    private static String sinkReachedBy(ASTVariableId variable) {
        for (ASTNamedReferenceExpr use : variable.getLocalUsages()) {
            String sink = sinkOf(valueOf(use));
            if (sink != null) {
                return sink;
            }
        }
        return null;
    }

    /** {@code dbPassword}, {@code JWT_SECRET}, {@code apiKey}, {@code clientSecretValue}; not {@code passwordField}. */
    static boolean isCredentialName(String name) {
        List<String> words = NameWords.split(name);
        int end = words.size();
        while (end > 1 && NEUTRAL_SUFFIXES.contains(words.get(end - 1))) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        String last = words.get(end - 1);
        if (CREDENTIAL_NOUNS.contains(last)) {
            return true;
        }
        return (last.equals("key") || last.equals("keys")) && end > 1 && SECRET_KEY_QUALIFIERS.contains(words.get(end - 2));
    }

    /** {@code setPassword}, {@code withApiKey} and builder-style {@code password(...)}; not getters or checks. */
    private static boolean isCredentialSetter(String method) {
        List<String> words = NameWords.split(method);
        if (words.isEmpty()) {
            return false;
        }
        String first = words.get(0);
        if (first.equals("set") || first.equals("with")) {
            return method.length() > first.length() && isCredentialName(method.substring(first.length()));
        }
        return BUILDER_CREDENTIAL_WORDS.contains(first) && isCredentialName(method);
    }

    /**
     * Whether a value stored under a credential name can be the secret itself. Messages ("Invalid password"),
     * placeholders of configuration ("${db.password}"), property paths, header names and masks ("****") are
     * not secrets; placeholders such as "changeme" or "your-secret-key" are, since they ship as they are.
     */
    static boolean isPlausibleSecret(String value) {
        if (value.length() < 3 || value.chars().anyMatch(Character::isWhitespace)
                || NON_SECRET_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
            return false;
        }
        // Without letters only a PIN-like number can be a secret: "{0}" is a message placeholder.
        if (value.chars().noneMatch(Character::isLetter) && !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return !CONFIG_REFERENCE.matcher(value).matches() && !PROPERTY_PATH.matcher(value).matches()
                && !HEADER_NAME.matcher(value).matches();
    }
}
