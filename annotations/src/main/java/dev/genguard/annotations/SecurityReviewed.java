package dev.genguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records that a person reviewed AI-written code in a sensitive area (cryptography, authentication, deserialization,
 * process execution, SQL, TLS): GenGuard's approval gate accepts it in place of a {@code genguard:reviewed-by NAME}
 * comment. Matched by simple name in any package, like {@link AiGenerated}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SecurityReviewed {

    /** Who reviewed it (a name or handle). */
    String by();

    /** When, as an ISO date ({@code 2026-11-24}); empty when not recorded. */
    String date() default "";

    /** The review's ticket or pull request; empty when none. */
    String ticket() default "";
}
