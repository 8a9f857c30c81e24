package dev.genguard.pmd.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits Java identifiers into lower-case words, so that rules match names by meaning rather than by
 * substring: {@code passwordField} is {@code [password, field]}, not a password, while {@code DB_PASSWORD}
 * is {@code [db, password]}. A substring test would confuse {@code passwordField} with {@code password}.
 */
public final class NameWords {

    private NameWords() {
    }

    /**
     * The words of a camelCase, PascalCase, snake_case or UPPER_SNAKE identifier, lower-cased, digits dropped:
     * {@code APIKey2} gives {@code [api, key]}, {@code jwt_secret} gives {@code [jwt, secret]}.
     */
    public static List<String> split(String identifier) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = identifier.length();
        for (int i = 0; i < n; i++) {
            char c = identifier.charAt(i);
            if (!Character.isLetter(c)) {
                flush(word, words);
                continue;
            }
            if (Character.isUpperCase(c) && word.length() > 0) {
                char prev = identifier.charAt(i - 1);
                boolean nextIsLower = i + 1 < n && Character.isLowerCase(identifier.charAt(i + 1));
                // "apiKey" splits before K; "APIKey" splits before K as well (an acronym ends where a word starts).
                if (Character.isLowerCase(prev) || (Character.isUpperCase(prev) && nextIsLower)) {
                    flush(word, words);
                }
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    /** The identifier reduced to lower-case letters and digits, to compare {@code API_KEY} with "api-key". */
    public static String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
