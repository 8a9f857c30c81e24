package dev.genguard.spotbugs.dataflow;

import static dev.genguard.spotbugs.dataflow.Samples.sunk;
import static dev.genguard.spotbugs.dataflow.Samples.sunkOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.samples.ConstantSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constants through locals, static finals of other classes, folding; unknown stays unknown. */
class ConstantsTest {

    @Test
    void localVariable() throws Exception {
        AbstractValue value = sunkOnce(ConstantSamples.class, "local");
        assertThat(value.constantString()).isEqualTo("DES");
        assertThat(value.origin()).isEqualTo(Origin.CODE);
    }

    @Test
    void staticFinalsSetByAnotherClassesInitializer() throws Exception {
        List<AbstractValue> values = sunk(ConstantSamples.class, "otherClass");
        assertThat(values).extracting(AbstractValue::constant)
                .containsExactly("RC4", 1000, "DESede", null, null);
    }

    @Test
    void indyConcatenationRendersIntsCharsAndBooleans() throws Exception {
        assertThat(sunkOnce(ConstantSamples.class, "concat").constantString()).isEqualTo("AES_128/ECB/NoPaddingtrue");
    }

    @Test
    void formatOfConstantsButNotOfHugeWidths() throws Exception {
        assertThat(sunk(ConstantSamples.class, "format")).extracting(AbstractValue::constant)
                .containsExactly("AES/CBC/PKCS5Padding", "PBKDF2WithHmacSHA1", "600000 rounds, false", null);
    }

    @Test
    void caseConversionAndTrimming() throws Exception {
        assertThat(sunk(ConstantSamples.class, "caseAndTrim")).extracting(AbstractValue::constant)
                .containsExactly("DES", "sha-1");
    }

    @Test
    void conversionsAndBoxing() throws Exception {
        List<AbstractValue> values = sunk(ConstantSamples.class, "conversions");
        assertThat(values).extracting(AbstractValue::constant).containsExactly("42", 7, 600000, null, 5L);
        assertThat(values.get(1).type().getInternalName()).isEqualTo("java/lang/Integer");
    }

    @Test
    void builderContentsFollowTheObjectNotTheExpression() throws Exception {
        assertThat(sunk(ConstantSamples.class, "builders")).extracting(AbstractValue::constant)
                .containsExactly("AES/GCM/NoPadding", "DES/ECB");
    }

    @Test
    void builderHandedToOtherCodeIsUnknown() throws Exception {
        assertThat(sunkOnce(ConstantSamples.class, "builderEscapes").isConstant()).isFalse();
    }

    @Test
    void integerArithmeticWithoutDivisionByZero() throws Exception {
        assertThat(sunk(ConstantSamples.class, "arithmetic")).extracting(AbstractValue::constant)
                .containsExactly(600000, 1048576L, null);
    }

    @Test
    void joinKeepsOnlyWhatBothPathsAgreeOn() throws Exception {
        assertThat(sunk(ConstantSamples.class, "join")).extracting(AbstractValue::constant)
                .containsExactly("AES", null);
    }

    @Test
    void loopsTerminateAndKeepInvariants() throws Exception {
        assertThat(sunk(ConstantSamples.class, "loop")).extracting(AbstractValue::constant)
                .containsExactly("SHA-256", null);
    }

    @Test
    void parametersAndMutableFieldsAreUnknown() throws Exception {
        assertThat(sunk(ConstantSamples.class, "unknowns")).extracting(AbstractValue::constant)
                .containsExactly(null, null, null, null);
    }

    @Test
    void systemPropertyDefaultsAreMayBeConstants() throws Exception {
        List<AbstractValue> values = sunk(ConstantSamples.class, "systemProperties");
        assertThat(values).extracting(AbstractValue::constant)
                .containsExactly("DES", null, "Blowfish", "Blowfish/CBC");
        assertThat(values).extracting(AbstractValue::origin)
                .containsExactly(Origin.DEFAULT, null, Origin.DEFAULT, Origin.DEFAULT);
    }
}
