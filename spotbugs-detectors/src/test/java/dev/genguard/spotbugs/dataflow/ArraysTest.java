package dev.genguard.spotbugs.dataflow;

import static dev.genguard.spotbugs.dataflow.Samples.sunkOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.samples.ArraySamples;
import org.objectweb.asm.Type;
import org.junit.jupiter.api.Test;

/** Array elements as {@link AbstractValue#elements()} shows them, and {@link ValueAnalysis#staticFinalArray}. */
class ArraysTest {

    private static final String SAMPLES = Type.getInternalName(ArraySamples.class);

    @Test
    void elementsOfALiteralArray() throws Exception {
        AbstractValue array = sunkOnce(ArraySamples.class, "literal");
        assertThat(array.elements()).extracting(AbstractValue::constantString).containsExactly("TLSv1", "TLSv1.2");
    }

    @Test
    void objectElementsKeepTheirType() throws Exception {
        AbstractValue array = sunkOnce(ArraySamples.class, "objects");
        assertThat(array.elements()).hasSize(2);
        assertThat(array.elements().get(0).type().getInternalName()).isEqualTo("java/util/ArrayList");
        assertThat(array.elements().get(0).isTracked()).isFalse();
        assertThat(array.elements().get(1).constantString()).isEqualTo("x");
    }

    @Test
    void unknownIndexOrParameterHasNoElements() throws Exception {
        assertThat(sunkOnce(ArraySamples.class, "unknownIndex").elements()).isNull();
        assertThat(sunkOnce(ArraySamples.class, "parameter").elements()).isNull();
    }

    @Test
    void staticFinalArrayFromTheStaticInitializer() {
        ValueAnalysis analysis = ValueAnalysis.of(new TestClassSource());
        assertThat(analysis.staticFinalArray(SAMPLES, "PROTOCOLS", "[Ljava/lang/String;"))
                .extracting(AbstractValue::constantString).containsExactly("TLSv1.2", "RC4");
        long afterFirst = analysis.visits();
        assertThat(analysis.staticFinalArray(SAMPLES, "OBJECTS", "[Ljava/lang/Object;"))
                .extracting(v -> v.type().getInternalName()).containsExactly("java/util/ArrayList");
        // One analysis of the static initializer serves every array field of the class.
        assertThat(afterFirst).isPositive();
        assertThat(analysis.visits()).isEqualTo(afterFirst);
    }

    @Test
    void staticArrayUnknownWhenComputedNotFinalOrMissing() {
        ValueAnalysis analysis = ValueAnalysis.of(new TestClassSource());
        assertThat(analysis.staticFinalArray(SAMPLES, "COMPUTED", "[Ljava/lang/String;")).isNull();
        assertThat(analysis.staticFinalArray(SAMPLES, "notFinal", "[Ljava/lang/String;")).isNull();
        assertThat(analysis.staticFinalArray(SAMPLES, "missing", "[Ljava/lang/String;")).isNull();
        assertThat(analysis.staticFinalArray("no/such/Class", "PROTOCOLS", "[Ljava/lang/String;")).isNull();
        assertThat(analysis.staticFinalArray(SAMPLES, "PROTOCOLS", "Ljava/lang/String;")).isNull();
    }
}
