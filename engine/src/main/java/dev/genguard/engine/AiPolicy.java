package dev.genguard.engine;

import dev.genguard.engine.catalog.Profile;
import java.util.Objects;

/**
 * How findings inside AI-tagged code are evaluated: with the rules of {@code profile} (strict by default), each
 * raised {@code raise} severity levels above its severity in the module's profile (or in the {@code all} profile for
 * a rule the module's profile leaves out).
 *
 * @param profile the rule profile for AI-tagged code
 * @param raise   severity levels to raise, 0 to 3
 * @param code    where the AI-tagged code is
 */
public record AiPolicy(Profile profile, int raise, AiCode code) {

    public static final int DEFAULT_RAISE = 1;

    /** The defaults, with no AI-tagged code known yet. */
    public static final AiPolicy DEFAULT = new AiPolicy(Profile.STRICT, DEFAULT_RAISE, AiCode.NONE);

    public AiPolicy {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(code, "code");
        if (raise < 0 || raise > 3) {
            throw new IllegalArgumentException("aiSeverityRaise must be between 0 and 3, not " + raise);
        }
    }

    public AiPolicy withCode(AiCode newCode) {
        return new AiPolicy(profile, raise, newCode);
    }
}
