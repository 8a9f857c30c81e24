package dev.genguard.pmd;

import static org.assertj.core.api.Assertions.assertThat;

import net.sourceforge.pmd.PMDVersion;
import org.junit.jupiter.api.Test;

/**
 * The rule tests run twice, on the PMD the build pins and on the oldest PMD GenGuard supports (see the
 * {@code pmd-min-version} execution in this module's pom). This test proves each run used the PMD it claims.
 */
class PmdVersionTest {

    @Test
    void runsOnTheExpectedPmd() {
        String expected = System.getProperty("genguard.expected.pmd.version");
        assertThat(expected).as("system property genguard.expected.pmd.version (set by the pom)").isNotBlank();
        assertThat(PMDVersion.VERSION).isEqualTo(expected);
    }
}
