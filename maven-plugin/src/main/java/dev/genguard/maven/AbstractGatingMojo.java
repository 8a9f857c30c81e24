package dev.genguard.maven;

import org.apache.maven.plugins.annotations.Parameter;

/** A goal that fails the build on findings: the gate's parameters, named as maven-pmd-plugin names them. */
abstract class AbstractGatingMojo extends AbstractGenGuardMojo {

    /**
     * The least severe new finding that fails the build: BLOCKER, CRITICAL, MAJOR or MINOR.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.failOnSeverity", defaultValue = "CRITICAL")
    protected String failOnSeverity;

    /**
     * Fail the build on new findings at or above {@link #failOnSeverity} (and, in {@code check}, on
     * {@code failOnRiskScore}); when false, findings are only reported.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.failOnViolation", defaultValue = "true")
    protected boolean failOnViolation;
}
