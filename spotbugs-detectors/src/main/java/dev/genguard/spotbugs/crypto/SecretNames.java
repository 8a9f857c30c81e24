package dev.genguard.spotbugs.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an identifier (field, local variable, method) names a secret: a token, password, salt, nonce, OTP,
 * session id, key, reset code. Decided on whole words of the camelCase or snake_case name, so that
 * {@code tokenizer}, {@code monkey} or {@code keyboardLayout} do not match.
 */
final class SecretNames {

    private static final Set<String> SECRET_WORDS = Set.of(
            "token", "password", "passwd", "pwd", "passphrase", "salt", "nonce", "otp", "totp", "hotp", "secret",
            "apikey", "csrf", "xsrf", "credential", "credentials", "sessionid", "pin");
    // "key", "code" and "id" are secrets only with a qualifier: a cacheKey or an errorCode is not.
    private static final Set<String> KEY_QUALIFIERS = Set.of(
            "api", "secret", "signing", "encryption", "access", "private", "hmac", "master", "session", "aes", "crypto");
    private static final Set<String> CODE_QUALIFIERS = Set.of(
            "reset", "verification", "verify", "confirmation", "confirm", "activation", "auth", "mfa", "sms",
            "otp", "login", "recovery", "invite", "invitation", "security", "access", "pin", "factor");
    private static final Set<String> ID_QUALIFIERS = Set.of("session");

    private SecretNames() {
    }

    static boolean isSecret(String identifier) {
        if (identifier == null) {
            return false;
        }
        List<String> words = words(identifier);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String previous = i > 0 ? words.get(i - 1) : "";
            if (SECRET_WORDS.contains(word)
                    || "key".equals(word) && (KEY_QUALIFIERS.contains(previous) || isRememberMe(words, i - 1))
                    || "code".equals(word) && CODE_QUALIFIERS.contains(previous)
                    || "id".equals(word) && ID_QUALIFIERS.contains(previous)) {
                return true;
            }
        }
        return false;
    }

    /** A remember-me key: the persistent login credential (Spring Security's remember-me token). */
    private static boolean isRememberMe(List<String> words, int me) {
        return me > 0 && "me".equals(words.get(me)) && "remember".equals(words.get(me - 1));
    }

    /** Lower-case words of a camelCase, PascalCase, UPPER_SNAKE or snake_case identifier. */
    static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            boolean boundary = !Character.isLetterOrDigit(c)
                    || Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(identifier.charAt(i - 1))
                    || i + 1 < identifier.length() && Character.isLowerCase(identifier.charAt(i + 1)));
            if (boundary && word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
