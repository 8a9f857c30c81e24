package dev.genguard.engine.governance;

import dev.genguard.engine.Finding;
import dev.genguard.engine.governance.source.JavaSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Line-independent finding fingerprints, for the baseline and SARIF {@code partialFingerprints}:
 * SHA-256 over rule id, file, the enclosing member's signature and the normalized code of the flagged statement
 * (see {@link JavaSource#codeAt(int)}), plus the occurrence number among findings equal in all of these. Edits
 * elsewhere in the file, reformatting and comments leave it unchanged; editing the statement itself, renaming the
 * member or moving the file yields a new finding.
 *
 * <p>The member counts by its signature, not its whole code: an edit elsewhere in a long method must not turn
 * every baseline finding in it into a new one.
 */
public final class Fingerprints {

    /** Bump when the recipe changes; baselines of another version do not match. */
    public static final String VERSION = "genguard/v1";

    private Fingerprints() {
    }

    /** The recipe's input for a finding, before the occurrence number. */
    public static String key(Finding f, String member, JavaSource source) {
        return key(f, member, source != null ? source.codeAt(f.line()) : "");
    }

    /** The recipe's input for a finding outside the Java sources, whose code the caller normalized. */
    public static String key(Finding f, String member, String code) {
        return String.join("\u0000", VERSION, f.ruleId(), f.file(), member, code);
    }

    /** The fingerprint: 32 hex digits of SHA-256 of the key and the occurrence (1 for the first). */
    public static String of(String key, int occurrence) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((key + "\u0000" + occurrence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
