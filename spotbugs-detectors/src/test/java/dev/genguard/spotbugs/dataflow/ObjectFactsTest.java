package dev.genguard.spotbugs.dataflow;

import static dev.genguard.spotbugs.dataflow.Samples.sunk;
import static dev.genguard.spotbugs.dataflow.Samples.sunkOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.spotbugs.dataflow.samples.FactSamples;
import org.junit.jupiter.api.Test;

/** The calls made on a tracked object on every path, and when an object escapes. */
class ObjectFactsTest {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    @Test
    void straightLineCallsInOrder() throws Exception {
        AbstractValue cookie = sunkOnce(FactSamples.class, "straightLine");
        assertThat(cookie.isTracked()).isTrue();
        assertThat(cookie.escaped()).isFalse();
        assertThat(cookie.type().getInternalName()).isEqualTo("java/net/HttpCookie");
        assertThat(cookie.creation().name()).isEqualTo("<init>");
        assertThat(cookie.creation().argument(0).constantString()).isEqualTo("session");
        assertThat(cookie.creation().argument(1).isConstant()).isFalse();
        assertThat(cookie.facts()).extracting(Invocation::toString)
                .containsExactly("setSecure(1)", "setHttpOnly(1)");
        assertThat(cookie.hasFact("setSecure", true)).isTrue();
        assertThat(cookie.hasFact("setSecure", false)).isFalse();
    }

    @Test
    void joinIntersectsFacts() throws Exception {
        AbstractValue cookie = sunkOnce(FactSamples.class, "bothBranches");
        assertThat(cookie.hasFact("setSecure", true)).isTrue();
        assertThat(cookie.hasFact("setMaxAge")).isFalse();
    }

    @Test
    void callOnOneBranchIsNoFact() throws Exception {
        assertThat(sunkOnce(FactSamples.class, "oneBranch").facts()).isEmpty();
    }

    @Test
    void sameCallWithDifferentArgumentsKeepsTheCallNotTheArgument() throws Exception {
        AbstractValue cookie = sunkOnce(FactSamples.class, "differentArguments");
        assertThat(cookie.hasFact("setSecure")).isTrue();
        assertThat(cookie.hasFact("setSecure", true)).isFalse();
        assertThat(cookie.hasFact("setSecure", false)).isFalse();
    }

    @Test
    void loopTerminatesAndLoopBodyCallsAreNoFacts() throws Exception {
        AbstractValue cookie = sunkOnce(FactSamples.class, "loop");
        assertThat(cookie.facts()).extracting(Invocation::name).containsExactly("setHttpOnly");
    }

    @Test
    void objectAllocatedInLoopStartsFreshEachIteration() throws Exception {
        AbstractValue cookie = sunkOnce(FactSamples.class, "allocatedInLoop");
        assertThat(cookie.facts()).extracting(Invocation::name).containsExactly("setSecure");
        assertThat(cookie.creation().argument(0).isConstant()).isFalse();
    }

    @Test
    void aliasesShareTheObjectsFacts() throws Exception {
        assertThat(sunkOnce(FactSamples.class, "alias").hasFact("setSecure", true)).isTrue();
    }

    @Test
    void escapesThroughMethodsFieldsAndLambdas() throws Exception {
        AbstractValue passed = sunkOnce(FactSamples.class, "escapesToMethod");
        assertThat(passed.escaped()).isTrue();
        assertThat(passed.hasFact("setSecure", true)).isTrue();
        assertThat(sunkOnce(FactSamples.class, "escapesToField").escaped()).isTrue();
        assertThat(sunkOnce(FactSamples.class, "escapesToLambda").escaped()).isTrue();
        assertThat(sunkOnce(FactSamples.class, "notEscapedBeforeTheCall").escaped()).isFalse();
    }

    @Test
    void resultOfACallOnATrackedObjectRemembersThatObject() throws Exception {
        AbstractValue builder = sunkOnce(FactSamples.class, "factoryChain");
        assertThat(builder.creation().name()).isEqualTo("newDocumentBuilder");
        AbstractValue factory = builder.creation().receiver();
        assertThat(factory.creation().name()).isEqualTo("newInstance");
        assertThat(factory.hasFact("setFeature", DISALLOW_DOCTYPE, true)).isTrue();
    }

    @Test
    void factoryHardenedByAHelperArrivesWithItsFacts() throws Exception {
        AbstractValue factory = sunkOnce(FactSamples.class, "hardenedByHelper");
        assertThat(factory.escaped()).isFalse();
        assertThat(factory.creation().owner()).isEqualTo("javax/xml/parsers/DocumentBuilderFactory");
        assertThat(factory.hasFact("setFeature", DISALLOW_DOCTYPE, true)).isTrue();
        assertThat(factory.hasFact("setAttribute", "http://javax.xml.XMLConstants/property/accessExternalDTD", ""))
                .isTrue();
        assertThat(sunkOnce(FactSamples.class, "hardenedByPrivateHelper").hasFact("setExpandEntityReferences", false))
                .isTrue();
    }

    @Test
    void helperFactoriesWithoutSettingsOrHardenedOnOnePathOnly() throws Exception {
        AbstractValue plain = sunkOnce(FactSamples.class, "plainFromHelper");
        assertThat(plain.isTracked()).isTrue();
        assertThat(plain.facts()).isEmpty();
        assertThat(sunkOnce(FactSamples.class, "hardenedOnOnePathOfHelper").facts()).isEmpty();
        assertThat(sunkOnce(FactSamples.class, "registeredByHelper").escaped()).isTrue();
    }

    @Test
    void parameterIsNotTracked() throws Exception {
        AbstractValue cookie = sunkOnce(FactSamples.class, "fromParameter");
        assertThat(cookie.isTracked()).isFalse();
        assertThat(cookie.facts()).isEmpty();
        assertThat(cookie.creation()).isNull();
        assertThat(sunk(FactSamples.class, "fromParameter").get(0).escaped()).isFalse();
    }
}
