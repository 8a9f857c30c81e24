package dev.genguard.spotbugs.dataflow;

import static dev.genguard.spotbugs.dataflow.Samples.sunk;
import static dev.genguard.spotbugs.dataflow.Samples.sunkOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.samples.PropertiesSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties read from a resource of the analysed code (src/test/resources/.../samples/crypto.properties). */
class PropertiesTest {

    @Test
    void resourceNextToTheClass() throws Exception {
        List<AbstractValue> values = sunk(PropertiesSamples.class, "classRelative");
        assertThat(values).extracting(AbstractValue::constant)
                .containsExactly("DES/ECB/PKCS5Padding", "fallback", null, 1000);
        assertThat(values.get(0).origin()).isEqualTo(Origin.RESOURCE);
        assertThat(values.get(3).origin()).isEqualTo(Origin.RESOURCE);
    }

    @Test
    void absoluteNameThroughClassLoaderAndReader() throws Exception {
        assertThat(sunkOnce(PropertiesSamples.class, "classLoaderAbsolute").constantString())
                .isEqualTo("DES/ECB/PKCS5Padding");
    }

    /**
     * Known imprecision: the exception path reaches {@code getProperty} before the loaded path in ASM's worklist
     * order, and the two answers meet as unknown. Unknown, never the wrong constant.
     */
    @Test
    void swallowedLoadFailureIsUnknown() throws Exception {
        assertThat(sunkOnce(PropertiesSamples.class, "failureSwallowed").isConstant()).isFalse();
    }

    @Test
    void missingResourceGivesTheDefault() throws Exception {
        AbstractValue value = sunkOnce(PropertiesSamples.class, "missingResource");
        assertThat(value.constantString()).isEqualTo("DES");
        assertThat(value.origin()).isEqualTo(Origin.RESOURCE);
    }

    @Test
    void propertiesFromElsewhereGiveTheDefaultAsMayBe() throws Exception {
        AbstractValue file = sunkOnce(PropertiesSamples.class, "fromFile");
        assertThat(file.constantString()).isEqualTo("RC4");
        assertThat(file.origin()).isEqualTo(Origin.DEFAULT);
        AbstractValue field = sunkOnce(PropertiesSamples.class, "fromField");
        assertThat(field.constantString()).isEqualTo("AES");
        assertThat(field.origin()).isEqualTo(Origin.DEFAULT);
    }

    @Test
    void escapedPropertiesAreUnknown() throws Exception {
        assertThat(sunkOnce(PropertiesSamples.class, "escaped").isConstant()).isFalse();
    }
}
