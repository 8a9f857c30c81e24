package dev.genguard.maven;

import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.report.ConsoleReport;
import dev.genguard.engine.report.InventoryReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists where AI-written code lives in the module and how it is governed: every AI-tagged region (file, member,
 * lines), how it was found (annotation, comment, git trailer), tool and model, prompt log, owner (CODEOWNERS, else
 * the last author), review state, findings and risk. Prints a table and writes
 * {@code target/genguard/ai-inventory.json}. Never fails the build on findings.
 *
 * @since 0.1.0
 */
@Mojo(name = "inventory", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class InventoryMojo extends AbstractGenGuardMojo {

    @Override
    protected void run() throws MojoExecutionException {
        if (skip) {
            getLog().info("GenGuard: skipped (genguard.skip)");
            return;
        }
        Optional<Outcome> outcome = analyse(true);
        if (outcome.isEmpty()) {
            return;
        }
        Assessment assessment = outcome.get().assessment();
        Path file = outputDirectory.toPath().resolve(InventoryReport.FILE_NAME);
        try {
            InventoryReport.write(assessment, file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        if (assessment.inventory().isEmpty()) {
            getLog().info("GenGuard inventory of " + project.getArtifactId() + ": no AI-tagged code found");
        } else {
            getLog().info("GenGuard inventory of " + project.getArtifactId() + ": " + assessment.inventory().size()
                    + " AI-tagged region(s), " + Math.round(assessment.aiShare() * 100) + "% of "
                    + assessment.totalLines() + " lines");
            ConsoleReport.inventory(assessment).forEach(getLog()::info);
        }
        getLog().info("GenGuard: AI inventory: " + relative(file));
    }
}
