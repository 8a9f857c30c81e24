package dev.genguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code an AI assistant wrote or substantially changed. GenGuard evaluates findings inside it with the strict
 * profile and asks for a {@link SecurityReviewed} marker where it touches a sensitive area. GenGuard recognises any
 * annotation with this simple name, in any package; this one is for teams that want the attributes checked by the
 * compiler. Kept in the class files (for bytecode tools), not at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface AiGenerated {

    /** The assistant, e.g. {@code "Copilot"}, {@code "Claude"}; empty when unknown. */
    String tool() default "";

    /** The model, e.g. {@code "gpt-4o"}; empty when unknown. */
    String model() default "";

    /** Where the prompt is recorded: a link or an id in the team's prompt log; empty when none. */
    String prompt() default "";
}
