package dev.genguard.spotbugs.dataflow;

import static dev.genguard.spotbugs.dataflow.Samples.sunkOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.samples.ArrayWildcardSamples;
import org.junit.jupiter.api.Test;

/** {@link AbstractValue#elements()}: the known elements of small arrays made in the method. */
class ArrayElementsTest {

    @Test
    void initializerElementsAreKnownThroughConstants() throws Exception {
        assertThat(sunkOnce(ArrayWildcardSamples.class, "initializer").elements())
                .extracting(AbstractValue::constantString).containsExactly("com.example.**", "**");
    }

    @Test
    void storeAtUnknownIndexForgetsTheElements() throws Exception {
        assertThat(sunkOnce(ArrayWildcardSamples.class, "unknownIndex").elements()).isNull();
    }

    @Test
    void arrayOfUnknownOriginHasNoElements() throws Exception {
        assertThat(sunkOnce(ArrayWildcardSamples.class, "parameter").elements()).isNull();
    }
}
