package dev.genguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbstractGenGuardMojoTest {

    @Test
    void runningOutOfHeapSaysWhereAndHowToGiveMavenMore() {
        assertThat(AbstractGenGuardMojo.outOfMemory("billing-service", 512L << 20)).isEqualTo(
                "GenGuard ran out of Java heap analysing billing-service (maximum heap 512 MiB). GenGuard runs inside"
                        + " Maven's JVM: give Maven more heap, e.g. MAVEN_OPTS=\"-Xmx2g\" or -Xmx2g in .mvn/jvm.config"
                        + " (see the README, \"Memory\")");
    }
}
