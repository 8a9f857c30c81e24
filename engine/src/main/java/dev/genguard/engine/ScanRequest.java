package dev.genguard.engine;

import dev.genguard.engine.catalog.Profile;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to analyse and how: everything the engines need, with no Maven types, so that the Maven plugin,
 * tests and a future command line build the same request.
 *
 * @param baseDir         the project directory; findings name files relative to it
 * @param sourceRoots     Java source directories (PMD)
 * @param classDirs       compiled class directories (SpotBugs)
 * @param classpath       libraries of the analysed code, for type resolution; never executed
 * @param profile         the rule profile
 * @param spotbugsPlugins the GenGuard SpotBugs plugin jar(s)
 * @param encoding        source encoding
 * @param pmdThreads      PMD worker threads (0: the calling thread)
 */
public record ScanRequest(Path baseDir, List<Path> sourceRoots, List<Path> classDirs, List<Path> classpath,
                          Profile profile, List<Path> spotbugsPlugins, Charset encoding, int pmdThreads) {

    public ScanRequest {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(encoding, "encoding");
        sourceRoots = List.copyOf(sourceRoots);
        classDirs = List.copyOf(classDirs);
        classpath = List.copyOf(classpath);
        spotbugsPlugins = List.copyOf(spotbugsPlugins);
    }
}
