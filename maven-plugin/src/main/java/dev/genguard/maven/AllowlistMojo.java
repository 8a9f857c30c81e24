package dev.genguard.maven;

import dev.genguard.engine.dependencies.Coordinate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes {@link #allowlistFile} ({@code genguard-dependencies.txt}) from the module's current dependencies, direct
 * and transitive, one {@code groupId:artifactId} per line: a starting point for the allowlist, to review, widen to
 * patterns ({@code org.springframework.*:*}) and commit. Refuses to replace an existing file unless
 * {@link #overwrite} is set.
 *
 * @since 0.1.0
 */
@Mojo(name = "allowlist", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class AllowlistMojo extends AbstractGenGuardMojo {

    /**
     * Replace an existing allowlist file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "genguard.overwrite", defaultValue = "false")
    private boolean overwrite;

    @Override
    protected void run() throws MojoExecutionException {
        if (skip) {
            getLog().info("GenGuard: skipped (genguard.skip)");
            return;
        }
        Path file = allowlistFile.toPath();
        if (Files.exists(file) && !overwrite) {
            throw new MojoExecutionException(relative(file) + " exists; edit it, or replace it with -Dgenguard.overwrite");
        }
        TreeSet<String> coordinates = new TreeSet<>();
        for (Artifact a : project.getArtifacts()) {
            coordinates.add(new Coordinate(a.getGroupId(), a.getArtifactId()).toString());
        }
        StringBuilder text = new StringBuilder()
                .append("# GenGuard dependency allowlist of ").append(project.getGroupId()).append(':')
                .append(project.getArtifactId()).append('\n')
                .append("# groupId:artifactId per line; * matches any text (org.springframework.*:*); # starts a comment.\n")
                .append("# Written by genguard:allowlist from the current dependencies: review it, then commit it.\n");
        coordinates.forEach(c -> text.append(c).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("GenGuard: wrote " + coordinates.size() + " allowed dependencies to " + relative(file));
    }
}
