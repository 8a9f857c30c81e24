package dev.genguard.spotbugs.dataflow;

import static dev.genguard.spotbugs.dataflow.Samples.sunk;
import static dev.genguard.spotbugs.dataflow.Samples.sunkOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.samples.HelperSamples;
import org.junit.jupiter.api.Test;

/** Helper summaries and the arguments of private methods: a value crossing a method boundary. */
class SummariesTest {

    @Test
    void helpersReturningConstants() throws Exception {
        assertThat(sunk(HelperSamples.class, "helpers")).extracting(AbstractValue::constant)
                .containsExactly("DES", "ECB", "PKCS5Padding", 1000, "AES/ECB/PKCS5Padding");
    }

    @Test
    void overridableRecursiveParameterAndTooDeepHelpersAreUnknown() throws Exception {
        assertThat(sunk(HelperSamples.class, "limits")).extracting(AbstractValue::constant)
                .containsExactly(null, null, null, "AES/ECB/PKCS5Padding", null);
    }

    @Test
    void privateMethodParametersTakeTheirCallSitesArguments() throws Exception {
        assertThat(sunkOnce(HelperSamples.class, "single").constantString()).isEqualTo("DES");
        assertThat(sunkOnce(HelperSamples.class, "mixed").isConstant()).isFalse();
        assertThat(sunkOnce(HelperSamples.class, "referenced").isConstant()).isFalse();
    }
}
