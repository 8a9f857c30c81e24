package dev.genguard.spotbugs.dataflow;

import static dev.genguard.spotbugs.dataflow.Samples.sunkOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.samples.ConstantBytesSamples;
import org.junit.jupiter.api.Test;

/** {@link Invocation#constantReceiver()} and {@link AbstractValue#elements()}: bytes made from constants. */
class ConstantBytesTest {

    @Test
    void bytesOfLiteralKeepTheLiteral() throws Exception {
        AbstractValue bytes = sunkOnce(ConstantBytesSamples.class, "literalBytes");
        assertThat(bytes.creation().name()).isEqualTo("getBytes");
        assertThat(bytes.creation().receiver()).isNull();
        assertThat(bytes.creation().constantReceiver().constantString()).isEqualTo("secret");
        assertThat(bytes.creation().constantReceiver().origin()).isEqualTo(Origin.CODE);
    }

    @Test
    void bytesOfConstantThroughLocal() throws Exception {
        AbstractValue bytes = sunkOnce(ConstantBytesSamples.class, "constantFieldBytesThroughLocal");
        assertThat(bytes.creation().constantReceiver().constantString()).isEqualTo("0123456789abcdef");
    }

    @Test
    void bytesOfUnknownStringHaveNoConstantReceiver() throws Exception {
        AbstractValue bytes = sunkOnce(ConstantBytesSamples.class, "parameterBytes");
        assertThat(bytes.creation().name()).isEqualTo("getBytes");
        assertThat(bytes.creation().constantReceiver()).isNull();
        assertThat(sunkOnce(ConstantBytesSamples.class, "eitherLiteral").creation().constantReceiver()).isNull();
    }

    @Test
    void joinOfEqualLiteralsKeepsIt() throws Exception {
        AbstractValue bytes = sunkOnce(ConstantBytesSamples.class, "sameLiteralOnBothPaths");
        // Two allocation sites: the merged value is no single tracked object, so it tells nothing.
        assertThat(bytes.creation() == null || "same".equals(bytes.creation().constantReceiver().constantString()))
                .isTrue();
    }

    @Test
    void arrayInitializerElements() throws Exception {
        AbstractValue array = sunkOnce(ConstantBytesSamples.class, "arrayInitializer");
        assertThat(array.elements()).extracting(AbstractValue::constantInt).containsExactly(1, 2, 3);
    }

    @Test
    void arrayPassedToAMethodHasNoKnownElements() throws Exception {
        AbstractValue array = sunkOnce(ConstantBytesSamples.class, "arrayFilledByRandom");
        assertThat(array.escaped()).isTrue();
        assertThat(array.elements()).isNull();
    }
}
