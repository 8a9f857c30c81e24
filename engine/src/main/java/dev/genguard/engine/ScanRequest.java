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
 * @param profile         the rule profile of code that is not AI-tagged
 * @param spotbugsPlugins the GenGuard SpotBugs plugin jar(s)
 * @param encoding        source encoding
 * @param pmdThreads      PMD worker threads (0: the calling thread)
 * @param sources         which source files count
 * @param pmdCache        PMD's incremental analysis cache file, or null for none
 * @param ai              how AI-tagged code is evaluated, and where it is
 */
public record ScanRequest(Path baseDir, List<Path> sourceRoots, List<Path> classDirs, List<Path> classpath,
                          Profile profile, List<Path> spotbugsPlugins, Charset encoding, int pmdThreads,
                          SourceFilter sources, Path pmdCache, AiPolicy ai) {

    public ScanRequest {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(encoding, "encoding");
        sourceRoots = List.copyOf(sourceRoots);
        classDirs = List.copyOf(classDirs);
        classpath = List.copyOf(classpath);
        spotbugsPlugins = List.copyOf(spotbugsPlugins);
        sources = sources == null ? SourceFilter.ALL : sources;
        ai = ai == null ? AiPolicy.DEFAULT : ai;
    }

    /** A request with every source file, no PMD cache and no AI-tagged code. */
    public ScanRequest(Path baseDir, List<Path> sourceRoots, List<Path> classDirs, List<Path> classpath,
                       Profile profile, List<Path> spotbugsPlugins, Charset encoding, int pmdThreads) {
        this(baseDir, sourceRoots, classDirs, classpath, profile, spotbugsPlugins, encoding, pmdThreads,
                SourceFilter.ALL, null, AiPolicy.DEFAULT);
    }

    public ScanRequest withAi(AiPolicy newAi) {
        return new ScanRequest(baseDir, sourceRoots, classDirs, classpath, profile, spotbugsPlugins, encoding,
                pmdThreads, sources, pmdCache, newAi);
    }

    /** The source files to analyse, sorted. */
    public List<Path> sourceFiles() {
        return sources.files(sourceRoots);
    }
}
