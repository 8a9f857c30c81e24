package dev.genguard.maven;

import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.Baseline;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Records the module's current findings in {@link #baselineFile} ({@code genguard-baseline.json}), for the team to
 * commit: from then on {@code check} fails on new findings only. Findings suppressed with a reason are not recorded
 * (the suppression already accepts them). Run it after {@code compile}, as {@code check}:
 * {@code mvn compile genguard:baseline}. Fingerprints survive unrelated edits: they hash the rule, the file, the
 * enclosing member's signature and the normalized code of the flagged statement, not the line number.
 *
 * @since 0.1.0
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class BaselineMojo extends AbstractGenGuardMojo {

    @Override
    protected void run() throws MojoExecutionException {
        if (skip) {
            getLog().info("GenGuard: skipped (genguard.skip)");
            return;
        }
        Optional<Outcome> outcome = analyse(false);
        if (outcome.isEmpty()) {
            return;
        }
        Assessment assessment = outcome.get().assessment();
        Baseline baseline = Baseline.of(project.getArtifactId(), assessment.findings());
        try {
            baseline.write(outcome.get().baseline());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the baseline " + outcome.get().baseline() + ": " + e.getMessage(), e);
        }
        getLog().info("GenGuard: recorded " + baseline.findings().size() + " finding(s) of " + project.getArtifactId()
                + " in " + relative(outcome.get().baseline()) + "; commit it, and genguard:check fails on new findings only");
    }
}
