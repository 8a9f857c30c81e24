package dev.genguard.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/** The annotations' contract: kept in class files, on types and members, with the attributes GenGuard reads. */
class AnnotationsTest {

    @Test
    void keptInClassFilesOnTypesAndMembers() {
        for (Class<?> annotation : new Class<?>[] {AiGenerated.class, SecurityReviewed.class}) {
            assertThat(annotation.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.CLASS);
            assertThat(annotation.getAnnotation(Target.class).value()).containsExactlyInAnyOrder(
                    ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD);
        }
    }

    @Test
    void attributesAreTheOnesGenGuardReads() throws Exception {
        assertThat(AiGenerated.class.getDeclaredMethod("tool").getDefaultValue()).isEqualTo("");
        assertThat(AiGenerated.class.getDeclaredMethod("model").getDefaultValue()).isEqualTo("");
        assertThat(AiGenerated.class.getDeclaredMethod("prompt").getDefaultValue()).isEqualTo("");
        assertThat(SecurityReviewed.class.getDeclaredMethod("by").getDefaultValue()).isNull();
        assertThat(SecurityReviewed.class.getDeclaredMethod("ticket").getDefaultValue()).isEqualTo("");
    }
}
