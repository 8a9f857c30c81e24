package dev.genguard.spotbugs.dataflow;

import static dev.genguard.spotbugs.dataflow.Samples.sunk;
import static dev.genguard.spotbugs.dataflow.Samples.sunkOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.samples.XmlInputSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two extensions the XXE detector needs: {@code Boolean.TRUE/FALSE} as constants, and a stream's resource. */
class XmlInputValuesTest {

    @Test
    void booleanConstantsFoldLikeTheirBoxing() throws Exception {
        List<AbstractValue> values = sunk(XmlInputSamples.class, "booleans");
        assertThat(values).extracting(AbstractValue::constant).containsExactly(0, 1, 0, 0);
        assertThat(values.get(0).type().getInternalName()).isEqualTo("java/lang/Boolean");
        assertThat(values.get(0).origin()).isEqualTo(Origin.CODE);
    }

    @Test
    void boxedBooleanSettingIsAFactWithItsValue() throws Exception {
        AbstractValue factory = sunkOnce(XmlInputSamples.class, "booleanSetting");
        assertThat(factory.hasFact("setProperty", "javax.xml.stream.supportDTD", false)).isTrue();
        assertThat(factory.hasFact("setProperty", "javax.xml.stream.supportDTD", true)).isFalse();
    }

    @Test
    void streamsOfClasspathResourcesNameTheirResource() throws Exception {
        List<AbstractValue> values = sunk(XmlInputSamples.class, "resourceStream");
        assertThat(values).extracting(AbstractValue::resource)
                .containsExactly("schemas/order.xsd", "schemas/order.xsd", null);
    }
}
